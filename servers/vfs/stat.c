/*
 * stat.c - stat, lstat (a symbolic link at the end is not followed: the
 * link's own attributes), fstat, access, umask.  The reply structure is a struct vfs_stat copied to the
 * caller's grant (len2 must be its exact size).  A pipe's stat is made
 * up by VFS: FIFO type, the bytes waiting as its size.  Everybody is
 * the superuser: access checks that the file exists, and for X_OK that
 * some execute bit is set (or it is a directory).
 */
#include "vfs.h"

static int stat_out(message *m, struct vfs_stat *st, int mnt)
{
    if (REQ(m)->len2 != sizeof(*st))
        return -EINVAL;
    st->dev = (uint32_t)mnt + 1;
    return sys_safecopyto(m->m_source, REQ(m)->grant2, 0, st, sizeof(*st));
}

int do_fstat(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    struct vfs_stat st;
    int r;
    if (!f)
        return -EBADF;
    if (f->vp->pipe) {
        memset(&st, 0, sizeof(st));
        st.ino = f->vp->ino;
        st.mode = f->vp->mode;
        st.nlink = 1;
        st.size = f->vp->pipe->count;
        st.blksize = PIPE_SIZE;
        return stat_out(m, &st, -1);
    }
    if ((r = fs_getattr(f->vp->mnt, f->vp->ino, &st)) != OK)
        return r;
    return stat_out(m, &st, f->vp->mnt);
}

static int lookup_path(message *m, struct loc *l, int follow)
{
    struct vproc *p;
    return resolve_req(m, &p, follow, l);
}

int do_stat(message *m)
{
    struct loc l;
    int r = lookup_path(m, &l, 1);
    return r == OK ? stat_out(m, &l.st, l.mnt) : r;
}

int do_lstat(message *m)
{
    struct loc l;
    int r = lookup_path(m, &l, 0);
    return r == OK ? stat_out(m, &l.st, l.mnt) : r;
}

int do_access(message *m)
{
    uint32_t mode = REQ(m)->mode;
    struct vproc *p = vproc_get(m->m_source);
    struct loc l;
    int r;
    if (mode & ~(uint32_t)(VFS_R_OK | VFS_W_OK | VFS_X_OK))
        return -EINVAL;
    if (!p)
        return -EIO;
    if ((r = lookup_path(m, &l, 1)) != OK)
        return r;
    return vfs_may(p, &l.st, (int)mode);       /* by the effective ids (VFS knows no others) */
}

int do_umask(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    uint32_t old;
    if (!p)
        return -EIO;
    old = p->umask;
    vproc_changed(p);
    p->umask = REQ(m)->mode & 0777;
    return (int)old;
}

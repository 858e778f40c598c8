/*
 * statfs.c - file-system figures and the mount list: statfs by path
 * (VFS_STATFS) or descriptor (VFS_FSTATFS) asks the file system that
 * holds the file (FS_STATFS) and adds fsid = the st_dev its files have
 * (mount index + 1); VFS_GETMNT hands out the n-th mount in use: the
 * server's label and the path it is mounted on ("/" for mounts[0], else
 * the path of the directory it covers).  The reply structures must be
 * given at their exact size (EINVAL).  Nothing here changes state.
 */
#include "vfs.h"

static int statfs_out(message *m, int mnt)
{
    message fm;
    struct vfs_statfs sf;
    int r;
    if (REQ(m)->len2 != sizeof(sf))
        return -EINVAL;
    memset(&fm, 0, sizeof(fm));
    fm.m_type = FS_STATFS;
    if ((r = fs_call(mnt, &fm, 0, 0, 0)) != OK)
        return r;
    sf = *MSG_BODY(&fm, struct vfs_statfs);
    sf.fsid = (uint32_t)mnt + 1;
    return sys_safecopyto(m->m_source, REQ(m)->grant2, 0, &sf, sizeof(sf));
}

int do_statfs(message *m)
{
    struct vproc *p;
    struct loc l;
    int r;
    if ((r = resolve_req(m, &p, 1, &l)) != OK)
        return r;
    return statfs_out(m, l.mnt);
}

int do_fstatfs(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    if (!f)
        return -EBADF;
    if (f->vp->pipe)
        return -EINVAL;
    return statfs_out(m, f->vp->mnt);
}

/* The mount in use numbered n (from 0), or -1. */
static int nth_mount(int32_t n)
{
    for (int i = 0; i < NR_MOUNTS; i++)
        if (mounts[i].used && mounts[i].root && n-- == 0)
            return i;
    return -1;
}

int do_getmnt(message *m)
{
    struct vfs_mntent me;
    struct loc l;
    int i, r;
    if (REQ(m)->len2 != sizeof(me))
        return -EINVAL;
    if (REQ(m)->offset < 0 || (i = nth_mount(REQ(m)->offset)) < 0)
        return -ENOENT;
    memset(&me, 0, sizeof(me));
    strlcpy(me.label, mounts[i].label, sizeof(me.label));
    strlcpy(me.dev, mounts[i].dev, sizeof(me.dev));
    me.flags = mounts[i].flags;
    if (!mounts[i].covered) {
        strlcpy(me.dir, "/", sizeof(me.dir));
    } else {
        vnode_loc(mounts[i].covered, &l);
        if ((r = dir_path(&l, me.dir)) != OK)
            return r;
    }
    return sys_safecopyto(m->m_source, REQ(m)->grant2, 0, &me, sizeof(me));
}

/*
 * perm.c - who may do what to a file: the owner, group and other bits of
 * its mode against the caller's effective uid and gid (struct vproc,
 * which PM keeps up to date: VFS_PM_FORK copies them, VFS_PM_SETIDS sets
 * them), and chmod and chown, the calls that change them.
 *
 * Rules (POSIX, without supplementary groups, sticky bits or set-ID
 * files): root (uid 0) may read and write anything, search any
 * directory, and execute a file that has any x bit; anybody else gets
 * the owner's bits if it owns the file, else the group's if the group is
 * its own, else the others'.  Only the owner or root may chmod; only
 * root may chown; by path (chown follows a link at the end unless asked
 * not to: lchown) or by descriptor (fchmod, fchown: not a pipe, EINVAL).
 * Every request is checked in full before the file
 * system is asked to change anything.
 */
#include "vfs.h"

int vfs_may(const struct vproc *p, const struct vfs_stat *st, int want)
{
    uint32_t bits;
    if (p->uid == 0)
        return !(want & VFS_X_OK) || IS_TYPE(st->mode, VFS_S_IFDIR) || (st->mode & 0111)
                   ? OK : -EACCES;
    if ((uint32_t)p->uid == st->uid)
        bits = st->mode >> 6;
    else if ((uint32_t)p->gid == st->gid)
        bits = st->mode >> 3;
    else
        bits = st->mode;
    return ((bits & 7) & (uint32_t)want) == (uint32_t)want ? OK : -EACCES;
}

/* The file the request's descriptor has open, with fresh attributes. */
static int fd_target(message *m, struct vproc **pp, struct loc *l)
{
    struct filp *f;
    if (!(*pp = vproc_get(m->m_source)))
        return -EIO;
    if (!(f = fd_filp(*pp, REQ(m)->fd)))
        return -EBADF;
    if (f->vp->pipe)
        return -EINVAL;                 /* a pipe's mode and owner are VFS's own */
    vnode_loc(f->vp, l);
    return fs_getattr(l->mnt, l->st.ino, &l->st);
}

static int chmod_loc(const struct vproc *p, const struct loc *l, uint32_t mode)
{
    struct fs_req want;
    if (p->uid != 0 && (uint32_t)p->uid != l->st.uid)
        return -EPERM;
    fs_keep_all(&want);
    want.mode = mode;
    return fs_setattr(l, &want);
}

static int chown_loc(const struct vproc *p, const struct loc *l, int32_t uid, int32_t gid)
{
    struct fs_req want;
    if (p->uid != 0)
        return -EPERM;
    fs_keep_all(&want);
    want.uid = uid < 0 ? FS_KEEP : (uint32_t)uid;
    want.gid = gid < 0 ? FS_KEEP : (uint32_t)gid;
    return fs_setattr(l, &want);
}

static int ids_ok(const struct vfs_req *rq)
{
    return rq->offset >= -1 && rq->offset <= VFS_ID_MAX &&
           rq->whence >= -1 && rq->whence <= VFS_ID_MAX;
}

int do_chmod(message *m)
{
    struct vproc *p;
    struct loc l;
    int r;
    if (REQ(m)->mode & ~07777u)
        return -EINVAL;
    if ((r = resolve_req(m, &p, 1, &l)) != OK)
        return r;
    return chmod_loc(p, &l, REQ(m)->mode);
}

int do_fchmod(message *m)
{
    struct vproc *p;
    struct loc l;
    int r;
    if (REQ(m)->mode & ~07777u)
        return -EINVAL;
    if ((r = fd_target(m, &p, &l)) != OK)
        return r;
    return chmod_loc(p, &l, REQ(m)->mode);
}

int do_chown(message *m)
{
    struct vproc *p;
    struct loc l;
    int flags = REQ(m)->flags, r;
    if (!ids_ok(REQ(m)) || (flags & ~VFS_AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    if ((r = resolve_req(m, &p, !(flags & VFS_AT_SYMLINK_NOFOLLOW), &l)) != OK)
        return r;
    return chown_loc(p, &l, REQ(m)->offset, REQ(m)->whence);
}

int do_fchown(message *m)
{
    struct vproc *p;
    struct loc l;
    int r;
    if (!ids_ok(REQ(m)))
        return -EINVAL;
    if ((r = fd_target(m, &p, &l)) != OK)
        return r;
    return chown_loc(p, &l, REQ(m)->offset, REQ(m)->whence);
}

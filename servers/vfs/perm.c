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
 * root may chown.  Every request is checked in full before the file
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

/* The file the request's path names, for chmod and chown. */
static int target(message *m, struct vproc **pp, struct loc *l)
{
    char path[VFS_PATH_MAX];
    int r;
    if (!(*pp = vproc_get(m->m_source)))
        return -EIO;
    if ((r = get_path(m->m_source, REQ(m)->grant, REQ(m)->len, path)) != OK)
        return r;
    return resolve(*pp, path, l);
}

static int setattr(const struct loc *l, uint32_t mode, uint32_t uid, uint32_t gid)
{
    message fm;
    struct fs_req *rq = MSG_BODY(&fm, struct fs_req);
    memset(&fm, 0, sizeof(fm));
    fm.m_type = FS_SETATTR;
    rq->ino = l->st.ino;
    rq->mode = mode;
    rq->uid = uid;
    rq->gid = gid;
    return fs_call(l->mnt, &fm, 0, 0, 0);
}

int do_chmod(message *m)
{
    struct vproc *p;
    struct loc l;
    uint32_t mode = REQ(m)->mode;
    int r;
    if (mode & ~07777u)
        return -EINVAL;
    if ((r = target(m, &p, &l)) != OK)
        return r;
    if (p->uid != 0 && (uint32_t)p->uid != l.st.uid)
        return -EPERM;
    return setattr(&l, mode, FS_KEEP, FS_KEEP);
}

int do_chown(message *m)
{
    struct vproc *p;
    struct loc l;
    int32_t uid = REQ(m)->offset, gid = REQ(m)->whence;
    int r;
    if (uid < -1 || uid > VFS_ID_MAX || gid < -1 || gid > VFS_ID_MAX)
        return -EINVAL;
    if ((r = target(m, &p, &l)) != OK)
        return r;
    if (p->uid != 0)
        return -EPERM;
    return setattr(&l, FS_KEEP, uid < 0 ? FS_KEEP : (uint32_t)uid,
                   gid < 0 ? FS_KEEP : (uint32_t)gid);
}

/*
 * times.c - setting a file's access and modification times: utimensat
 * by path (VFS_UTIMENS; a link at the end is followed unless
 * VFS_AT_SYMLINK_NOFOLLOW) and futimens by descriptor (VFS_FUTIMENS).
 * Each time is given (epoch seconds, >= 0), "now" (the file system's
 * clock: FS_NOW) or left alone (VFS_UT_*_OMIT).  Who may: explicit
 * times, the owner or root (EPERM); "now" for both, also anybody with
 * write permission (EACCES).  Both left alone changes nothing and needs
 * no permission.  Everything is checked before FS_SETATTR is sent.
 */
#include "vfs.h"

#define UT_BITS (VFS_UT_ATIME_NOW | VFS_UT_ATIME_OMIT | VFS_UT_MTIME_NOW | VFS_UT_MTIME_OMIT)

/* One time for FS_SETATTR from its value and its NOW and OMIT bits;
 * *given says it is an explicit time. */
static int one_time(int32_t value, uint32_t bits, uint32_t now, uint32_t omit,
                    uint32_t *out, int *given)
{
    if ((bits & now) && (bits & omit))
        return -EINVAL;
    *given = !(bits & (now | omit));
    if (*given && value < 0)
        return -EINVAL;
    *out = bits & omit ? FS_KEEP : bits & now ? FS_NOW : (uint32_t)value;
    return OK;
}

static int times_check(const struct vfs_req *rq, struct fs_req *want, int *given)
{
    int ga, gm, r;
    if (rq->request & ~UT_BITS)
        return -EINVAL;
    fs_keep_all(want);
    if ((r = one_time(rq->offset, rq->request, VFS_UT_ATIME_NOW, VFS_UT_ATIME_OMIT,
                      &want->atime, &ga)) != OK ||
        (r = one_time(rq->whence, rq->request, VFS_UT_MTIME_NOW, VFS_UT_MTIME_OMIT,
                      &want->mtime, &gm)) != OK)
        return r;
    *given = ga || gm;
    return OK;
}

static int set_times(const struct vproc *p, const struct loc *l, const struct fs_req *want,
                     int given)
{
    if (want->atime == FS_KEEP && want->mtime == FS_KEEP)
        return OK;
    if (p->uid != 0 && (uint32_t)p->uid != l->st.uid) {
        if (given)
            return -EPERM;
        if (vfs_may(p, &l->st, VFS_W_OK) != OK)
            return -EACCES;
    }
    return fs_setattr(l, want);
}

int do_utimens(message *m)
{
    char path[VFS_PATH_MAX];
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    struct fs_req want;
    struct loc l;
    int given, r;
    if (!p)
        return -EIO;
    if (rq->flags & ~VFS_AT_SYMLINK_NOFOLLOW)
        return -EINVAL;
    if ((r = times_check(rq, &want, &given)) != OK ||
        (r = get_path(m->m_source, rq->grant, rq->len, path)) != OK ||
        (r = resolve_from(p, 0, path, !(rq->flags & VFS_AT_SYMLINK_NOFOLLOW), &l)) != OK)
        return r;
    return set_times(p, &l, &want, given);
}

int do_futimens(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    struct fs_req want;
    struct loc l;
    int given, r;
    if (!f)
        return -EBADF;
    if ((r = times_check(REQ(m), &want, &given)) != OK)
        return r;
    if (f->vp->pipe)
        return -EINVAL;
    vnode_loc(f->vp, &l);
    if ((r = fs_getattr(l.mnt, l.st.ino, &l.st)) != OK)
        return r;
    return set_times(p, &l, &want, given);
}

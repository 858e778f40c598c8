/*
 * readwrite.c - read, write, lseek, ftruncate on a descriptor, sent to
 * the right kind of file: regular (file.c), pipe (pipe.c) or character
 * device (device.c).  Directories are read with getdents only (EISDIR).
 * Positions and counts are at most POS_MAX (EINVAL past it; EFBIG for
 * writes): 2 GiB less a page, so that a count VFS answers can never be
 * 0x7fffffff, which the server skeleton takes for "no reply" (EDONTREPLY:
 * a write of that many bytes to /dev/null left its caller waiting for
 * ever; found by the fuzzer).
 */
#include "vfs.h"

#define POS_MAX 0x7ffff000u

_Static_assert(POS_MAX < EDONTREPLY, "a count is never the no-reply value");

static struct filp *caller_filp(message *m, struct vproc **pp)
{
    *pp = vproc_get(m->m_source);
    return *pp ? fd_filp(*pp, REQ(m)->fd) : 0;
}

int do_read(message *m)
{
    struct vproc *p;
    struct filp *f = caller_filp(m, &p);
    uint32_t len = REQ(m)->len;
    if (!f || !can_read(f))
        return -EBADF;
    if (len > POS_MAX)
        return -EINVAL;
    if (f->vp->pipe)
        return len ? pipe_read(p, f, REQ(m)->grant, len) : 0;
    if (IS_TYPE(f->vp->mode, VFS_S_IFDIR))
        return -EISDIR;
    if (len == 0)
        return 0;
    if (IS_TYPE(f->vp->mode, VFS_S_IFCHR))
        return dev_read(p, f, REQ(m)->grant, len);
    return file_read(p, f, REQ(m)->grant, len);
}

int do_write(message *m)
{
    struct vproc *p;
    struct filp *f = caller_filp(m, &p);
    uint32_t len = REQ(m)->len;
    if (!f || !can_write(f))
        return -EBADF;
    if (len > POS_MAX)
        return -EINVAL;
    if (len == 0)
        return 0;
    if (f->vp->pipe)
        return pipe_write(p, f, REQ(m)->grant, len, partial_done(p));
    if (IS_TYPE(f->vp->mode, VFS_S_IFCHR))
        return dev_write(p, f, REQ(m)->grant, len, REQ(m)->flags & VFS_BG_OK);
    if (f->pos > POS_MAX - len)
        return -EFBIG;
    return file_write(p, f, REQ(m)->grant, len);
}

int do_lseek(message *m)
{
    struct vproc *p;
    struct filp *f = caller_filp(m, &p);
    struct vfs_req *rq = REQ(m);
    struct vfs_stat st;
    int64_t base;
    int r;
    if (!f)
        return -EBADF;
    if (f->vp->pipe)
        return -ESPIPE;
    switch (rq->whence) {
    case VFS_SEEK_SET: base = 0; break;
    case VFS_SEEK_CUR: base = f->pos; break;
    case VFS_SEEK_END:
        if (IS_TYPE(f->vp->mode, VFS_S_IFCHR))
            base = 0;
        else if ((r = fs_getattr(f->vp->mnt, f->vp->ino, &st)) != OK)
            return r;
        else
            base = st.size;
        break;
    default: return -EINVAL;
    }
    base += rq->offset;
    if (base < 0 || base > POS_MAX)
        return -EINVAL;
    f->pos = (uint32_t)base;
    rq->offset = (int32_t)base;
    return OK;
}

int do_ftruncate(message *m)
{
    struct vproc *p;
    struct filp *f = caller_filp(m, &p);
    struct fs_req t;
    if (!f)
        return -EBADF;
    if (!IS_TYPE(f->vp->mode, VFS_S_IFREG) || f->vp->pipe || REQ(m)->offset < 0)
        return -EINVAL;
    if (!can_write(f))
        return -EINVAL;                 /* POSIX allows EBADF too; Linux says EINVAL */
    memset(&t, 0, sizeof(t));
    t.pos = (uint32_t)REQ(m)->offset;
    return fs_simple(f->vp->mnt, FS_TRUNCATE, f->vp->ino, &t);
}

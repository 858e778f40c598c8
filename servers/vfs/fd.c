/*
 * fd.c - descriptor calls: dup, dup2, fcntl, ioctl.  Duplicates share
 * the open file description (position, flags); FD_CLOEXEC belongs to the
 * descriptor and is clear on a duplicate (set with F_DUPFD_CLOEXEC).  ioctl goes to the character
 * device's driver; other files answer ENOTTY.
 */
#include "vfs.h"

static int dup_to(struct vproc *p, struct filp *f, int fd)
{
    f->refs++;
    vproc_changed(p);
    p->fd[fd] = f;
    p->cloexec[fd] = 0;
    return fd;
}

int do_dup(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    int fd;
    if (!f)
        return -EBADF;
    if ((fd = fd_free_slot(p, 0)) < 0)
        return fd;
    return dup_to(p, f, fd);
}

int do_dup2(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    int fd2 = REQ(m)->fd2;
    if (!f || fd2 < 0 || fd2 >= VFS_OPEN_MAX)
        return -EBADF;
    if (fd2 == REQ(m)->fd)
        return fd2;
    f->refs++;                          /* so closing fd2 cannot free f */
    fd_close(p, fd2);
    f->refs--;
    return dup_to(p, f, fd2);
}

int do_fcntl(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    int fd = REQ(m)->fd, arg = REQ(m)->offset;
    struct filp *f = p ? fd_filp(p, fd) : 0;
    const int settable = VFS_O_APPEND | VFS_O_NONBLOCK;
    if (!f)
        return -EBADF;
    switch (REQ(m)->request) {
    case VFS_F_DUPFD:
    case VFS_F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= VFS_OPEN_MAX)
            return -EINVAL;
        if ((fd = fd_free_slot(p, arg)) < 0)
            return fd;
        dup_to(p, f, fd);
        p->cloexec[fd] = REQ(m)->request == VFS_F_DUPFD_CLOEXEC;
        return fd;
    case VFS_F_GETFD:
        return p->cloexec[fd] ? VFS_FD_CLOEXEC : 0;
    case VFS_F_SETFD:
        vproc_changed(p);
        p->cloexec[fd] = (arg & VFS_FD_CLOEXEC) != 0;
        return OK;
    case VFS_F_GETFL:
        return f->flags;
    case VFS_F_SETFL:
        f->flags = (f->flags & ~settable) | (arg & settable);
        return OK;
    default:
        return -EINVAL;
    }
}

int do_ioctl(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    if (!f)
        return -EBADF;
    if (f->vp->pipe || !IS_TYPE(f->vp->mode, VFS_S_IFCHR))
        return -ENOTTY;
    return dev_ioctl(p, f, REQ(m)->request, REQ(m)->grant, REQ(m)->len,
                     REQ(m)->flags & VFS_BG_OK);
}

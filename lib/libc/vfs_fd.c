/*
 * vfs_fd.c - descriptor calls: dup, dup2, pipe, fcntl, ioctl.  ioctl's
 * argument size and direction come from the request number when it is
 * built with VFS_IOC (proto/vfs.h): the argument is lent for reading
 * (VFS_IOC_IN) and/or writing (VFS_IOC_OUT).  The terminal's requests
 * (proto/tty.h: plain numbers, exact argument sizes) are known here and
 * lent both ways, and Linux's TIOCGWINSZ, TIOCGPGRP and TIOCSPGRP are
 * translated to them; any other request lends nothing.  __vfs_ioctl lends an
 * argument of a given size both ways (for libc's own termios calls).
 */
#include "libc.h"
#include "vfs.h"
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include "proto/tty.h"

int __tty_winsize(int fd, struct winsize *w);     /* termios.c */

_Static_assert(F_DUPFD == VFS_F_DUPFD && F_GETFD == VFS_F_GETFD && F_SETFD == VFS_F_SETFD &&
               F_GETFL == VFS_F_GETFL && F_SETFL == VFS_F_SETFL &&
               F_DUPFD_CLOEXEC == VFS_F_DUPFD_CLOEXEC &&
               FD_CLOEXEC == VFS_FD_CLOEXEC, "fcntl commands pass through unchanged");

static int fd_call(int type, int fd, int fd2)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, type);
    rq->fd = fd;
    rq->fd2 = fd2;
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

int dup(int fd)
{
    return fd_call(VFS_DUP, fd, 0);
}

int dup2(int fd, int fd2)
{
    return fd_call(VFS_DUP2, fd, fd2);
}

int pipe(int fds[2])
{
    message m;
    int r;
    if (__bad_ptr(fds))
        return __vfs_ret(-EFAULT);
    __vfs_req(&m, VFS_PIPE);
    r = __vfs_call(&m, 0, 0, 0, 0, 0, 0);
    if (r == OK) {
        fds[0] = MSG_BODY(&m, struct vfs_req)->fd;
        fds[1] = MSG_BODY(&m, struct vfs_req)->fd2;
    }
    return __vfs_ret(r);
}

int fcntl(int fd, int cmd, ...)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_FCNTL);
    va_list ap;
    va_start(ap, cmd);
    rq->offset = cmd == F_GETFD || cmd == F_GETFL ? 0 : va_arg(ap, int);
    va_end(ap);
    rq->fd = fd;
    rq->request = (uint32_t)cmd;
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

static uint32_t tty_size(uint32_t req)
{
    switch (req) {
    case TTY_GETATTR: case TTY_SETATTR: return sizeof(struct tty_attr);
    case TTY_GETPGRP: case TTY_SETPGRP: case TTY_GETSID: return sizeof(int32_t);
    case TTY_GETWINSZ: return sizeof(struct tty_winsize);
    default: return 0;
    }
}

static int ioctl_call(int fd, uint32_t req, void *arg, uint32_t size, int access)
{
    message m;
    __vfs_req(&m, VFS_IOCTL)->fd = fd;
    MSG_BODY(&m, struct vfs_req)->request = req;
    if (!arg || !size || !access)
        return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
    return __vfs_ret(__vfs_call(&m, arg, size, access, 0, 0, 0));
}

int __vfs_ioctl(int fd, unsigned request, void *arg, size_t size)
{
    return ioctl_call(fd, request, arg, size, GRANT_READ | GRANT_WRITE);
}

/* TIOCGPGRP and TIOCSPGRP (Linux's numbers): tcgetpgrp and tcsetpgrp (tty.c). */
static int linux_pgrp(int fd, uint32_t req, int *arg)
{
    pid_t g;
    if (req == TIOCSPGRP)
        return tcsetpgrp(fd, *arg);
    if ((g = tcgetpgrp(fd)) < 0)
        return -1;
    *arg = g;
    return 0;
}

int ioctl(int fd, int request, ...)
{
    uint32_t req = (uint32_t)request, size = VFS_IOC_SIZE(req);
    int access = (req & VFS_IOC_IN ? GRANT_READ : 0) | (req & VFS_IOC_OUT ? GRANT_WRITE : 0);
    void *arg = 0;
    va_list ap;
    if (!access && (size = tty_size(req)) != 0)
        access = GRANT_READ | GRANT_WRITE;
    va_start(ap, request);
    if ((access && size) || req == TIOCGWINSZ || req == TIOCGPGRP || req == TIOCSPGRP)
        arg = va_arg(ap, void *);
    va_end(ap);
    if (req == TIOCGWINSZ)
        return __tty_winsize(fd, arg);
    if (req == TIOCGPGRP || req == TIOCSPGRP)
        return linux_pgrp(fd, req, arg);
    return ioctl_call(fd, req, arg, size, access);
}

/*
 * vfs_file.c - open, close, read, write, lseek, ftruncate.  write turns
 * EPIPE into SIGPIPE for the caller (kill(getpid(), SIGPIPE)), then
 * fails with EPIPE if the signal did not end the process.
 */
#include "vfs.h"
#include <signal.h>
#include <stdarg.h>

_Static_assert(O_CREAT == VFS_O_CREAT && O_TRUNC == VFS_O_TRUNC && O_EXCL == VFS_O_EXCL &&
               O_APPEND == VFS_O_APPEND && O_NONBLOCK == VFS_O_NONBLOCK &&
               O_CLOEXEC == VFS_O_CLOEXEC && O_DIRECTORY == VFS_O_DIRECTORY &&
               O_RDWR == VFS_O_RDWR && O_WRONLY == VFS_O_WRONLY,
               "open flags pass through unchanged");
_Static_assert(SEEK_SET == VFS_SEEK_SET && SEEK_CUR == VFS_SEEK_CUR &&
               SEEK_END == VFS_SEEK_END, "whence passes through unchanged");

int open(const char *path, int flags, ...)
{
    struct vfs_req rq = { .flags = flags };
    if (flags & O_CREAT) {
        va_list ap;
        va_start(ap, flags);
        rq.mode = va_arg(ap, int);
        va_end(ap);
    }
    return __vfs_ret(__vfs_path(VFS_OPEN, path, &rq));
}

int close(int fd)
{
    message m;
    __vfs_req(&m, VFS_CLOSE)->fd = fd;
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

_READ_WRITE_RETURN_TYPE read(int fd, void *buf, size_t len)
{
    message m;
    if (len == 0)
        return 0;
    __vfs_req(&m, VFS_READ)->fd = fd;
    return __vfs_ret(__vfs_call(&m, buf, len, GRANT_WRITE, 0, 0, 0));
}

_READ_WRITE_RETURN_TYPE write(int fd, const void *buf, size_t len)
{
    message m;
    int r;
    if (len == 0)
        return 0;
    __vfs_req(&m, VFS_WRITE)->fd = fd;
    r = __vfs_call(&m, buf, len, GRANT_READ, 0, 0, 0);
    if (r == -EPIPE)
        kill(getpid(), SIGPIPE);
    return __vfs_ret(r);
}

off_t lseek(int fd, off_t off, int whence)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_LSEEK);
    int r;
    rq->fd = fd;
    rq->offset = off;
    rq->whence = whence;
    r = __vfs_call(&m, 0, 0, 0, 0, 0, 0);
    return r == OK ? MSG_BODY(&m, struct vfs_req)->offset : __vfs_ret(r);
}

int ftruncate(int fd, off_t size)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_FTRUNCATE);
    rq->fd = fd;
    rq->offset = size;
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

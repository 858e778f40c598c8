/*
 * fsync.c - fsync, fdatasync, sync: one VFS_SYNC each.  fsync flushes
 * the file system holding the descriptor's file (a disk file system
 * writes its dirty blocks and metadata; ramfs has nothing to flush);
 * sync flushes every mount, syncfs the one holding the descriptor (as
 * fsync).  fsync on a pipe is EINVAL, on a bad
 * descriptor EBADF.
 */
#include "libc.h"
#include "vfs.h"
#include <unistd.h>

int __vfs_sync(int fd)
{
    message m;
    __vfs_req(&m, VFS_SYNC)->fd = fd;
    return __vfs_call(&m, 0, 0, 0, 0, 0, 0);
}

int fsync(int fd)
{
    if (fd < 0)
        return __vfs_ret(-EBADF);
    return __vfs_ret(__vfs_sync(fd));
}

int fdatasync(int fd)
{
    return fsync(fd);
}

void sync(void)
{
    __vfs_sync(-1);
}

/* Linux's syncfs: flush the file system holding fd (what VFS_SYNC with
 * a descriptor does anyway). */
int syncfs(int fd)
{
    return fsync(fd);
}

/*
 * statfs.c - file-system figures: statvfs, fstatvfs, statfs, fstatfs,
 * each one VFS call (VFS_STATFS by path, VFS_FSTATFS by descriptor)
 * answered by the file system holding the file (ramfs: its 4 KiB
 * blocks and its inodes), converted to the caller's structure.  f_fsid
 * is the st_dev of the file system's files; nothing is reserved for
 * root (f_bavail = f_bfree); f_type is 0 (Stabilix has no magic numbers).
 */
#include "libc.h"
#include "vfs.h"
#include <sys/statfs.h>
#include <sys/statvfs.h>

static int get(int type, const char *path, int fd, struct vfs_statfs *sf)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, type);
    if (type == VFS_FSTATFS) {
        rq->fd = fd;
        return __vfs_call(&m, 0, 0, 0, sf, sizeof(*sf), GRANT_WRITE);
    }
    if (__bad_ptr(path))
        return -EFAULT;
    return __vfs_call(&m, path, strlen(path) + 1, GRANT_READ, sf, sizeof(*sf), GRANT_WRITE);
}

static int to_statvfs(int r, const struct vfs_statfs *sf, struct statvfs *buf)
{
    if (r != OK)
        return __vfs_ret(r);
    memset(buf, 0, sizeof(*buf));
    buf->f_bsize = buf->f_frsize = sf->bsize;
    buf->f_blocks = sf->blocks;
    buf->f_bfree = sf->bfree;
    buf->f_bavail = sf->bavail;
    buf->f_files = sf->files;
    buf->f_ffree = buf->f_favail = sf->ffree;
    buf->f_fsid = sf->fsid;
    buf->f_namemax = sf->namemax;
    return 0;
}

static int to_statfs(int r, const struct vfs_statfs *sf, struct statfs *buf)
{
    if (r != OK)
        return __vfs_ret(r);
    memset(buf, 0, sizeof(*buf));
    buf->f_bsize = buf->f_frsize = (long)sf->bsize;
    buf->f_blocks = sf->blocks;
    buf->f_bfree = sf->bfree;
    buf->f_bavail = sf->bavail;
    buf->f_files = sf->files;
    buf->f_ffree = sf->ffree;
    buf->f_fsid.__val[0] = (int)sf->fsid;
    buf->f_namelen = (long)sf->namemax;
    return 0;
}

int statvfs(const char *path, struct statvfs *buf)
{
    struct vfs_statfs sf;
    return to_statvfs(get(VFS_STATFS, path, -1, &sf), &sf, buf);
}

int fstatvfs(int fd, struct statvfs *buf)
{
    struct vfs_statfs sf;
    return to_statvfs(get(VFS_FSTATFS, 0, fd, &sf), &sf, buf);
}

int statfs(const char *path, struct statfs *buf)
{
    struct vfs_statfs sf;
    return to_statfs(get(VFS_STATFS, path, -1, &sf), &sf, buf);
}

int fstatfs(int fd, struct statfs *buf)
{
    struct vfs_statfs sf;
    return to_statfs(get(VFS_FSTATFS, 0, fd, &sf), &sf, buf);
}

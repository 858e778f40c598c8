/*
 * vfs_names.c - calls on names: mkdir, rmdir, unlink, link, rename,
 * chdir, getcwd (a NULL buffer is allocated with malloc, size 0 meaning
 * "as needed", as glibc and the BSDs do).
 */
#include "vfs.h"
#include <stdio.h>
#include <stdlib.h>

int mkdir(const char *path, mode_t mode)
{
    struct vfs_req rq = { .mode = mode };
    return __vfs_ret(__vfs_path(VFS_MKDIR, path, &rq));
}

int rmdir(const char *path)
{
    return __vfs_ret(__vfs_path(VFS_RMDIR, path, 0));
}

int unlink(const char *path)
{
    return __vfs_ret(__vfs_path(VFS_UNLINK, path, 0));
}

int chdir(const char *path)
{
    return __vfs_ret(__vfs_path(VFS_CHDIR, path, 0));
}

static int two_paths(int type, const char *a, const char *b)
{
    message m;
    if (!a || !b)
        return __vfs_ret(-EFAULT);
    __vfs_req(&m, type);
    return __vfs_ret(__vfs_call(&m, a, strlen(a) + 1, GRANT_READ,
                                b, strlen(b) + 1, GRANT_READ));
}

int link(const char *old, const char *new)
{
    return two_paths(VFS_LINK, old, new);
}

int rename(const char *old, const char *new)
{
    return two_paths(VFS_RENAME, old, new);
}

char *getcwd(char *buf, size_t size)
{
    char *mine = 0;
    message m;
    int r;
    if (!buf) {
        size = size ? size : VFS_PATH_MAX;
        if (!(buf = mine = malloc(size)))
            return 0;
    } else if (size == 0) {
        errno = EINVAL;
        return 0;
    }
    __vfs_req(&m, VFS_GETCWD);
    r = __vfs_call(&m, buf, size, GRANT_WRITE, 0, 0, 0);
    if (r < 0) {
        free(mine);
        __vfs_ret(r);
        return 0;
    }
    return buf;
}

/* A device node or FIFO (VFS_MKNOD: root only for devices). */
int mknod(const char *path, mode_t mode, dev_t dev)
{
    struct vfs_req rq = { .mode = mode, .offset = (int32_t)dev };
    return __vfs_ret(__vfs_path(VFS_MKNOD, path, &rq));
}

int mkfifo(const char *path, mode_t mode)
{
    return mknod(path, S_IFIFO | (mode & 07777), 0);
}

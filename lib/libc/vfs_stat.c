/*
 * vfs_stat.c - fstat, stat, lstat (a link's own attributes), isatty,
 * access, umask.  struct vfs_stat (fixed layout) becomes newlib's struct
 * stat.  isatty: a character device that is not one of VFS's memory
 * devices (major 1: /dev/null, /dev/zero) is a terminal.
 */
#include "libc.h"
#include "vfs.h"

_Static_assert(S_IFMT == VFS_S_IFMT && S_IFDIR == VFS_S_IFDIR && S_IFCHR == VFS_S_IFCHR &&
               S_IFREG == VFS_S_IFREG && S_IFIFO == VFS_S_IFIFO && S_IFLNK == VFS_S_IFLNK,
               "mode bits are POSIX's");
_Static_assert(R_OK == VFS_R_OK && W_OK == VFS_W_OK && X_OK == VFS_X_OK, "access bits");

static void convert(const struct vfs_stat *v, struct stat *st)
{
    memset(st, 0, sizeof(*st));
    st->st_dev = v->dev;
    st->st_ino = v->ino;
    st->st_mode = v->mode;
    st->st_nlink = v->nlink;
    st->st_uid = v->uid;
    st->st_gid = v->gid;
    st->st_rdev = v->rdev;
    st->st_size = v->size;
    st->st_atim.tv_sec = v->atime;
    st->st_mtim.tv_sec = v->mtime;
    st->st_ctim.tv_sec = v->ctime;
    st->st_blksize = v->blksize;
    st->st_blocks = v->blocks;
}

int fstat(int fd, struct stat *st)
{
    struct vfs_stat v;
    message m;
    int r;
    if (__bad_ptr(st))
        return __vfs_ret(-EFAULT);
    __vfs_req(&m, VFS_FSTAT)->fd = fd;
    r = __vfs_call(&m, 0, 0, 0, &v, sizeof(v), GRANT_WRITE);
    if (r == OK)
        convert(&v, st);
    return __vfs_ret(r);
}

static int by_path(int type, const char *path, struct stat *st)
{
    struct vfs_stat v;
    message m;
    int r;
    if (__bad_ptr(path) || __bad_ptr(st))
        return __vfs_ret(-EFAULT);
    __vfs_req(&m, type);
    r = __vfs_call(&m, path, strlen(path) + 1, GRANT_READ, &v, sizeof(v), GRANT_WRITE);
    if (r == OK)
        convert(&v, st);
    return __vfs_ret(r);
}

int stat(const char *path, struct stat *st)
{
    return by_path(VFS_STAT, path, st);
}

int lstat(const char *path, struct stat *st)
{
    return by_path(VFS_LSTAT, path, st);
}

int isatty(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return 0;
    if (S_ISCHR(st.st_mode) && VFS_MAJOR((uint32_t)st.st_rdev) != 1)
        return 1;
    errno = ENOTTY;
    return 0;
}

int access(const char *path, int mode)
{
    struct vfs_req rq = { .mode = (uint32_t)mode };
    return __vfs_ret(__vfs_path(VFS_ACCESS, path, &rq));
}

mode_t umask(mode_t mask)
{
    message m;
    __vfs_req(&m, VFS_UMASK)->mode = mask;
    return (mode_t)__vfs_call(&m, 0, 0, 0, 0, 0, 0);
}

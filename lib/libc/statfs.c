/*
 * statfs.c - file system statistics: statvfs, fstatvfs, statfs, fstatfs.
 * No file system reports its size and free space through VFS yet: these
 * check the path or descriptor and fail with ENOSYS.
 */
#include <errno.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>

static int none(int found)
{
    if (found < 0)
        return -1;
    errno = ENOSYS;
    return -1;
}

int statvfs(const char *path, struct statvfs *buf)
{
    struct stat st;
    (void)buf;
    return none(stat(path, &st));
}

int fstatvfs(int fd, struct statvfs *buf)
{
    struct stat st;
    (void)buf;
    return none(fstat(fd, &st));
}

int statfs(const char *path, struct statfs *buf)
{
    struct stat st;
    (void)buf;
    return none(stat(path, &st));
}

int fstatfs(int fd, struct statfs *buf)
{
    struct stat st;
    (void)buf;
    return none(fstat(fd, &st));
}

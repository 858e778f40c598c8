/*
 * vfs_times.c - a file's times: utimes, utime, utimensat, futimens.
 * ramfs keeps the times but VFS has no call to set them yet,
 * so these check the file exists and fail with ENOSYS, changing nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <utime.h>
#include <sys/stat.h>
#include <sys/time.h>

static int no_times(int exists)
{
    if (exists < 0)
        return -1;
    errno = ENOSYS;
    return -1;
}

int utimes(const char *path, const struct timeval *tv)
{
    struct stat st;
    (void)tv;
    return no_times(stat(path, &st));
}

int utime(const char *path, const struct utimbuf *t)
{
    struct stat st;
    (void)t;
    return no_times(stat(path, &st));
}

int utimensat(int dirfd, const char *path, const struct timespec *ts, int flags)
{
    struct stat st;
    (void)ts;
    (void)flags;
    if (dirfd != AT_FDCWD && path[0] != '/') {
        errno = ENOSYS;
        return -1;
    }
    return no_times(stat(path, &st));
}

int futimens(int fd, const struct timespec *ts)
{
    struct stat st;
    (void)ts;
    return no_times(fstat(fd, &st));
}

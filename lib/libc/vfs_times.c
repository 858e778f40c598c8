/*
 * vfs_times.c - a file's times: utimensat and futimens (VFS_UTIMENS,
 * VFS_FUTIMENS), and utimes and utime over utimensat.  Times are whole
 * seconds from 0 to 2^31-1 (what ramfs keeps); nanoseconds are checked
 * (0..999999999, or UTIME_NOW / UTIME_OMIT) and dropped.  A NULL time
 * array means "now" for both.  utimensat takes AT_FDCWD or an absolute
 * path (another directory descriptor: ENOSYS, VFS has no *at calls) and
 * the flag AT_SYMLINK_NOFOLLOW.
 */
#include "vfs.h"
#include <fcntl.h>
#include <stdint.h>
#include <utime.h>
#include <sys/time.h>

_Static_assert(AT_SYMLINK_NOFOLLOW == VFS_AT_SYMLINK_NOFOLLOW, "the at-flag is newlib's");

/* One time into the request: its seconds, or the NOW / OMIT bit. */
static int one(const struct timespec *t, int32_t *sec, uint32_t *bits,
               uint32_t now, uint32_t omit)
{
    if (t->tv_nsec == UTIME_NOW) {
        *bits |= now;
        return OK;
    }
    if (t->tv_nsec == UTIME_OMIT) {
        *bits |= omit;
        return OK;
    }
    if (t->tv_nsec < 0 || t->tv_nsec > 999999999 || t->tv_sec < 0 || t->tv_sec > INT32_MAX)
        return -EINVAL;
    *sec = (int32_t)t->tv_sec;
    return OK;
}

static int fill(struct vfs_req *rq, const struct timespec *ts)
{
    int r;
    if (!ts) {
        rq->request = VFS_UT_ATIME_NOW | VFS_UT_MTIME_NOW;
        return OK;
    }
    if ((r = one(&ts[0], &rq->offset, &rq->request, VFS_UT_ATIME_NOW, VFS_UT_ATIME_OMIT)) != OK)
        return r;
    return one(&ts[1], &rq->whence, &rq->request, VFS_UT_MTIME_NOW, VFS_UT_MTIME_OMIT);
}

int utimensat(int dirfd, const char *path, const struct timespec *ts, int flags)
{
    struct vfs_req rq = { .flags = flags };
    int r;
    if (!path)
        return __vfs_ret(-EFAULT);
    if (flags & ~AT_SYMLINK_NOFOLLOW)
        return __vfs_ret(-EINVAL);
    if (dirfd != AT_FDCWD && path[0] != '/')
        return __vfs_ret(-ENOSYS);
    if ((r = fill(&rq, ts)) != OK)
        return __vfs_ret(r);
    return __vfs_ret(__vfs_path(VFS_UTIMENS, path, &rq));
}

int futimens(int fd, const struct timespec *ts)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_FUTIMENS);
    int r;
    rq->fd = fd;
    if ((r = fill(rq, ts)) != OK)
        return __vfs_ret(r);
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

int utimes(const char *path, const struct timeval *tv)
{
    struct timespec ts[2];
    if (!tv)
        return utimensat(AT_FDCWD, path, 0, 0);
    for (int i = 0; i < 2; i++) {
        if (tv[i].tv_usec < 0 || tv[i].tv_usec > 999999)
            return __vfs_ret(-EINVAL);
        ts[i].tv_sec = tv[i].tv_sec;
        ts[i].tv_nsec = tv[i].tv_usec * 1000;
    }
    return utimensat(AT_FDCWD, path, ts, 0);
}

int utime(const char *path, const struct utimbuf *t)
{
    struct timespec ts[2];
    if (!t)
        return utimensat(AT_FDCWD, path, 0, 0);
    ts[0].tv_sec = t->actime;
    ts[1].tv_sec = t->modtime;
    ts[0].tv_nsec = ts[1].tv_nsec = 0;
    return utimensat(AT_FDCWD, path, ts, 0);
}

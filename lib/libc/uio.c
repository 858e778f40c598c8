/*
 * uio.c - readv and writev: one read or write per element, in order; a
 * short transfer or an error ends the call (an error after some bytes
 * moved returns the count, as a short read would).
 */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include <sys/uio.h>

static ssize_t each(int fd, const struct iovec *iov, int n, int writing)
{
    ssize_t total = 0;
    if (n < 0 || n > 1024) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < n; i++) {
        ssize_t r = writing ? write(fd, iov[i].iov_base, iov[i].iov_len)
                            : read(fd, iov[i].iov_base, iov[i].iov_len);
        if (r < 0)
            return total ? total : -1;
        total += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return total;
}

ssize_t readv(int fd, const struct iovec *iov, int n) { return each(fd, iov, n, 0); }
ssize_t writev(int fd, const struct iovec *iov, int n) { return each(fd, iov, n, 1); }

/*
 * poll.c - poll and select, over VFS_POLL (proto/vfs.h): VFS says which
 * descriptors are ready and holds the call until one is, a signal comes
 * (EINTR) or the timeout passes.  select is poll on the descriptors its
 * sets name.  At most VFS_POLL_MAX descriptors (EINVAL past that).
 * Invariant: revents holds only asked-for bits, or POLLERR, POLLHUP,
 * POLLNVAL; POLLRDNORM is POLLIN under another name.
 */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include "vfs.h"

_Static_assert(POLLIN == VFS_POLLIN && POLLPRI == VFS_POLLPRI && POLLOUT == VFS_POLLOUT &&
               POLLERR == VFS_POLLERR && POLLHUP == VFS_POLLHUP && POLLNVAL == VFS_POLLNVAL,
               "poll's bits are VFS's");
_Static_assert(sizeof(struct pollfd) == sizeof(struct vfs_pollfd), "the same array");

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_POLL);
    short asked[VFS_POLL_MAX];
    int r;
    if (nfds > VFS_POLL_MAX || (nfds && !fds)) {
        errno = nfds > VFS_POLL_MAX ? EINVAL : EFAULT;
        return -1;
    }
    for (nfds_t i = 0; i < nfds; i++) {
        asked[i] = fds[i].events;
        fds[i].revents = 0;
        if (fds[i].events & POLLRDNORM)
            fds[i].events |= POLLIN;
    }
    rq->offset = timeout < 0 ? -1 : timeout;
    r = __vfs_call(&m, nfds ? fds : 0, nfds * sizeof(*fds), GRANT_READ | GRANT_WRITE, 0, 0, 0);
    for (nfds_t i = 0; i < nfds; i++) {
        if ((asked[i] & POLLRDNORM) && (fds[i].revents & POLLIN))
            fds[i].revents |= POLLRDNORM;
        if (!(asked[i] & POLLIN))
            fds[i].revents &= ~POLLIN;
        fds[i].events = asked[i];
    }
    return __vfs_ret(r);
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
    struct pollfd p[VFS_POLL_MAX];
    int n = 0, ready = 0, r;
    if (nfds < 0 || nfds > FD_SETSIZE || (tv && (tv->tv_sec < 0 || tv->tv_usec < 0))) {
        errno = EINVAL;
        return -1;
    }
    for (int fd = 0; fd < nfds; fd++) {
        short ev = (rd && FD_ISSET(fd, rd) ? POLLIN : 0) | (wr && FD_ISSET(fd, wr) ? POLLOUT : 0) |
                   (ex && FD_ISSET(fd, ex) ? POLLPRI : 0);
        if (!ev)
            continue;
        if (n == VFS_POLL_MAX) {
            errno = EINVAL;
            return -1;
        }
        p[n++] = (struct pollfd){ fd, ev, 0 };
    }
    r = poll(p, (nfds_t)n, tv ? (int)(tv->tv_sec * 1000 + (tv->tv_usec + 999) / 1000) : -1);
    if (r < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (p[i].revents & POLLNVAL) {
            errno = EBADF;
            return -1;
        }
    if (rd)
        FD_ZERO(rd);
    if (wr)
        FD_ZERO(wr);
    if (ex)
        FD_ZERO(ex);
    for (int i = 0; i < n; i++) {
        if (rd && (p[i].events & POLLIN) && (p[i].revents & (POLLIN | POLLHUP | POLLERR))) {
            FD_SET(p[i].fd, rd);
            ready++;
        }
        if (wr && (p[i].events & POLLOUT) && (p[i].revents & (POLLOUT | POLLERR))) {
            FD_SET(p[i].fd, wr);
            ready++;
        }
        if (ex && (p[i].revents & POLLPRI)) {
            FD_SET(p[i].fd, ex);
            ready++;
        }
    }
    return ready;
}

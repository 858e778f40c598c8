/*
 * poll.c - poll and select.  VFS has no readiness query yet, so this is
 * the interim: a descriptor that is open is reported ready for what was
 * asked (the read or write that follows may then block, as it would
 * have without poll); a descriptor that is not open is POLLNVAL (poll)
 * or EBADF (select).  With no descriptor to watch, both sleep for the
 * timeout, as POSIX says.
 * Invariant: revents holds only asked-for bits, or POLLNVAL.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <sys/select.h>

static void sleep_ms(int ms)
{
    struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };
    if (ms > 0)
        nanosleep(&t, 0);
}

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    int ready = 0;
    for (nfds_t i = 0; i < nfds; i++) {
        fds[i].revents = 0;
        if (fds[i].fd < 0)
            continue;
        if (fcntl(fds[i].fd, F_GETFD) < 0)
            fds[i].revents = POLLNVAL;
        else
            fds[i].revents = fds[i].events & (POLLIN | POLLRDNORM | POLLOUT | POLLPRI);
        ready += fds[i].revents != 0;
    }
    if (ready == 0)
        sleep_ms(timeout);
    return ready;
}

int select(int nfds, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *tv)
{
    int ready = 0;
    if (nfds < 0 || nfds > FD_SETSIZE) {
        errno = EINVAL;
        return -1;
    }
    for (int fd = 0; fd < nfds; fd++) {
        int want = (rd && FD_ISSET(fd, rd)) || (wr && FD_ISSET(fd, wr)) ||
                   (ex && FD_ISSET(fd, ex));
        if (want && fcntl(fd, F_GETFD) < 0) {
            errno = EBADF;
            return -1;
        }
    }
    for (int fd = 0; fd < nfds; fd++) {
        ready += rd && FD_ISSET(fd, rd);
        ready += wr && FD_ISSET(fd, wr);
    }
    if (ex)
        FD_ZERO(ex);
    if (ready == 0 && tv)
        sleep_ms((int)(tv->tv_sec * 1000 + tv->tv_usec / 1000));
    return ready;
}

/*
 * poll.h - wait for descriptors to become ready (lib/libc/poll.c).
 * Invariant: revents only ever holds bits asked for in events, plus
 * POLLERR, POLLHUP and POLLNVAL, which are always reported.
 */
#ifndef STABILIX_POLL_H
#define STABILIX_POLL_H

#define POLLIN     0x001
#define POLLPRI    0x002
#define POLLOUT    0x004
#define POLLERR    0x008
#define POLLHUP    0x010
#define POLLNVAL   0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM POLLOUT
#define POLLWRBAND 0x100

typedef unsigned int nfds_t;

struct pollfd {
	int fd;
	short events;
	short revents;
};

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);

#endif

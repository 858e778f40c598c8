/*
 * sys/uio.h - scatter/gather I/O: readv and writev (lib/libc/uio.c, one
 * read or write per element; a short transfer ends the call).
 */
#ifndef STABILIX_SYS_UIO_H
#define STABILIX_SYS_UIO_H

#include <sys/types.h>

struct iovec {
	void *iov_base;
	size_t iov_len;
};

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif

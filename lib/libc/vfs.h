/*
 * vfs.h - private to lib/libc's VFS wrappers (vfs_*.c): the POSIX file
 * calls of newlib's headers, each one message to VFS (proto/vfs.h).
 * Compiled with NEWLIB_CFLAGS: newlib's headers first, then libsys.h.
 * Errors: a negative reply -E becomes errno = E (errnums.h uses newlib's
 * numbers); IPC errors (above 300) become EIO.  Buffers are lent to VFS
 * with one-shot grants, revoked when the call returns.
 */
#ifndef LIBC_VFS_H
#define LIBC_VFS_H

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libsys.h"
#include "proto/vfs.h"

/* The reply status of m sent to VFS (lending b1/b2 when not NULL). */
int __vfs_call(message *m, const void *b1, uint32_t l1, int a1,
               const void *b2, uint32_t l2, int a2);
/* A path call: grant = path (with its NUL). */
int __vfs_path(int type, const char *path, struct vfs_req *fill);
/* r >= 0: r; else errno = -r (IPC errors: EIO) and -1. */
int __vfs_ret(int r);
struct vfs_req *__vfs_req(message *m, int type);
endpoint_t __vfs_endpoint(void);
/* ioctl with an argument of 'size' bytes lent both ways (termios). */
int __vfs_ioctl(int fd, unsigned request, void *arg, size_t size);

#endif

/*
 * errnums.h - error numbers shared by the kernel, servers and user code.
 *
 * Generic errors use newlib's numbering so that a server's reply can be
 * stored in errno unchanged.  IPC-specific errors live above 300 where
 * newlib defines nothing.  Every primitive returns OK (0) or -E<error>.
 */
#ifndef STABILIX_ERRNUMS_H
#define STABILIX_ERRNUMS_H

#define OK          0
#define EPERM       1
#define ENOENT      2
#define ESRCH       3
#define EINTR       4
#define EIO         5
#define ENXIO       6
#define E2BIG       7
#define ENOEXEC     8
#define EBADF       9
#define ECHILD      10
#define EAGAIN      11
#define ENOMEM      12
#define EACCES      13
#define EFAULT      14
#define ENOTBLK     15
#define EBUSY       16
#define EEXIST      17
#define EXDEV       18
#define ENODEV      19
#define ENOTDIR     20
#define EISDIR      21
#define EINVAL      22
#define ENFILE      23
#define EMFILE      24
#define ENOTTY      25
#define EFBIG       27
#define ENOSPC      28
#define ESPIPE      29
#define EROFS       30   /* read-only file system */
#define EMLINK      31
#define EPIPE       32
#define ERANGE      34
#define ENOSYS      88
#define ENOTEMPTY   90
#define ENAMETOOLONG 91
#define ELOOP       92

#define EDEADSRCDST 301   /* source or destination is dead or stale */
#define ELOCKED     302   /* the send would close a cycle of blocked senders */
#define ECALLDENIED 303   /* privileges forbid this IPC target, call, port, IRQ */
#define ENOTREADY   304   /* sendnb: the destination is not receiving */
#define EBADEPT     305   /* not an endpoint at all */
#define EBADREQUEST 306   /* malformed request (unknown type, bad field) */
#define ENOREPLY    307   /* call: the destination took the request and died
                             before its reply (it may have been done);
                             EDEADSRCDST from a call: it was never taken */
#define ERESEND     308   /* reply: not done, send it again as new (the server
                             mended the caller's state in the middle of it) */
#define ERESTART    309   /* the call was cut, not done, because the caller was
                             stopped (job control): libc makes it again */
#define ETTIN       310   /* a terminal's background reader: libc asks PM for
                             SIGTTIN (PM_JOBSIG) and reads again */
#define ETTOU       311   /* a terminal's background writer or setter: libc
                             asks PM for SIGTTOU (PM_JOBSIG) and tries again */
#define EDONTREPLY  0x7fffffff  /* internal: a handler that sends no reply
                                 (never a valid result: counts and pids are smaller) */

#endif

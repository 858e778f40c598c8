/*
 * chardriver.h - the character-driver library (lib/libsys/chardriver.c):
 * the protocol side of a character driver (proto/chardrv.h), so that a
 * driver only says what its devices do.  Tutorial: docs/drivers.md.
 *
 *   static const struct chardriver drv = { .nr_minors = 2, .read = ..., };
 *   int main(void) {
 *       sef_startup(init_fresh, 0);
 *       chardriver_task(&drv);                    // never returns
 *   }
 *
 * chardriver_task runs server_loop (sef.h) with one handler per request
 * type.  Before a callback runs, the library has checked:
 *   - the request type (else EBADREQUEST, from server_loop);
 *   - 0 <= minor < nr_minors (else ENXIO);
 *   - read/write: size <= CHARDRIVER_MAX_IO and position + size does not
 *     wrap around 2^32 (else EINVAL); a size of 0 is answered with 0
 *     without calling the driver;
 *   - the callback exists: open and close may be NULL (nothing to do, OK);
 *     read, write and ioctl may be NULL (ENOSYS); poll may be NULL (the
 *     device is always ready: CDEV_POLLIN | CDEV_POLLOUT).
 * The grant is not checked by the library: the driver copies with
 * sys_safecopyto (read) or sys_safecopyfrom (write) on (who, g) and
 * returns the copy's error unchanged (EPERM wrong grantee or access,
 * EINVAL revoked, ERANGE too small), so the client learns what was wrong.
 *
 * Callbacks return the reply status: read/write the number of bytes
 * transferred (0 = end of file, never more than size; more becomes EIO),
 * open/close/ioctl OK, or a negative error.  A callback that cannot
 * answer yet (a terminal read waiting for a key) returns EDONTREPLY,
 * remembers 'who', and answers later with chardriver_reply.
 * notify gets every notification that is not an RS heartbeat
 * (interrupts: m_source == HARDWARE); it may be NULL.  other (may be
 * NULL: EBADREQUEST) gets the requests of types CDEV_BASE + CDEV_NR_CALLS
 * .. CHARDRIVER_LAST_TYPE, a driver's own calls (e.g. TTY_SIGPULL): it
 * checks the type itself, fills the reply's payload in m and returns
 * the reply status, like a server_loop handler.  'flags' is the
 * request's flags field, passed unchanged (the protocol defines no bits
 * yet: open mode, non-blocking reads are the driver's to interpret).
 */
#ifndef STABILIX_CHARDRIVER_H
#define STABILIX_CHARDRIVER_H

#include "sef.h"
#include "proto/chardrv.h"

/* Until errnums.h has it (newlib's number): no such device (bad minor). */
#ifndef ENXIO
#define ENXIO 6
#endif

#define CHARDRIVER_MAX_IO  (64 * 1024)  /* largest read/write request */
#define CHARDRIVER_LAST_TYPE 0xC7F      /* last type passed to 'other' */

struct chardriver {
    int nr_minors;                      /* minors 0 .. nr_minors-1 exist */
    int (*open)(int minor, int flags, endpoint_t who);
    int (*close)(int minor, endpoint_t who);
    int (*read)(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                uint32_t size, int flags);
    int (*write)(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                 uint32_t size, int flags);
    int (*ioctl)(int minor, uint32_t request, endpoint_t who, grant_id_t g,
                 uint32_t size);
    int (*poll)(int minor, endpoint_t who, int notify);  /* CDEV_POLL* bits */
    void (*notify)(const message *m);
    int (*other)(message *m);           /* driver-specific requests */
    void (*check)(void);                /* self-check on each heartbeat (sef.h), or NULL */
    void (*settle)(void);               /* a message handled in full (sef.h), or NULL */
    void (*corrupt)(void);              /* service fi <label> corrupt, or NULL */
};

/* Serve requests for drv forever (exits if drv is malformed). */
void chardriver_task(const struct chardriver *drv) __attribute__((noreturn));

/* The late reply to a request whose callback returned EDONTREPLY. */
int chardriver_reply(endpoint_t who, int status);

/* In an open, read, write or ioctl callback: the request it serves (its
 * caller's group, session and job bits, proto/chardrv.h). */
const struct cdev_req *chardriver_request(void);

#endif

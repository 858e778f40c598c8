/*
 * proto/chardrv.h - character drivers (0xC00): open, close, read, write,
 * ioctl, poll.  Data moves through a grant of the caller's buffer; the reply's
 * m_type is the byte count (read/write), OK, or -E<error>.
 *
 * VFS numbers its requests (seq).  One that met a dead driver goes again,
 * same number with CDEV_AGAIN, to the restarted driver if the driver
 * keeps its state (tty); lib/libsys/chardriver.c keeps the last answer in
 * the driver's state region and answers such a repeat from it, so a
 * write is never done twice (lib/libsys/record.c).
 *
 * Open, read, write and ioctl carry who the caller is for job control
 * (a terminal's background checks, proto/tty.h): its process group and
 * session as PM told VFS (0: not known, no job control for it) and job
 * bits: CDEV_CTTY_OK (open: the caller leads its session and did not ask
 * for O_NOCTTY, so the terminal may become its controlling terminal),
 * CDEV_BG_OK (write, ioctl: the caller ignores or blocks SIGTTOU, so a
 * background write or setting goes on).
 */
#ifndef STABILIX_PROTO_CHARDRV_H
#define STABILIX_PROTO_CHARDRV_H

#include "../ipc.h"

#define CDEV_BASE    0xC00
#define CDEV_OPEN    (CDEV_BASE + 0)
#define CDEV_CLOSE   (CDEV_BASE + 1)
#define CDEV_READ    (CDEV_BASE + 2)
#define CDEV_WRITE   (CDEV_BASE + 3)
#define CDEV_IOCTL   (CDEV_BASE + 4)
#define CDEV_POLL    (CDEV_BASE + 5)  /* -> CDEV_POLL* bits ready now; flags
                                         CDEV_POLL_NOTIFY: when not readable,
                                         notify the caller once it is */
#define CDEV_NR_CALLS 6

#define CDEV_POLLIN  0x1     /* = VFS_POLLIN: a read would not wait */
#define CDEV_POLLOUT 0x4     /* = VFS_POLLOUT: a write would not wait */
#define CDEV_POLL_NOTIFY 1

struct cdev_req {
    int32_t minor;
    uint32_t position;
    grant_id_t grant;
    uint32_t size;                   /* bytes; for ioctl the grant's size */
    uint32_t request;                /* ioctl request */
    int32_t flags;
    uint32_t seq;                    /* VFS's request number (0: none), CDEV_AGAIN when sent again */
    int32_t pgrp;                    /* the caller's process group (0: not known) */
    int32_t sid;                     /* the caller's session (0: not known) */
    uint32_t job;                    /* CDEV_CTTY_OK | CDEV_BG_OK */
};

#define CDEV_CTTY_OK 0x1
#define CDEV_BG_OK   0x2

#define CDEV_AGAIN   0x80000000u     /* = SRV_AGAIN (sef.h) */
#define CDEV_SEQ_MASK 0x7fffffffu

MSG_PAYLOAD_CHECK(struct cdev_req);

#endif

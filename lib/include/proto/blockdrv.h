/*
 * proto/blockdrv.h - block drivers (0xC80): open, close, read, write,
 * ioctl on 64-bit byte positions; transfers are whole sectors
 * (BDEV_SECTOR bytes) through a grant of the caller's buffer.  The reply's
 * m_type is the byte count, OK, or -E<error>.
 */
#ifndef STABILIX_PROTO_BLOCKDRV_H
#define STABILIX_PROTO_BLOCKDRV_H

#include "../ipc.h"

#define BDEV_BASE    0xC80
#define BDEV_OPEN    (BDEV_BASE + 0)
#define BDEV_CLOSE   (BDEV_BASE + 1)
#define BDEV_READ    (BDEV_BASE + 2)
#define BDEV_WRITE   (BDEV_BASE + 3)
#define BDEV_IOCTL   (BDEV_BASE + 4)
#define BDEV_NR_CALLS 5

#define BDEV_SECTOR  512
#define BIOC_GETSIZE 1               /* ioctl: device size in bytes (u64) into the grant */

struct bdev_req {
    int32_t minor;
    uint32_t pos_lo, pos_hi;
    grant_id_t grant;
    uint32_t size;
    uint32_t request;
    int32_t flags;
};

MSG_PAYLOAD_CHECK(struct bdev_req);

#endif

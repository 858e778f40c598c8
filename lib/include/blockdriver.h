/*
 * blockdriver.h - the block-driver library (lib/libsys/blockdriver.c):
 * the protocol side of a block driver (proto/blockdrv.h), so that a
 * driver only says how to move whole sectors.  Tutorial: docs/drivers.md.
 *
 *   static const struct blockdriver drv = { .nr_minors = 1, .size = ...,
 *                                           .read = ..., .write = ... };
 *   int main(void) {
 *       sef_startup(init_fresh, 0);
 *       blockdriver_task(&drv);                   // never returns
 *   }
 *
 * blockdriver_task runs server_loop (sef.h) with one handler per request
 * type.  Before a callback runs, the library has checked:
 *   - the request type (else EBADREQUEST, from server_loop);
 *   - 0 <= minor < nr_minors (else ENXIO);
 *   - read/write: position and size are multiples of BDEV_SECTOR and
 *     size <= BLOCKDRIVER_MAX_IO (else EINVAL); a size of 0 is answered
 *     with 0 without calling the driver;
 *   - the device's end, from the size callback: a read at or past the
 *     end returns 0 bytes (end of file), a write there fails with ENOSPC,
 *     and a transfer that crosses the end is cut at the end (the reply
 *     says how many bytes moved);
 *   - the callback exists: open and close may be NULL (OK), read and
 *     write may be NULL (ENOSYS).
 * BIOC_GETSIZE is answered by the library itself from the size callback
 * (a u64 copied into the grant, which must hold 8 bytes, else EINVAL);
 * every other ioctl goes to the ioctl callback (NULL: EINVAL).
 *
 * So read/write callbacks see only whole, aligned sectors inside the
 * device, 0 < size <= BLOCKDRIVER_MAX_IO.  They copy with
 * sys_safecopyto (read) or sys_safecopyfrom (write) on (who, g) and
 * return the bytes moved or the copy's error unchanged.  A result above
 * size becomes EIO.  EDONTREPLY + blockdriver_reply defer a reply (e.g.
 * until a DMA interrupt).  notify gets non-RS notifications, or is NULL.
 * The request's flags field goes to open unchanged (no bits defined yet)
 * and is ignored by the other requests.
 */
#ifndef STABILIX_BLOCKDRIVER_H
#define STABILIX_BLOCKDRIVER_H

#include "sef.h"
#include "proto/blockdrv.h"

/* Until errnums.h has it (newlib's number): no such device (bad minor). */
#ifndef ENXIO
#define ENXIO 6
#endif

#define BLOCKDRIVER_MAX_IO  (64 * 1024)  /* largest read/write request */

struct blockdriver {
    int nr_minors;                      /* minors 0 .. nr_minors-1 exist */
    uint64_t (*size)(int minor);        /* required: device size in bytes */
    int (*open)(int minor, int flags, endpoint_t who);
    int (*close)(int minor, endpoint_t who);
    int (*read)(int minor, uint64_t pos, endpoint_t who, grant_id_t g, uint32_t size);
    int (*write)(int minor, uint64_t pos, endpoint_t who, grant_id_t g, uint32_t size);
    int (*ioctl)(int minor, uint32_t request, endpoint_t who, grant_id_t g,
                 uint32_t size);
    void (*notify)(const message *m);
};

/* Serve requests for drv forever (exits if drv is malformed). */
void blockdriver_task(const struct blockdriver *drv) __attribute__((noreturn));

/* The late reply to a request whose callback returned EDONTREPLY. */
int blockdriver_reply(endpoint_t who, int status);

#endif

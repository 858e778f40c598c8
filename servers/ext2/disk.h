/*
 * disk.h - the only way the ext2 core reaches its disk.  The host test
 * tool implements it on an image file (tests/host/ext2disk.c); the
 * server will implement it with BDEV_READ/BDEV_WRITE to a block driver.
 *
 * Offsets and lengths are multiples of 512.  Each call moves all len
 * bytes or fails: OK (0) or -errno (-EIO for a failed transfer, -EINVAL
 * for a range outside the disk).
 */
#ifndef EXT2_DISK_H
#define EXT2_DISK_H

#include <stdint.h>

int disk_read(uint64_t offset, void *buf, uint32_t len);
int disk_write(uint64_t offset, const void *buf, uint32_t len);
uint64_t disk_size(void);       /* bytes */

#endif

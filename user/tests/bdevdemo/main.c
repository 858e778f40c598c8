/*
 * bdevdemo - a demo block driver built on the blockdriver library
 * (lib/include/blockdriver.h, tutorial in docs/drivers.md): one RAM disk
 * (minor 0) of 256 KiB in a static array, 512-byte sectors.
 *
 * The library has already checked alignment, the minor and the disk's
 * end, so a transfer is one safecopy.  Invariant: the disk changes only
 * through a write's safecopy, which copies all of it or nothing.
 */
#include "blockdriver.h"

#define DISK_SIZE (256 * 1024)

static uint8_t disk[DISK_SIZE];

static uint64_t bdemo_size(int minor)
{
    return DISK_SIZE;
}

static int bdemo_read(int minor, uint64_t pos, endpoint_t who, grant_id_t g,
                      uint32_t size)
{
    int r = sys_safecopyto(who, g, 0, disk + (uint32_t)pos, size);
    return r == OK ? (int)size : r;
}

static int bdemo_write(int minor, uint64_t pos, endpoint_t who, grant_id_t g,
                       uint32_t size)
{
    int r = sys_safecopyfrom(who, g, 0, disk + (uint32_t)pos, size);
    return r == OK ? (int)size : r;
}

static const struct blockdriver bdemo = {
    .nr_minors = 1,
    .size = bdemo_size,
    .read = bdemo_read,
    .write = bdemo_write,
};

static int init_fresh(const struct sef_init *info)
{
    printf("bdevdemo: a %d KiB RAM disk, %d-byte sectors\n", DISK_SIZE / 1024,
           BDEV_SECTOR);
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, 0);
    blockdriver_task(&bdemo);
}

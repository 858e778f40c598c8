/*
 * scen_block.c - the "block" scenario against bdevdemo (one 256 KiB RAM
 * disk, 512-byte sectors).  drvtest keeps a model of the whole disk;
 * after every bad request it reads the whole disk back and compares it
 * with the model to show that nothing changed.
 */
#include "drvtest.h"

#define SECTOR     BDEV_SECTOR
#define DISK_SIZE  (256 * 1024)
#define CHUNK      BLOCKDRIVER_MAX_IO

static uint8_t model[DISK_SIZE];        /* what the disk should hold */
static uint8_t data[CHUNK + SECTOR];
static uint8_t back[CHUNK + SECTOR];

/* Write len pattern bytes at pos, expect 'want' bytes taken, update the model. */
static void write_at(uint64_t pos, uint32_t len, uint32_t seed, int want, const char *what)
{
    int r;
    pattern(data, len, seed);
    r = bdev_io(BDEV_WRITE, 0, pos, data, len, GRANT_READ);
    expect_bytes(r, want, what);
    if (r > 0)
        memcpy(model + pos, data, (uint32_t)r);
}

/* Read len bytes at pos and compare them with the model. */
static int matches(uint64_t pos, uint32_t len)
{
    memset(back, 0x55, sizeof(back));
    return bdev_io(BDEV_READ, 0, pos, back, len, GRANT_WRITE) == (int)len &&
           memcmp(back, model + pos, len) == 0;
}

static void unchanged(const char *after)
{
    int same = 1;
    for (uint32_t pos = 0; pos < DISK_SIZE; pos += CHUNK)
        same = same && matches(pos, CHUNK);
    check(same, "after %s: disk unchanged", after);
}

static void open_and_size(void)
{
    uint64_t size = 0;
    grant_id_t g;
    expect(bdev_call(BDEV_OPEN, 0, 0, 0, 0, 0), OK, "open minor 0");
    expect(bdev_call(BDEV_OPEN, 1, 0, 0, 0, 0), -ENXIO, "open minor 1");
    g = lend(bdev_ep, &size, sizeof(size), GRANT_WRITE);
    expect(bdev_call(BDEV_IOCTL, 0, 0, g, sizeof(size), BIOC_GETSIZE), OK, "BIOC_GETSIZE");
    check(size == DISK_SIZE, "BIOC_GETSIZE says %u bytes", (uint32_t)size);
    expect(bdev_call(BDEV_IOCTL, 0, 0, g, 4, BIOC_GETSIZE), -EINVAL,
           "BIOC_GETSIZE into 4 bytes");
    expect(bdev_call(BDEV_IOCTL, 0, 0, g, sizeof(size), 99), -EINVAL, "unknown ioctl 99");
    expect(bdev_call(BDEV_IOCTL, 3, 0, g, sizeof(size), BIOC_GETSIZE), -ENXIO,
           "BIOC_GETSIZE on minor 3");
    grant_revoke(g);
    size = 0;
    g = lend(bdev_ep, &size, sizeof(size), GRANT_READ);
    expect(bdev_call(BDEV_IOCTL, 0, 0, g, sizeof(size), BIOC_GETSIZE), -EPERM,
           "BIOC_GETSIZE into a read-only grant");
    grant_revoke(g);
    check(size == 0, "the read-only word was not written");
}

static void transfers(void)
{
    memset(back, 0x55, sizeof(back));
    expect_bytes(bdev_io(BDEV_READ, 0, 0, back, 1024, GRANT_WRITE), 1024,
                 "read sectors 0-1 of the fresh disk");
    check(all_bytes(back, 1024, 0), "a fresh disk reads as zeros");
    write_at(10 * SECTOR, 4 * SECTOR, 3, 2048, "write sectors 10-13");
    check(matches(10 * SECTOR, 4 * SECTOR), "read back sectors 10-13: the pattern");
    check(matches(9 * SECTOR, SECTOR) && all_bytes(back, SECTOR, 0) &&
          matches(14 * SECTOR, SECTOR) && all_bytes(back, SECTOR, 0),
          "sectors 9 and 14 are still zeros");
    write_at(128 * 1024, CHUNK, 17, CHUNK, "write 64 KiB at 128 KiB (the limit)");
    check(matches(128 * 1024, CHUNK), "read back the 64 KiB");
    write_at(11 * SECTOR, SECTOR, 200, SECTOR, "overwrite sector 11");
    unchanged("the writes");
}

static void the_end(void)
{
    uint32_t last = DISK_SIZE - SECTOR;
    int r;
    write_at(last, SECTOR, 9, SECTOR, "write the last sector");
    check(matches(last, SECTOR), "read back the last sector");
    memset(back, 0x55, sizeof(back));
    r = bdev_io(BDEV_READ, 0, last, back, 2 * SECTOR, GRANT_WRITE);
    expect_bytes(r, SECTOR, "read 2 sectors from the last one (cut at the end)");
    check(memcmp(back, model + last, SECTOR) == 0 && all_bytes(back + SECTOR, SECTOR, 0x55),
          "got the last sector, nothing after it");
    expect_bytes(bdev_io(BDEV_READ, 0, DISK_SIZE, back, SECTOR, GRANT_WRITE), 0,
                 "read at the end (EOF)");
    expect_bytes(bdev_io(BDEV_READ, 0, (uint64_t)1 << 32, back, SECTOR, GRANT_WRITE), 0,
                 "read at 4 GiB (64-bit position, EOF)");
    expect(bdev_io(BDEV_WRITE, 0, DISK_SIZE, data, SECTOR, GRANT_READ), -ENOSPC,
           "write at the end");
    expect(bdev_io(BDEV_WRITE, 0, (uint64_t)1 << 32, data, SECTOR, GRANT_READ), -ENOSPC,
           "write at 4 GiB");
    write_at(last, 2 * SECTOR, 21, SECTOR, "write 2 sectors from the last one (cut at the end)");
    unchanged("transfers at the end");
}

static void bad_fields(void)
{
    expect(bdev_io(BDEV_READ, 0, 20 * SECTOR + 100, back, SECTOR, GRANT_WRITE), -EINVAL,
           "read at an unaligned position");
    expect(bdev_io(BDEV_WRITE, 0, 20 * SECTOR + 100, data, SECTOR, GRANT_READ), -EINVAL,
           "write at an unaligned position");
    expect(bdev_io(BDEV_WRITE, 0, 10 * SECTOR, data, 511, GRANT_READ), -EINVAL,
           "write of 511 bytes");
    expect(bdev_io(BDEV_WRITE, 0, 10 * SECTOR, data, 513, GRANT_READ), -EINVAL,
           "write of 513 bytes");
    expect(bdev_io(BDEV_READ, 0, 10 * SECTOR, back, 1000, GRANT_WRITE), -EINVAL,
           "read of 1000 bytes");
    expect(bdev_io(BDEV_WRITE, 0, 0, data, CHUNK + SECTOR, GRANT_READ), -EINVAL,
           "write of 64 KiB + 512 (over the limit)");
    expect(bdev_io(BDEV_READ, 0, 0, back, CHUNK + SECTOR, GRANT_WRITE), -EINVAL,
           "read of 64 KiB + 512 (over the limit)");
    expect_bytes(bdev_call(BDEV_READ, 0, 0, -1, 0, 0), 0, "read of 0 bytes with no grant");
    unchanged("unaligned and oversized requests");
    expect(bdev_io(BDEV_READ, 1, 0, back, SECTOR, GRANT_WRITE), -ENXIO, "read minor 1");
    expect(bdev_io(BDEV_WRITE, -1, 0, data, SECTOR, GRANT_READ), -ENXIO, "write minor -1");
    expect(raw_call(bdev_ep, BDEV_BASE + BDEV_NR_CALLS), -EBADREQUEST, "request type BDEV_BASE+5");
    expect(raw_call(bdev_ep, CDEV_WRITE), -EBADREQUEST, "a character request (CDEV_WRITE)");
    expect(ipc_notify(bdev_ep), OK, "a notification to the driver");
    unchanged("bad minors, request types and a notification");
}

static void bad_grants(void)
{
    grant_id_t g;
    pattern(data, 2 * SECTOR, 77);
    g = lend(self_ep, data, 2 * SECTOR, GRANT_READ);
    expect(bdev_call(BDEV_WRITE, 0, 10 * SECTOR, g, 2 * SECTOR, 0), -EPERM,
           "write with a grant for another grantee");
    grant_revoke(g);
    memset(back, 0x55, sizeof(back));
    expect(bdev_io(BDEV_READ, 0, 10 * SECTOR, back, SECTOR, GRANT_READ), -EPERM,
           "read into a read-only grant");
    check(all_bytes(back, SECTOR, 0x55), "the read-only buffer was not written");
    expect(bdev_io(BDEV_WRITE, 0, 10 * SECTOR, data, SECTOR, GRANT_WRITE), -EPERM,
           "write from a write-only grant");
    g = lend(bdev_ep, data, SECTOR, GRANT_READ);
    grant_revoke(g);
    expect(bdev_call(BDEV_WRITE, 0, 10 * SECTOR, g, SECTOR, 0), -EINVAL,
           "write with a revoked grant");
    g = lend(bdev_ep, data, SECTOR, GRANT_READ);
    expect(bdev_call(BDEV_WRITE, 0, 10 * SECTOR, g, 2 * SECTOR, 0), -ERANGE,
           "write of 2 sectors through a 1-sector grant");
    grant_revoke(g);
    unchanged("bad grants");
}

void scen_block(void)
{
    if (bdev_ep == NONE) {
        check(0, "bdevdemo is running");
        return;
    }
    open_and_size();
    transfers();
    the_end();
    bad_fields();
    bad_grants();
    expect(bdev_call(BDEV_CLOSE, 0, 0, 0, 0, 0), OK, "close minor 0");
    expect(bdev_call(BDEV_CLOSE, 4, 0, 0, 0, 0), -ENXIO, "close minor 4");
}

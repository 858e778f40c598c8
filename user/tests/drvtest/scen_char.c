/*
 * scen_char.c - the "char" scenario against cdevdemo (minor 0 "zero",
 * minor 1 a 4 KiB "buffer", ioctl 1 = bytes stored).  drvtest keeps a
 * model of the buffer; after every bad request it reads the whole buffer
 * back and compares it with the model to show that nothing changed.
 */
#include "drvtest.h"

#define ZERO       0
#define BUFFER     1
#define BUF_SIZE   4096
#define IOC_COUNT  1

static uint8_t model[BUF_SIZE];         /* what minor 1 should hold */
static uint32_t model_len;
static uint8_t data[BUF_SIZE];
static uint8_t back[8192];
static uint8_t big[CHARDRIVER_MAX_IO + 1];

static int count(uint32_t *n)
{
    grant_id_t g = lend(cdev_ep, n, sizeof(*n), GRANT_WRITE);
    int r = cdev_call(CDEV_IOCTL, BUFFER, 0, g, sizeof(*n), IOC_COUNT);
    grant_revoke(g);
    return r;
}

/* Write len pattern bytes at pos, expect 'want' bytes taken, update the model. */
static void write_at(uint32_t pos, uint32_t len, uint32_t seed, int want, const char *what)
{
    int r;
    pattern(data, len, seed);
    r = cdev_io(CDEV_WRITE, BUFFER, pos, data, len, GRANT_READ);
    expect_bytes(r, want, what);
    if (r > 0) {
        memcpy(model + pos, data, (uint32_t)r);
        if (pos + (uint32_t)r > model_len)
            model_len = pos + (uint32_t)r;
    }
}

static void unchanged(const char *after)
{
    uint32_t n = 0;
    int r, c;
    memset(back, 0x55, sizeof(back));
    r = cdev_io(CDEV_READ, BUFFER, 0, back, BUF_SIZE, GRANT_WRITE);
    c = count(&n);
    check(r == (int)model_len && memcmp(back, model, model_len) == 0 &&
          c == OK && n == model_len,
          "after %s: buffer unchanged (%d bytes, count %u)", after, r, n);
}

static void open_close(void)
{
    expect(cdev_call(CDEV_OPEN, ZERO, 0, 0, 0, 0), OK, "open minor 0");
    expect(cdev_call(CDEV_OPEN, BUFFER, 0, 0, 0, 0), OK, "open minor 1");
    expect(cdev_call(CDEV_OPEN, 2, 0, 0, 0, 0), -ENXIO, "open minor 2");
    expect(cdev_call(CDEV_OPEN, -1, 0, 0, 0, 0), -ENXIO, "open minor -1");
    expect(cdev_call(CDEV_CLOSE, 7, 0, 0, 0, 0), -ENXIO, "close minor 7");
}

static void zero_device(void)
{
    int r;
    memset(back, 0xaa, sizeof(back));
    r = cdev_io(CDEV_READ, ZERO, 0, back, 300, GRANT_WRITE);
    expect_bytes(r, 300, "zero: read 300 bytes");
    check(all_bytes(back, 300, 0) && back[300] == 0xaa,
          "zero: the 300 bytes are zeros, the byte after is untouched");
    memset(back, 0xaa, sizeof(back));
    r = cdev_io(CDEV_READ, ZERO, 12345, back, 5000, GRANT_WRITE);
    expect_bytes(r, 5000, "zero: read 5000 bytes at 12345");
    check(all_bytes(back, 5000, 0), "zero: the 5000 bytes are zeros");
    pattern(data, 100, 1);
    expect_bytes(cdev_io(CDEV_WRITE, ZERO, 0, data, 100, GRANT_READ), 100,
                 "zero: write 100 bytes");
    memset(back, 0xaa, sizeof(back));
    cdev_io(CDEV_READ, ZERO, 0, back, 100, GRANT_WRITE);
    check(all_bytes(back, 100, 0), "zero: still zeros after the write");
    expect(cdev_call(CDEV_IOCTL, ZERO, 0, 0, 4, IOC_COUNT), -EINVAL, "zero: ioctl 1");
}

static void buffer_device(void)
{
    int r;
    expect_bytes(cdev_io(CDEV_READ, BUFFER, 0, back, 100, GRANT_WRITE), 0,
                 "buffer: read while empty (EOF)");
    write_at(0, 1000, 11, 1000, "buffer: write 1000 bytes at 0");
    memset(back, 0x55, sizeof(back));
    r = cdev_io(CDEV_READ, BUFFER, 0, back, 1000, GRANT_WRITE);
    expect_bytes(r, 1000, "buffer: read 1000 bytes at 0");
    check(memcmp(back, model, 1000) == 0, "buffer: read back the written pattern");
    write_at(2000, 100, 77, 100, "buffer: write 100 bytes at 2000");
    write_at(500, 10, 200, 10, "buffer: overwrite 10 bytes at 500");
    memset(back, 0x55, sizeof(back));
    r = cdev_io(CDEV_READ, BUFFER, 0, back, 4096, GRANT_WRITE);
    expect_bytes(r, 2100, "buffer: read 4096 at 0 stops at the stored end");
    check(memcmp(back, model, 2100) == 0 && all_bytes(back + 1000, 1000, 0),
          "buffer: contents match (overwrite in place, gap reads as zeros)");
    unchanged("the writes");
    expect_bytes(cdev_io(CDEV_READ, BUFFER, 2100, back, 100, GRANT_WRITE), 0,
                 "buffer: read at the stored end (EOF)");
    expect_bytes(cdev_io(CDEV_READ, BUFFER, 4000, back, 10, GRANT_WRITE), 0,
                 "buffer: read far past the stored end (EOF)");
    memset(back, 0x55, sizeof(back));
    r = cdev_io(CDEV_READ, BUFFER, 2050, back, 100, GRANT_WRITE);
    expect_bytes(r, 50, "buffer: read 100 at 2050 gives the last 50");
    check(memcmp(back, model + 2050, 50) == 0 && back[50] == 0x55,
          "buffer: those 50 bytes match, nothing more was written");
}

static void bad_fields(void)
{
    expect(cdev_io(CDEV_READ, 2, 0, back, 10, GRANT_WRITE), -ENXIO, "read minor 2");
    expect(cdev_io(CDEV_WRITE, 2, 0, data, 10, GRANT_READ), -ENXIO, "write minor 2");
    expect(cdev_io(CDEV_WRITE, -5, 0, data, 10, GRANT_READ), -ENXIO, "write minor -5");
    unchanged("bad minors");
    expect(raw_call(cdev_ep, CDEV_BASE + CDEV_NR_CALLS), -EBADREQUEST, "request type CDEV_BASE+5");
    expect(raw_call(cdev_ep, 0), -EBADREQUEST, "request type 0");
    expect(raw_call(cdev_ep, BDEV_WRITE), -EBADREQUEST, "a block request (BDEV_WRITE)");
    unchanged("bad request types");
    write_at(0, 10, 123, 10, "a good write in between");
    expect_bytes(cdev_io(CDEV_READ, ZERO, 0, big, CHARDRIVER_MAX_IO, GRANT_WRITE),
                 CHARDRIVER_MAX_IO, "zero: read 65536 bytes (the limit)");
    expect(cdev_io(CDEV_READ, ZERO, 0, big, CHARDRIVER_MAX_IO + 1, GRANT_WRITE), -EINVAL,
           "zero: read 65537 bytes (over the limit)");
    expect(cdev_io(CDEV_WRITE, ZERO, 0, big, CHARDRIVER_MAX_IO + 1, GRANT_READ), -EINVAL,
           "zero: write 65537 bytes (over the limit)");
    expect(cdev_io(CDEV_WRITE, BUFFER, 0, big, CHARDRIVER_MAX_IO + 1, GRANT_READ), -EINVAL,
           "buffer: write 65537 bytes (over the limit)");
    expect(cdev_io(CDEV_READ, ZERO, 0xffffff00u, big, 512, GRANT_WRITE), -EINVAL,
           "zero: read 512 bytes at 0xffffff00 (position wraps around)");
    expect_bytes(cdev_call(CDEV_READ, ZERO, 0, -1, 0, 0), 0, "read of 0 bytes with no grant");
    unchanged("bad sizes");
}

static void bad_grants(void)
{
    grant_id_t g;
    pattern(data, 100, 99);
    g = lend(self_ep, data, 100, GRANT_READ);
    expect(cdev_call(CDEV_WRITE, BUFFER, 0, g, 100, 0), -EPERM,
           "write with a grant for another grantee");
    grant_revoke(g);
    unchanged("the wrong grantee");
    memset(back, 0x55, sizeof(back));
    expect(cdev_io(CDEV_READ, BUFFER, 0, back, 100, GRANT_READ), -EPERM,
           "read into a read-only grant");
    check(all_bytes(back, 100, 0x55), "the read-only buffer was not written");
    expect(cdev_io(CDEV_READ, ZERO, 0, back, 100, GRANT_READ), -EPERM,
           "read zeros into a read-only grant");
    expect(cdev_io(CDEV_WRITE, BUFFER, 0, data, 100, GRANT_WRITE), -EPERM,
           "write from a write-only grant");
    unchanged("the wrong access");
    g = lend(cdev_ep, data, 100, GRANT_READ);
    grant_revoke(g);
    expect(cdev_call(CDEV_WRITE, BUFFER, 0, g, 100, 0), -EINVAL, "write with a revoked grant");
    expect(cdev_call(CDEV_READ, BUFFER, 0, g, 100, 0), -EINVAL, "read with a revoked grant");
    g = lend(cdev_ep, data, 50, GRANT_READ);
    expect(cdev_call(CDEV_WRITE, BUFFER, 0, g, 100, 0), -ERANGE,
           "write of 100 bytes through a 50-byte grant");
    grant_revoke(g);
    unchanged("revoked and short grants");
}

static void bad_ioctls(void)
{
    uint32_t n = 0;
    grant_id_t g = lend(cdev_ep, &n, sizeof(n), GRANT_WRITE);
    expect(cdev_call(CDEV_IOCTL, BUFFER, 0, g, sizeof(n), 7), -EINVAL, "unknown ioctl 7");
    expect(cdev_call(CDEV_IOCTL, BUFFER, 0, g, 2, IOC_COUNT), -EINVAL,
           "ioctl 1 with a 2-byte buffer");
    expect(cdev_call(CDEV_IOCTL, 9, 0, g, sizeof(n), IOC_COUNT), -ENXIO, "ioctl on minor 9");
    grant_revoke(g);
    g = lend(cdev_ep, &n, sizeof(n), GRANT_READ);
    expect(cdev_call(CDEV_IOCTL, BUFFER, 0, g, sizeof(n), IOC_COUNT), -EPERM,
           "ioctl 1 into a read-only grant");
    grant_revoke(g);
    check(n == 0, "the read-only word was not written");
    expect(count(&n), OK, "ioctl 1 (bytes stored)");
    check(n == model_len, "ioctl 1 says %u bytes stored (want %u)", n, model_len);
    expect(ipc_notify(cdev_ep), OK, "a notification to the driver");
    unchanged("bad ioctls and a notification");
}

static void capacity(void)
{
    uint32_t n = 0;
    write_at(4000, 200, 5, 96, "buffer: write 200 bytes at 4000 is cut at 4096");
    expect(cdev_io(CDEV_WRITE, BUFFER, 4096, data, 10, GRANT_READ), -ENOSPC,
           "buffer: write at 4096 (full)");
    count(&n);
    check(n == BUF_SIZE, "buffer: now %u bytes stored", n);
    unchanged("writes at the end");
}

void scen_char(void)
{
    if (cdev_ep == NONE) {
        check(0, "cdevdemo is running");
        return;
    }
    open_close();
    zero_device();
    buffer_device();
    bad_fields();
    bad_grants();
    bad_ioctls();
    capacity();
    expect(cdev_call(CDEV_CLOSE, ZERO, 0, 0, 0, 0), OK, "close minor 0");
    expect(cdev_call(CDEV_CLOSE, BUFFER, 0, 0, 0, 0), OK, "close minor 1");
}

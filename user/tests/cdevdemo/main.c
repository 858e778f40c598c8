/*
 * cdevdemo - a demo character driver built on the chardriver library
 * (lib/include/chardriver.h, tutorial in docs/drivers.md).
 *
 *   minor 0 "zero":   reads return zeros; writes are accepted and
 *                     discarded (the grant is not even looked at).
 *   minor 1 "buffer": a 4 KiB store.  A write at pos stores the bytes
 *                     there (a gap before pos reads as zeros); a write
 *                     reaching past 4 KiB is cut at the end, one starting
 *                     at or past it fails with ENOSPC.  A read returns the
 *                     bytes stored at pos, and 0 (end of file) at or past
 *                     the end of what was written.
 *   ioctl CDEMO_IOC_COUNT (1) on minor 1 copies the number of bytes
 *   stored (a u32) into the grant; every other ioctl is EINVAL.
 *
 * Invariant: stored <= BUF_SIZE.  A safecopy checks the grant and both
 * address ranges before it moves a byte, so a failed write leaves the
 * store as it was, and 'stored' changes only after a successful one.
 */
#include "chardriver.h"

#define MINOR_ZERO       0
#define MINOR_BUFFER     1
#define BUF_SIZE         4096
#define CDEMO_IOC_COUNT  1

static uint8_t store[BUF_SIZE];
static uint32_t stored;                 /* bytes written so far (high mark) */
static const uint8_t zeros[512];

/* Copy zeros into the grant, one 512-byte chunk at a time. */
static int read_zero(endpoint_t who, grant_id_t g, uint32_t size)
{
    for (uint32_t off = 0; off < size; off += sizeof(zeros)) {
        uint32_t n = size - off < sizeof(zeros) ? size - off : sizeof(zeros);
        int r = sys_safecopyto(who, g, off, zeros, n);
        if (r != OK)
            return r;
    }
    return (int)size;
}

static int read_buffer(uint32_t pos, endpoint_t who, grant_id_t g, uint32_t size)
{
    int r;
    if (pos >= stored)
        return 0;                       /* end of file */
    if (size > stored - pos)
        size = stored - pos;
    r = sys_safecopyto(who, g, 0, store + pos, size);
    return r == OK ? (int)size : r;
}

static int write_buffer(uint32_t pos, endpoint_t who, grant_id_t g, uint32_t size)
{
    int r;
    if (pos >= BUF_SIZE)
        return -ENOSPC;
    if (size > BUF_SIZE - pos)
        size = BUF_SIZE - pos;
    r = sys_safecopyfrom(who, g, 0, store + pos, size);
    if (r != OK)
        return r;                       /* the kernel copied nothing */
    if (pos + size > stored)
        stored = pos + size;
    return (int)size;
}

static int cdemo_read(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                      uint32_t size, int flags)
{
    if (minor == MINOR_ZERO)
        return read_zero(who, g, size);
    return read_buffer(pos, who, g, size);
}

static int cdemo_write(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                       uint32_t size, int flags)
{
    if (minor == MINOR_ZERO)
        return (int)size;
    return write_buffer(pos, who, g, size);
}

static int cdemo_ioctl(int minor, uint32_t request, endpoint_t who, grant_id_t g,
                       uint32_t size)
{
    if (minor != MINOR_BUFFER || request != CDEMO_IOC_COUNT || size < sizeof(stored))
        return -EINVAL;
    return sys_safecopyto(who, g, 0, &stored, sizeof(stored));
}

static const struct chardriver cdemo = {
    .nr_minors = 2,
    .read = cdemo_read,
    .write = cdemo_write,
    .ioctl = cdemo_ioctl,
};

static int init_fresh(const struct sef_init *info)
{
    printf("cdevdemo: zero (minor 0) and a %d-byte buffer (minor 1)\n", BUF_SIZE);
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, 0);
    chardriver_task(&cdemo);
}

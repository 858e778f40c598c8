/*
 * scen_disk.c - the "disk" scenario against the ata driver and two
 * disks the host made (tests/system/test_ata.py):
 *   disk 0 (minor 0), 8 MiB: an MBR with partition 1 at sector 2048
 *     (4096 sectors, minor 1), partition 2 at 6144 (8192 sectors,
 *     minor 2), no partition 3 and a partition 4 that runs past the
 *     disk's end; every other sector s holds pattern(512 bytes, seed s);
 *   disk 1 (minor 5), 200 GiB, all zeros, no MBR: LBA48 territory.
 * Reads are checked here against that layout, and partition 2's hash is
 * printed for the host to compare; writes are checked by the host in
 * the image files after the power-off.
 */
#include "drvtest.h"

#define SECTOR      BDEV_SECTOR
#define CHUNK       BLOCKDRIVER_MAX_IO
#define DISK0       (16384ull * SECTOR)
#define PART1       (4096ull * SECTOR)
#define PART2       (8192ull * SECTOR)
#define DISK1       (200ull << 30)
#define FAR_SECTOR  300000000ull        /* past 2^28: needs LBA48 */

static uint8_t buf[CHUNK + SECTOR];
static uint8_t want[CHUNK + SECTOR];

/* A transfer's result as the check line shows it. */
static const char *outcome(int r)
{
    static char text[24];
    if (r < 0)
        return ename(r);
    fmt_snprintf(text, sizeof(text), "%d bytes", r);
    return text;
}

/* What disk 0 holds from sector s on, for n sectors. */
static void disk0_sectors(uint8_t *p, uint64_t s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        pattern(p + i * SECTOR, SECTOR, (uint32_t)(s + i));
}

static void opens(void)
{
    static const struct { int minor; int want; const char *what; } o[] = {
        { 0, OK, "disk 0" }, { 1, OK, "disk 0 partition 1" },
        { 2, OK, "disk 0 partition 2" }, { 3, -ENXIO, "disk 0 empty partition 3" },
        { 4, -ENXIO, "disk 0 partition 4 past the disk's end" },
        { 5, OK, "disk 1" }, { 6, -ENXIO, "disk 1 without an MBR, partition 1" },
        { 10, -ENXIO, "the CD-ROM position" }, { 15, -ENXIO, "an empty position" },
        { 20, -ENXIO, "minor 20" },
    };
    char what[80];
    for (unsigned i = 0; i < sizeof(o) / sizeof(o[0]); i++) {
        fmt_snprintf(what, sizeof(what), "open minor %d (%s)", o[i].minor, o[i].what);
        expect(bdev_call(BDEV_OPEN, o[i].minor, 0, 0, 0, 0), o[i].want, what);
    }
}

static void sizes(void)
{
    static const struct { int minor; uint64_t bytes; } s[] = {
        { 0, DISK0 }, { 1, PART1 }, { 2, PART2 }, { 5, DISK1 },
    };
    for (unsigned i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
        uint64_t size = 0;
        grant_id_t g = lend(bdev_ep, &size, sizeof(size), GRANT_WRITE);
        int r = bdev_call(BDEV_IOCTL, s[i].minor, 0, g, sizeof(size), BIOC_GETSIZE);
        grant_revoke(g);
        check(r == OK && size == s[i].bytes, "minor %d is %u MiB (%s)", s[i].minor,
              (unsigned)(size >> 20), ename(r));
    }
}

/* Read n sectors at sector s of minor and compare with disk 0 from d0. */
static void read_check(int minor, uint64_t s, uint32_t n, uint64_t d0, const char *what)
{
    int r = bdev_io(BDEV_READ, minor, s * SECTOR, buf, n * SECTOR, GRANT_WRITE);
    disk0_sectors(want, d0, n);
    check(r == (int)(n * SECTOR) && memcmp(buf, want, n * SECTOR) == 0,
          "read %s: %s", what, outcome(r));
}

static void reads(void)
{
    read_check(0, 1, 1, 1, "disk 0 sector 1");
    read_check(0, 2047, CHUNK / SECTOR, 2047, "64 KiB of disk 0 from sector 2047");
    read_check(1, 0, 1, 2048, "partition 1 sector 0 (disk sector 2048)");
    read_check(2, 8191, 1, 6144 + 8191, "partition 2's last sector");
    read_check(0, 16383, 1, 16383, "disk 0's last sector");
    expect_bytes(bdev_io(BDEV_READ, 0, DISK0, buf, SECTOR, GRANT_WRITE), 0,
                 "read at disk 0's end");
    expect_bytes(bdev_io(BDEV_READ, 1, PART1, buf, SECTOR, GRANT_WRITE), 0,
                 "read at partition 1's end");
}

/* FNV-1a over all of partition 2, for the host to compare. */
static void hash_part2(void)
{
    uint32_t h = 2166136261u;
    int bad = 0;
    for (uint64_t pos = 0; pos < PART2; pos += CHUNK) {
        if (bdev_io(BDEV_READ, 2, pos, buf, CHUNK, GRANT_WRITE) != CHUNK)
            bad = 1;
        for (uint32_t i = 0; i < CHUNK; i++)
            h = (h ^ buf[i]) * 16777619u;
    }
    check(!bad, "read all of partition 2 in 64 KiB requests");
    printf("drvtest disk: partition 2 fnv1a %08x\n", h);
}

static void writes(void)
{
    int r;
    pattern(buf, CHUNK, 5000);
    expect_bytes(bdev_io(BDEV_WRITE, 1, 0, buf, CHUNK, GRANT_READ), CHUNK,
                 "write 64 KiB at partition 1 sector 0");
    memcpy(want, buf, CHUNK);
    r = bdev_io(BDEV_READ, 1, 0, buf, CHUNK, GRANT_WRITE);
    check(r == CHUNK && memcmp(buf, want, CHUNK) == 0, "read the 64 KiB back: %s", outcome(r));
    pattern(buf, 2 * SECTOR, 6000);
    expect_bytes(bdev_io(BDEV_WRITE, 1, PART1 - SECTOR, buf, 2 * SECTOR, GRANT_READ),
                 SECTOR, "write 2 sectors at partition 1's last sector (cut at its end)");
    expect(bdev_io(BDEV_WRITE, 1, PART1, buf, SECTOR, GRANT_READ), -ENOSPC,
           "write at partition 1's end");
}

static void far_sectors(void)
{
    int r;
    pattern(buf, 8 * SECTOR, 7000);
    expect_bytes(bdev_io(BDEV_WRITE, 5, FAR_SECTOR * SECTOR, buf, 8 * SECTOR, GRANT_READ),
                 8 * SECTOR, "write 8 sectors at disk 1 sector 300000000 (LBA48)");
    memcpy(want, buf, 8 * SECTOR);
    memset(buf, 0x55, 8 * SECTOR);
    r = bdev_io(BDEV_READ, 5, FAR_SECTOR * SECTOR, buf, 8 * SECTOR, GRANT_READ | GRANT_WRITE);
    check(r == 8 * SECTOR && memcmp(buf, want, 8 * SECTOR) == 0,
          "read them back: %s", outcome(r));
    memset(buf, 0x55, SECTOR);
    r = bdev_io(BDEV_READ, 5, DISK1 - SECTOR, buf, SECTOR, GRANT_WRITE);
    check(r == SECTOR && all_bytes(buf, SECTOR, 0), "read disk 1's last sector: %s", outcome(r));
}

void scen_disk(void)
{
    if (sys_lookup("ata", &bdev_ep) != OK) {
        check(0, "the ata driver is running");
        return;
    }
    opens();
    sizes();
    reads();
    hash_part2();
    writes();
    far_sectors();
}

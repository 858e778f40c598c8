/*
 * part.c - the MBR partition table of a disk: the four primary entries
 * of sector 0 become minors d*5+1 .. d*5+4.  An entry that is empty
 * (type 0), or that does not lie inside the disk, gets size 0 (the
 * latter with a message).  No MBR signature: no partitions; the whole
 * disk (minor d*5) is always there.
 */
#include "ata.h"

#define MBR_TABLE 0x1be
#define MBR_ENTRY 16

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

void part_scan(int d)
{
    static uint8_t mbr[BDEV_SECTOR];
    struct disk *k = &disks[d];
    for (int i = 1; i <= ATA_PARTS; i++)
        k->part_start[i] = k->part_sectors[i] = 0;
    if (ata_read(d, 0, 1, mbr) != OK || mbr[510] != 0x55 || mbr[511] != 0xaa)
        return;
    for (int i = 1; i <= ATA_PARTS; i++) {
        const uint8_t *e = mbr + MBR_TABLE + (i - 1) * MBR_ENTRY;
        uint64_t start = le32(e + 8), count = le32(e + 12);
        if (e[4] == 0 || count == 0)
            continue;
        if (start == 0 || start + count > k->sectors) {
            printf("ata: disk %d: partition %d (sectors %u+%u) is outside the disk, ignored\n",
                   d, i, (unsigned)start, (unsigned)count);
            continue;
        }
        k->part_start[i] = start;
        k->part_sectors[i] = count;
    }
}

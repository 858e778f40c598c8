/*
 * main.c - the ATA disk driver (ata.h): probes the disks at start,
 * then serves the block-driver protocol (blockdriver.h).  It keeps no
 * state a restart needs: a restarted instance probes again, and a file
 * system re-sends the request that met the dead one.
 *
 * Invariant: a write's data is all copied from the client before the
 * first sector goes to the disk, so a bad grant writes nothing.
 */
#include "ata.h"

static uint8_t iobuf[BLOCKDRIVER_MAX_IO];

static struct disk *disk_of(int minor)
{
    struct disk *k = &disks[minor / (ATA_PARTS + 1)];
    return k->present ? k : 0;
}

static uint64_t ata_size(int minor)
{
    struct disk *k = disk_of(minor);
    return k ? k->part_sectors[minor % (ATA_PARTS + 1)] * BDEV_SECTOR : 0;
}

static int ata_open(int minor, int flags, endpoint_t who)
{
    return ata_size(minor) ? OK : -ENXIO;
}

static uint64_t first_sector(int minor, uint64_t pos)
{
    return disk_of(minor)->part_start[minor % (ATA_PARTS + 1)] + pos / BDEV_SECTOR;
}

static int do_read(int minor, uint64_t pos, endpoint_t who, grant_id_t g, uint32_t size)
{
    int r = ata_read(minor / (ATA_PARTS + 1), first_sector(minor, pos),
                     size / BDEV_SECTOR, iobuf);
    if (r == OK)
        r = sys_safecopyto(who, g, 0, iobuf, size);
    return r == OK ? (int)size : r;
}

static int do_write(int minor, uint64_t pos, endpoint_t who, grant_id_t g, uint32_t size)
{
    int r = sys_safecopyfrom(who, g, 0, iobuf, size);
    if (r == OK)
        r = ata_write(minor / (ATA_PARTS + 1), first_sector(minor, pos),
                      size / BDEV_SECTOR, iobuf);
    return r == OK ? (int)size : r;
}

static const struct blockdriver ata_driver = {
    .nr_minors = ATA_MINORS,
    .size = ata_size,
    .open = ata_open,
    .read = do_read,
    .write = do_write,
};

static void report(int d)
{
    const struct disk *k = &disks[d];
    char parts[16] = "";
    int n = 0;
    for (int i = 1; i <= ATA_PARTS; i++)
        if (k->part_sectors[i]) {
            parts[n++] = ' ';
            parts[n++] = (char)('0' + i);
        }
    parts[n] = '\0';
    printf("ata: disk %d (minor %d): %s, %u MiB, %s, partitions:%s\n", d,
           d * (ATA_PARTS + 1), k->model[0] ? k->model : "(no model)",
           (unsigned)(k->sectors / 2048), k->lba48 ? "LBA48" : "LBA28",
           n ? parts : " none");
}

static int init(const struct sef_init *info)
{
    int found = ata_probe();
    for (int d = 0; d < ATA_DISKS; d++)
        if (disks[d].present)
            report(d);
    printf("ata: %s: %d disk%s\n", info->type == SEF_INIT_RESTART ? "restarted" : "ready",
           found, found == 1 ? "" : "s");
    return OK;
}

int main(void)
{
    sef_startup(init, init);
    blockdriver_task(&ata_driver);
}

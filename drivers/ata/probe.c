/*
 * probe.c - find the disks: IDENTIFY DEVICE on the four drive
 * positions.  A position with no drive (status 0 or a floating bus),
 * an ATAPI or SATA signature (the QEMU boot CD-ROM is the secondary
 * master), or an IDENTIFY that fails is left absent.  The size is the
 * 48-bit sector count when the drive supports LBA48, else the 28-bit one.
 */
#include "ata.h"
#include "port.h"

struct disk disks[ATA_DISKS];

static void model_of(const uint16_t *id, char *out)
{
    int n = 0;
    for (int w = 27; w <= 46; w++) {    /* 40 characters, byte-swapped words */
        out[n++] = (char)(id[w] >> 8);
        out[n++] = (char)(id[w] & 0xff);
    }
    out[n] = '\0';
    while (n > 0 && out[n - 1] == ' ')
        out[--n] = '\0';
}

static int identify(int d, uint16_t *id)
{
    uint16_t base = chan_base(d);
    uint8_t st;
    if (port_in8(base + REG_STATUS) == 0xff)
        return -ENXIO;                  /* floating bus: no channel */
    if (chan_select(d, 0xA0) != OK)
        return -ENXIO;
    port_out8(base + REG_COUNT, 0);
    port_out8(base + REG_LBA0, 0);
    port_out8(base + REG_LBA1, 0);
    port_out8(base + REG_LBA2, 0);
    port_out8(base + REG_COMMAND, CMD_IDENTIFY);
    if (port_in8(base + REG_STATUS) == 0)
        return -ENXIO;                  /* no drive at this position */
    if (chan_wait(d, 0, 0, &st) != OK && !(st & ST_ERR))
        return -ENXIO;
    if (port_in8(base + REG_LBA1) != 0 || port_in8(base + REG_LBA2) != 0)
        return -ENODEV;                 /* ATAPI or SATA: not an ATA disk */
    if (chan_wait(d, ST_DRQ, ST_DRQ, 0) != OK)
        return -ENXIO;
    port_in16s(base + REG_DATA, id, 256);
    return OK;
}

static void probe_one(int d)
{
    static uint16_t id[256];
    struct disk *k = &disks[d];
    memset(k, 0, sizeof(*k));
    if (identify(d, id) != OK)
        return;
    if (!(id[49] & (1 << 9))) {
        printf("ata: disk %d: no LBA addressing, ignored\n", d);
        return;
    }
    k->lba48 = (id[83] & (1 << 10)) != 0;
    k->sectors = k->lba48
        ? (uint64_t)id[100] | (uint64_t)id[101] << 16 | (uint64_t)id[102] << 32 |
          (uint64_t)id[103] << 48
        : (uint64_t)id[60] | (uint64_t)id[61] << 16;
    if (k->sectors == 0)
        return;
    model_of(id, k->model);
    k->present = 1;
    k->part_sectors[0] = k->sectors;
}

int ata_probe(void)
{
    int found = 0;
    chan_init(0);
    chan_init(1);
    for (int d = 0; d < ATA_DISKS; d++) {
        probe_one(d);
        if (!disks[d].present)
            continue;
        found++;
        part_scan(d);
    }
    return found;
}

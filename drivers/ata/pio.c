/*
 * pio.c - sector transfers by programmed I/O: the command goes to the
 * task file, then each sector's 256 words move through the data
 * register when the drive raises DRQ.  LBA48 commands are used only
 * when the range needs them (past sector 2^28 - 1); a write ends with
 * FLUSH CACHE, so a reply of success means the data is on the medium.
 *
 * Invariant: a failed transfer is -EIO and leaves the channel ready for
 * the next command (chan_wait resets it on a timeout).
 */
#include "ata.h"
#include "port.h"

#define LBA28_LIMIT (1u << 28)

static int needs48(uint64_t lba, uint32_t n)
{
    return lba + n > LBA28_LIMIT;
}

/* Load the task file for n sectors at lba and issue cmd28 or cmd48. */
static int command(int d, uint64_t lba, uint32_t n, uint8_t cmd28, uint8_t cmd48)
{
    uint16_t base = chan_base(d);
    int r;
    if (needs48(lba, n)) {
        if (!disks[d].lba48)
            return -EIO;
        if ((r = chan_select(d, 0xE0)) != OK)
            return r;
        port_out8(base + REG_COUNT, (uint8_t)(n >> 8));
        port_out8(base + REG_LBA0, (uint8_t)(lba >> 24));
        port_out8(base + REG_LBA1, (uint8_t)(lba >> 32));
        port_out8(base + REG_LBA2, (uint8_t)(lba >> 40));
        port_out8(base + REG_COUNT, (uint8_t)n);
        port_out8(base + REG_LBA0, (uint8_t)lba);
        port_out8(base + REG_LBA1, (uint8_t)(lba >> 8));
        port_out8(base + REG_LBA2, (uint8_t)(lba >> 16));
        port_out8(base + REG_COMMAND, cmd48);
        return OK;
    }
    if ((r = chan_select(d, (uint8_t)(0xE0 | ((lba >> 24) & 0x0f)))) != OK)
        return r;
    port_out8(base + REG_COUNT, (uint8_t)n);    /* 256 is 0 */
    port_out8(base + REG_LBA0, (uint8_t)lba);
    port_out8(base + REG_LBA1, (uint8_t)(lba >> 8));
    port_out8(base + REG_LBA2, (uint8_t)(lba >> 16));
    port_out8(base + REG_COMMAND, cmd28);
    return OK;
}

int ata_read(int d, uint64_t lba, uint32_t n, void *buf)
{
    uint8_t *p = buf;
    int r;
    if ((r = command(d, lba, n, CMD_READ, CMD_READ_EXT)) != OK)
        return r;
    for (uint32_t i = 0; i < n; i++, p += BDEV_SECTOR) {
        if ((r = chan_wait(d, ST_DRQ, ST_DRQ, 0)) != OK) {
            printf("ata: disk %d: read of sector %u failed\n", d, (unsigned)(lba + i));
            return r;
        }
        port_in16s(chan_base(d) + REG_DATA, p, BDEV_SECTOR / 2);
    }
    return OK;
}

int ata_write(int d, uint64_t lba, uint32_t n, const void *buf)
{
    const uint8_t *p = buf;
    int r;
    if ((r = command(d, lba, n, CMD_WRITE, CMD_WRITE_EXT)) != OK)
        return r;
    for (uint32_t i = 0; i < n; i++, p += BDEV_SECTOR) {
        if ((r = chan_wait(d, ST_DRQ, ST_DRQ, 0)) != OK) {
            printf("ata: disk %d: write of sector %u failed\n", d, (unsigned)(lba + i));
            return r;
        }
        port_out16s(chan_base(d) + REG_DATA, p, BDEV_SECTOR / 2);
    }
    if ((r = chan_wait(d, 0, 0, 0)) != OK)
        return r;
    port_out8(chan_base(d) + REG_COMMAND, disks[d].lba48 ? CMD_FLUSH_EXT : CMD_FLUSH);
    return chan_wait(d, 0, 0, 0);
}

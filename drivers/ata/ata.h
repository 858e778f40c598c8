/*
 * ata.h - the ATA disk driver (drivers/ata, docs/storage.md): the two
 * legacy IDE channels of a PC (the QEMU pc machine's PIIX), up to four
 * disks, PIO transfers with LBA28 and LBA48 addressing, polled (the
 * drives' interrupts stay off: nIEN).
 *
 * Minors: disk d (0 primary master, 1 primary slave, 2 secondary
 * master, 3 secondary slave) is minor d*5; its MBR primary partitions
 * 1..4 are minors d*5+1 .. d*5+4.  A minor with no disk or no partition
 * behind it has size 0 and fails to open with ENXIO.
 *
 * Invariants: every wait on a drive is bounded (ATA_TIMEOUT_US); a
 * drive that does not answer in time is reset and the request fails
 * with EIO.  A transfer never leaves its minor (the block-driver
 * library clips at the minor's size; part.c checks partitions lie
 * inside their disk).
 */
#ifndef ATA_H
#define ATA_H

#include "blockdriver.h"

#define ATA_DISKS      4
#define ATA_PARTS      4                /* MBR primaries */
#define ATA_MINORS     (ATA_DISKS * (ATA_PARTS + 1))
#define ATA_TIMEOUT_US 3000000          /* the longest wait on a drive */

struct disk {
    int present;
    int lba48;                          /* the drive takes 48-bit commands */
    uint64_t sectors;                   /* its size in BDEV_SECTOR units */
    char model[41];
    uint64_t part_start[ATA_PARTS + 1]; /* [0] whole disk, [1..4] partitions */
    uint64_t part_sectors[ATA_PARTS + 1];
};

extern struct disk disks[ATA_DISKS];

/* probe.c: find the disks (IDENTIFY); returns how many */
int ata_probe(void);

/* pio.c: n (1..256) sectors at lba of disk d to/from buf; OK or -EIO */
int ata_read(int d, uint64_t lba, uint32_t n, void *buf);
int ata_write(int d, uint64_t lba, uint32_t n, const void *buf);
/* channel.c: the register-level steps shared by probe.c and pio.c */
uint16_t chan_base(int d);
int chan_select(int d, uint8_t head);
int chan_wait(int d, uint8_t mask, uint8_t want, uint8_t *status);
void chan_reset(int d);
void chan_init(int c);

/* part.c: read disk d's MBR into part_start/part_sectors */
void part_scan(int d);

/* ATA task-file registers, offsets from the channel's base port */
#define REG_DATA    0
#define REG_ERROR   1
#define REG_COUNT   2
#define REG_LBA0    3
#define REG_LBA1    4
#define REG_LBA2    5
#define REG_DRIVE   6
#define REG_STATUS  7
#define REG_COMMAND 7

#define ST_ERR  0x01
#define ST_DRQ  0x08
#define ST_DF   0x20
#define ST_BSY  0x80

#define CMD_READ        0x20
#define CMD_READ_EXT    0x24
#define CMD_WRITE       0x30
#define CMD_WRITE_EXT   0x34
#define CMD_FLUSH       0xE7
#define CMD_FLUSH_EXT   0xEA
#define CMD_IDENTIFY    0xEC

#endif

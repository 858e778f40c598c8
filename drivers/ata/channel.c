/*
 * channel.c - the register-level steps on an IDE channel: select a
 * drive, wait for a status with a deadline, reset.  Channel c (0
 * primary, 1 secondary) holds disks 2c (master) and 2c+1 (slave).
 *
 * Invariant: no loop here runs longer than ATA_TIMEOUT_US; a drive that
 * stays busy past it gets its channel reset and the caller gets -EIO.
 */
#include "ata.h"
#include "port.h"

#define CTL_NIEN 0x02                   /* device control: no interrupts */
#define CTL_SRST 0x04                   /* device control: software reset */

static const uint16_t base_port[2] = { 0x1f0, 0x170 };
static const uint16_t ctrl_port[2] = { 0x3f6, 0x376 };

uint16_t chan_base(int d)
{
    return base_port[d / 2];
}

/* The 400 ns a drive needs after a select: four alternate-status reads. */
static void settle(int c)
{
    for (int i = 0; i < 4; i++)
        (void)port_in8(ctrl_port[c]);
}

/* Poll until !BSY and (status & mask) == want; -EIO on ERR/DF or when
 * the deadline passes (then the channel is reset). */
int chan_wait(int d, uint8_t mask, uint8_t want, uint8_t *status)
{
    uint64_t start = 0;
    for (uint32_t polls = 0;; polls++) {
        uint8_t st = port_in8(chan_base(d) + REG_STATUS);
        if (status)
            *status = st;
        if (st == 0xff)
            return -EIO;                /* nothing on the bus */
        if (!(st & ST_BSY)) {
            if (st & (ST_ERR | ST_DF))
                return -EIO;
            if ((st & mask) == want)
                return OK;
        }
        if ((polls & 63) != 63)
            continue;
        if (start == 0)
            start = sys_uptime_us();
        else if (sys_uptime_us() - start > ATA_TIMEOUT_US) {
            printf("ata: disk %d: no answer in %d ms (status 0x%x): channel reset\n",
                   d, ATA_TIMEOUT_US / 1000, st);
            chan_reset(d);
            return -EIO;
        }
    }
}

/* Select disk d with the given head/LBA bits (0xA0 or 0xE0 | high LBA). */
int chan_select(int d, uint8_t head)
{
    int r;
    if ((r = chan_wait(d, 0, 0, 0)) != OK)
        return r;
    port_out8(chan_base(d) + REG_DRIVE, (uint8_t)(head | (d & 1) << 4));
    settle(d / 2);
    return chan_wait(d, 0, 0, 0);
}

void chan_reset(int d)
{
    int c = d / 2;
    uint64_t start = sys_uptime_us();
    port_out8(ctrl_port[c], CTL_SRST | CTL_NIEN);
    settle(c);
    port_out8(ctrl_port[c], CTL_NIEN);
    settle(c);
    while (port_in8(base_port[c] + REG_STATUS) & ST_BSY)
        if (sys_uptime_us() - start > ATA_TIMEOUT_US)
            break;
}

/* Interrupts off for channel c: this driver polls. */
void chan_init(int c)
{
    port_out8(ctrl_port[c], CTL_NIEN);
}

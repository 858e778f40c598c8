/*
 * rtc.c - the wall clock: at boot the CMOS real-time clock is read once
 * (ports 0x70/0x71, UTC assumed, as QEMU and most PCs keep it) and the
 * epoch second at which the TSC clock read zero is kept in
 * rtc_boot_epoch.  The time of day is rtc_boot_epoch + tsc_usec() / 10^6;
 * SYS_GETINFO GI_CLOCK hands it to PM (gettimeofday) and to the file
 * systems (file times).  A clock that reads nonsense gives 0: 1970.
 */
#include "kernel.h"

uint32_t rtc_boot_epoch;

static uint32_t cmos(uint32_t reg)
{
    outb(0x70, (uint8_t)reg);
    return inb(0x71);
}

static uint32_t bcd(uint32_t v, int binary)
{
    return binary ? v : (v & 15) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static uint32_t days(uint32_t y, uint32_t m, uint32_t d)
{
    static const uint16_t before[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    uint32_t n = (y - 1970) * 365 + before[(m - 1) % 12] + d - 1;
    n += (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;
    if (m > 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
        n++;
    return n;
}

void rtc_init(void)
{
    uint32_t s, mi, h, d, mo, y, b;
    for (int i = 0; i < 100000 && (cmos(0x0a) & 0x80); i++)
        ;                               /* an update is in progress */
    b = cmos(0x0b) & 4;
    s = bcd(cmos(0x00), b);
    mi = bcd(cmos(0x02), b);
    h = bcd(cmos(0x04) & 0x7f, b);
    d = bcd(cmos(0x07), b);
    mo = bcd(cmos(0x08), b);
    y = 2000 + bcd(cmos(0x09), b);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
        kprintf("kernel: the real-time clock reads nonsense; time starts at 1970\n");
        return;
    }
    rtc_boot_epoch = days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
                     (uint32_t)(tsc_usec() / 1000000);
}

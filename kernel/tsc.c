/*
 * tsc.c - time since boot in microseconds, from the TSC.  Its rate is
 * measured once at boot against the PIT's channel 2 (a 10 ms one-shot,
 * polled through port 0x61, before interrupts are on).  Unlike the tick
 * count this clock loses nothing while the kernel runs with interrupts
 * off (a long checker slice, a big exec), so gettimeofday stays right.
 * Invariant: tsc_hz == 0 (the PIT never answered) means "use the ticks".
 */
#include "kernel.h"

#define PIT_HZ 1193182u
#define CAL_COUNT (PIT_HZ / 100)        /* 10 ms */

static uint64_t tsc_hz, tsc_base;

void tsc_calibrate(void)
{
    uint64_t t0, t1;
    uint32_t n = 0;
    outb(0x61, (uint8_t)((inb(0x61) & ~0x02) | 0x01));     /* gate 2 on, speaker off */
    outb(0x43, 0xb0);                   /* channel 2, lo/hi, mode 0 */
    outb(0x42, CAL_COUNT & 0xff);
    outb(0x42, CAL_COUNT >> 8);
    t0 = acct_now();
    while (!(inb(0x61) & 0x20) && ++n < 100000000u)
        ;
    t1 = acct_now();
    tsc_base = t0;
    tsc_hz = n < 100000000u ? (t1 - t0) * 100 : 0;
    kprintf("kernel: TSC at %u kHz\n", (uint32_t)(tsc_hz / 1000));
}

uint64_t tsc_usec(void)
{
    uint64_t d;
    if (!tsc_hz)
        return (uint64_t)ticks * (1000000 / HZ);
    d = acct_now() - tsc_base;
    return d / tsc_hz * 1000000 + d % tsc_hz * 1000000 / tsc_hz;
}

/*
 * clock.c - the PIT at HZ ticks per second: counts ticks, fires alarms
 * (SYSEV_ALARM to the process that set one) and charges the quantum.
 */
#include "kernel.h"
#include "proc.h"

#define PIT_HZ 1193182

volatile uint32_t ticks;

void clock_init(void)
{
    uint32_t div = PIT_HZ / HZ;
    outb(0x43, 0x34);           /* channel 0, lo/hi, rate generator */
    outb(0x40, div & 0xff);
    outb(0x40, div >> 8);
    pic_unmask(CLOCK_IRQ);
}

void clock_tick(void)
{
    ticks++;
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if (!(p->flags & P_FREE) && p->alarm_at && p->alarm_at <= ticks) {
            p->alarm_at = 0;
            kernel_notify(p, SYSTEM, SYSEV_ALARM);
        }
    }
    sched_tick();
}

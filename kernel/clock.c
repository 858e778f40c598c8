/*
 * clock.c - the PIT at HZ ticks per second: counts ticks, fires alarms
 * (SYSEV_ALARM to the process that set one) and charges the quantum.
 * Invariant: next_alarm is 0 or <= every pending alarm_at, so a tick
 * with no alarm due costs no scan of the process table.
 */
#include "kernel.h"
#include "proc.h"
#include "stabilize.h"

#define PIT_HZ 1193182

volatile uint32_t ticks;
static uint32_t next_alarm;     /* no alarm is due before this tick */

/* For the checker (check_tables.c). */
uint32_t clock_next_alarm(void)
{
    return next_alarm;
}

/* do_setalarm calls this so that clock_tick scans only when one is due. */
void clock_alarm_set(uint32_t at)
{
    if (at && (next_alarm == 0 || at < next_alarm))
        next_alarm = at;
}

static void fire_alarms(void)
{
    next_alarm = 0;
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if ((p->flags & P_FREE) || !p->alarm_at)
            continue;
        if (p->alarm_at <= ticks) {
            p->alarm_at = 0;
            kernel_notify(p, SYSTEM, SYSEV_ALARM);
        } else {
            clock_alarm_set(p->alarm_at);
        }
    }
}

void pit_program(void)
{
    uint32_t div = PIT_HZ / HZ;
    outb(0x43, 0x34);           /* channel 0, lo/hi, rate generator */
    outb(0x40, div & 0xff);
    outb(0x40, div >> 8);
}

void clock_init(void)
{
    pit_program();
    pic_unmask(CLOCK_IRQ);
}

void clock_tick(void)
{
    uint64_t t0 = acct_start();
    ticks++;
    as_changed();                       /* bounds the life of a msgmap */
    stab_tick();
    acct_check(t0);
    if (next_alarm && next_alarm <= ticks)
        fire_alarms();
    sched_tick();
}

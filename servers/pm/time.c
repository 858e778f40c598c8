/*
 * time.c - the time of day and sleeping.
 *
 * The time of day is the epoch second at which the system booted (the
 * kernel reads the CMOS clock once, kernel/rtc.c) plus the kernel's
 * uptime in microseconds (its TSC clock, which loses nothing while
 * interrupts are off; sleeps and alarms still count HZ ticks).
 * Sleepers wait for a tick, alarm(2)s send SIGALRM at one; PM keeps one
 * kernel alarm for the earliest of them (and for a signal delivery that
 * must be retried).  Both live in the process table, kept across a
 * restart of PM.
 */
#include "pm.h"

#define HZ 100

static uint32_t boot_epoch STATE;          /* kept across a restart */

uint32_t now_ticks(void)
{
    return sys_uptime();
}

void time_init(void)
{
    boot_epoch = sys_boot_epoch();
}

int do_time(message *m)
{
    struct pm_time *t = MSG_BODY(m, struct pm_time);
    uint64_t us = sys_uptime_us();
    t->sec = boot_epoch + (uint32_t)(us / 1000000);
    t->usec = (uint32_t)(us % 1000000);
    t->uptime_ms = (uint32_t)(us / 1000);
    t->up_sec = (uint32_t)(us / 1000000);
    t->up_usec = (uint32_t)(us % 1000000);
    return OK;
}

/* Set the kernel alarm for the earliest sleeper (or a signal retry). */
void arm(void)
{
    uint32_t now = now_ticks(), first = 0;
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state == MP_ALIVE && mp->blocked == PB_SLEEP &&
            (!first || (int32_t)(mp->wake_at - first) < 0))
            first = mp->wake_at;
        if (mp->state == MP_ALIVE && mp->alarm_at &&
            (!first || (int32_t)(mp->alarm_at - first) < 0))
            first = mp->alarm_at;
    }
    if (retry_pending && (!first || (int32_t)(first - now) > 1))
        first = now + 1;
    sys_setalarm(!first ? 0 : (int32_t)(first - now) > 0 ? first - now : 1);
}

/* End mp's sleep with status, telling it how many ms were left. */
void timer_wake(struct mproc *mp, int status)
{
    message m;
    int32_t left = (int32_t)(mp->wake_at - now_ticks());
    memset(&m, 0, sizeof(m));
    m.m_type = status;
    MSG_BODY(&m, struct pm_time)->ms = left > 0 ? (uint32_t)left * (1000 / HZ) : 0;
    reply(mp, &m);
    arm();
}

/* An alarm tick: 0 means none, so a tick that wraps to 0 is made 1. */
static uint32_t nonzero(uint32_t tick)
{
    return tick ? tick : 1;
}

void timers_expired(void)
{
    uint32_t now = now_ticks();
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state == MP_ALIVE && mp->blocked == PB_SLEEP &&
            (int32_t)(now - mp->wake_at) >= 0)
            timer_wake(mp, OK);
        if (mp->state == MP_ALIVE && mp->alarm_at && (int32_t)(now - mp->alarm_at) >= 0) {
            mp->alarm_at = mp->alarm_every ? nonzero(now + mp->alarm_every) : 0;
            mp_touch(mp);
            sig_send(mp, PM_SIGALRM);
        }
    }
    if (retry_pending)
        sig_flush();
    arm();
}

int do_sleep(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    uint32_t ms = MSG_BODY(m, struct pm_time)->ms;
    if (!mp)
        return -EAGAIN;
    if (ms > 0x7fffffffu / HZ)
        return -EINVAL;
    if (ms == 0)
        return OK;
    mp->wake_at = now_ticks() + (ms * HZ + 999) / 1000;
    if (mp->resume_wake && mp->resume_wake <= mp->wake_at)
        mp->wake_at = mp->resume_wake;  /* libc repeats the sleep PM's restart cut */
    mp->resume_wake = 0;
    mp->blocked = PB_SLEEP;
    mp_touch(mp);
    arm();
    return EDONTREPLY;
}

static uint32_t ms_to_ticks(uint32_t ms)
{
    return (ms * HZ + 999) / 1000;
}

int do_alarm(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    struct pm_time *t = MSG_BODY(m, struct pm_time);
    uint32_t every;
    int32_t left;
    if (!mp)
        return -EAGAIN;
    if (t->ms > 0x7fffffffu / HZ || t->interval_ms > 0x7fffffffu / HZ || (t->flags & ~PM_ALARM_ASK))
        return -EINVAL;
    left = mp->alarm_at ? (int32_t)(mp->alarm_at - now_ticks()) : 0;
    every = mp->alarm_every;
    if (!(t->flags & PM_ALARM_ASK)) {
        mp->alarm_at = 0;
        mp->alarm_every = 0;
        mp_touch(mp);
        if (t->ms) {
            mp->alarm_at = nonzero(now_ticks() + ms_to_ticks(t->ms));
            mp->alarm_every = ms_to_ticks(t->interval_ms);
        }
    }
    t->ms = left > 0 ? (uint32_t)left * (1000 / HZ) : 0;
    t->interval_ms = every * (1000 / HZ);
    arm();
    return OK;
}

/*
 * time.c - the time of day and sleeping.
 *
 * At startup PM reads the CMOS real-time clock once (ports 0x70/0x71,
 * UTC assumed) and remembers the epoch second at which the system
 * booted; afterwards time is that plus the kernel's uptime in
 * microseconds (its TSC clock, which loses nothing while interrupts are
 * off; sleeps and alarms still count HZ ticks).
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

static uint32_t cmos(uint32_t reg)
{
    uint32_t v = 0;
    sys_outb(0x70, reg);
    sys_inb(0x71, &v);
    return v & 0xff;
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

void time_init(void)
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
        printf("pm: the real-time clock reads nonsense; time starts at 1970\n");
        return;
    }
    boot_epoch = days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
                 (uint32_t)(sys_uptime_us() / 1000000);
}

int do_time(message *m)
{
    struct pm_time *t = MSG_BODY(m, struct pm_time);
    uint64_t us = sys_uptime_us();
    t->sec = boot_epoch + (uint32_t)(us / 1000000);
    t->usec = (uint32_t)(us % 1000000);
    t->uptime_ms = (uint32_t)(us / 1000);
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

void timers_expired(void)
{
    uint32_t now = now_ticks();
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state == MP_ALIVE && mp->blocked == PB_SLEEP &&
            (int32_t)(now - mp->wake_at) >= 0)
            timer_wake(mp, OK);
        if (mp->state == MP_ALIVE && mp->alarm_at && (int32_t)(now - mp->alarm_at) >= 0) {
            mp->alarm_at = 0;
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

int do_alarm(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    struct pm_time *t = MSG_BODY(m, struct pm_time);
    int32_t left;
    if (!mp)
        return -EAGAIN;
    if (t->ms > 0x7fffffffu / HZ)
        return -EINVAL;
    left = mp->alarm_at ? (int32_t)(mp->alarm_at - now_ticks()) : 0;
    mp->alarm_at = 0;
    mp_touch(mp);
    if (t->ms) {
        mp->alarm_at = now_ticks() + (t->ms * HZ + 999) / 1000;
        if (mp->alarm_at == 0)
            mp->alarm_at = 1;           /* 0 means none */
    }
    t->ms = left > 0 ? (uint32_t)left * (1000 / HZ) : 0;
    arm();
    return OK;
}

/*
 * time.c - the clock: gettimeofday, clock_gettime (CLOCK_REALTIME and
 * CLOCK_MONOTONIC, microseconds) and times from PM_TIME (newlib builds
 * time() and clock() on them); sleep, usleep, nanosleep with PM_SLEEP
 * (10 ms resolution; a signal ends them early with the time left);
 * alarm, setitimer and getitimer (ITIMER_REAL) with PM_ALARM.
 */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "libc.h"

static int pm_time(struct pm_time *t)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = __pm_call(PM_TIME, &m);
    *t = *MSG_BODY(&m, struct pm_time);
    return r;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct pm_time t;
    int r = pm_time(&t);
    if (r < 0)
        return __err(r);
    if (tv) {
        tv->tv_sec = t.sec;
        tv->tv_usec = t.usec;
    }
    return 0;
}

/* No CPU accounting yet: every tick since boot counts as elapsed. */
clock_t times(struct tms *buf)
{
    struct pm_time t;
    int r = pm_time(&t);
    if (r < 0)
        return (clock_t)__err(r);
    if (buf) {
        buf->tms_utime = buf->tms_stime = 0;
        buf->tms_cutime = buf->tms_cstime = 0;
    }
    return (clock_t)(t.uptime_ms / 10);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    message m;
    uint64_t ms;
    int r;
    if (!req || req->tv_nsec < 0 || req->tv_nsec >= 1000000000L || req->tv_sec < 0)
        return __err(-EINVAL);
    ms = (uint64_t)req->tv_sec * 1000 + ((uint64_t)req->tv_nsec + 999999) / 1000000;
    if (ms > 0x7fffffffu / 100)
        ms = 0x7fffffffu / 100;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_time)->ms = (uint32_t)ms;
    r = __pm_call(PM_SLEEP, &m);
    if (r == -EINTR && rem) {
        uint32_t left = MSG_BODY(&m, struct pm_time)->ms;
        rem->tv_sec = left / 1000;
        rem->tv_nsec = (long)(left % 1000) * 1000000L;
    }
    return r < 0 ? __err(r) : 0;
}

unsigned sleep(unsigned seconds)
{
    struct timespec req = { (time_t)seconds, 0 }, rem = { 0, 0 };
    if (nanosleep(&req, &rem) < 0 && errno == EINTR)
        return (unsigned)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

unsigned alarm(unsigned seconds)
{
    message m;
    uint32_t ms = seconds > 0x7fffffffu / 100 / 1000 ? 0x7fffffffu / 100 : seconds * 1000u;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_time)->ms = ms;
    if (__pm_call(PM_ALARM, &m) < 0)
        return 0;
    return (MSG_BODY(&m, struct pm_time)->ms + 999) / 1000;
}

/* ITIMER_REAL only: there is no CPU time accounting for the others. */
static int itimer(int which, const struct itimerval *v, struct itimerval *old, int ask)
{
    message m;
    struct pm_time *t = MSG_BODY(&m, struct pm_time);
    int r;
    if (which != ITIMER_REAL)
        return __err(-EINVAL);
    memset(&m, 0, sizeof(m));
    if (v) {
        if (v->it_value.tv_sec < 0 || v->it_value.tv_usec < 0 || v->it_value.tv_usec >= 1000000 ||
            v->it_interval.tv_sec < 0 || v->it_interval.tv_usec < 0 ||
            v->it_interval.tv_usec >= 1000000 || v->it_value.tv_sec > 0x7fffffff / 100 / 1000 ||
            v->it_interval.tv_sec > 0x7fffffff / 100 / 1000)
            return __err(-EINVAL);
        t->ms = (uint32_t)(v->it_value.tv_sec * 1000 + (v->it_value.tv_usec + 999) / 1000);
        t->interval_ms = (uint32_t)(v->it_interval.tv_sec * 1000 + (v->it_interval.tv_usec + 999) / 1000);
    }
    t->flags = ask ? PM_ALARM_ASK : 0;
    if ((r = __pm_call(PM_ALARM, &m)) < 0)
        return __err(r);
    if (old) {
        old->it_value.tv_sec = t->ms / 1000;
        old->it_value.tv_usec = (t->ms % 1000) * 1000;
        old->it_interval.tv_sec = t->interval_ms / 1000;
        old->it_interval.tv_usec = (t->interval_ms % 1000) * 1000;
    }
    return 0;
}

int setitimer(int which, const struct itimerval *v, struct itimerval *old)
{
    if (!v)
        return __err(-EFAULT);
    return itimer(which, v, old, 0);
}

int getitimer(int which, struct itimerval *cur)
{
    if (!cur)
        return __err(-EFAULT);
    return itimer(which, 0, cur, 1);
}

/* CLOCK_REALTIME and CLOCK_MONOTONIC, to the microsecond (the kernel's
 * TSC clock through PM). */
int clock_gettime(clockid_t id, struct timespec *ts)
{
    struct pm_time t;
    int r;
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return __err(-EINVAL);
    if (!ts)
        return __err(-EFAULT);
    if ((r = pm_time(&t)) < 0)
        return __err(r);
    ts->tv_sec = id == CLOCK_REALTIME ? t.sec : t.up_sec;
    ts->tv_nsec = (long)(id == CLOCK_REALTIME ? t.usec : t.up_usec) * 1000L;
    return 0;
}

int clock_getres(clockid_t id, struct timespec *res)
{
    if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC)
        return __err(-EINVAL);
    if (res)
        *res = (struct timespec){ 0, 1000 };
    return 0;
}

int usleep(useconds_t us)
{
    struct timespec req = { (time_t)(us / 1000000), (long)(us % 1000000) * 1000 };
    return nanosleep(&req, 0);
}

/*
 * settime.c - setting the clock: settimeofday and clock_settime.  PM's
 * clock counts from boot and has no call to be set, so both fail with
 * EPERM for everyone (the clock cannot be set, not even by root).
 */
#include <errno.h>
#include <time.h>
#include <sys/time.h>

int settimeofday(const struct timeval *tv, const void *tz)
{
    (void)tv;
    (void)tz;
    errno = EPERM;
    return -1;
}

int clock_settime(clockid_t id, const struct timespec *ts)
{
    (void)id;
    (void)ts;
    errno = EPERM;
    return -1;
}

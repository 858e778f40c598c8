/*
 * time.h - newlib's <time.h> plus what its i686-elf build leaves out:
 * nanosleep, clock_gettime, clock_getres, CLOCK_MONOTONIC (declared there
 * only with _POSIX_TIMERS and _POSIX_MONOTONIC_CLOCK, which this target
 * does not define).  lib/libc implements it with PM.  Found before
 * newlib's header because lib/libc/include comes first on the include path.
 */
#ifndef STABILIX_TIME_H
#define STABILIX_TIME_H

#include_next <time.h>

int nanosleep(const struct timespec *rqtp, struct timespec *rmtp);

/* declared by newlib only with _POSIX_TIMERS / _POSIX_MONOTONIC_CLOCK */
#ifndef CLOCK_MONOTONIC
#define CLOCK_MONOTONIC ((clockid_t)4)
#endif
int clock_gettime(clockid_t clock_id, struct timespec *tp);
int clock_getres(clockid_t clock_id, struct timespec *res);

#endif

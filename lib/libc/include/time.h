/*
 * time.h - newlib's <time.h> plus what its i686-elf build leaves out:
 * nanosleep (declared there only with _POSIX_TIMERS, which this target
 * does not define).  lib/libc implements it with PM.  Found before
 * newlib's header because lib/libc/include comes first on the include path.
 */
#ifndef STABILIX_TIME_H
#define STABILIX_TIME_H

#include_next <time.h>

int nanosleep(const struct timespec *rqtp, struct timespec *rmtp);

#endif

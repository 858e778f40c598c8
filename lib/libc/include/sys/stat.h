/*
 * sys/stat.h - newlib's <sys/stat.h> plus what its i686-elf build leaves
 * out: lstat (declared there only for Cygwin, RTEMS and SPU), and the
 * special tv_nsec values of utimensat and futimens (newlib's own values,
 * which it defines for Cygwin only).  lib/libc
 * implements it over VFS.  Found before newlib's header because
 * lib/libc/include comes first on the include path.
 */
#ifndef STABILIX_SYS_STAT_H
#define STABILIX_SYS_STAT_H

#include_next <sys/stat.h>

int lstat(const char *__restrict path, struct stat *__restrict buf);

#ifndef UTIME_NOW
#define UTIME_NOW   -2L
#define UTIME_OMIT  -1L
#endif

#endif

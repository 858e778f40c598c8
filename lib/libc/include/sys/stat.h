/*
 * sys/stat.h - newlib's <sys/stat.h> plus what its i686-elf build leaves
 * out: lstat (declared there only for Cygwin, RTEMS and SPU).  lib/libc
 * implements it over VFS.  Found before newlib's header because
 * lib/libc/include comes first on the include path.
 */
#ifndef STABILIX_SYS_STAT_H
#define STABILIX_SYS_STAT_H

#include_next <sys/stat.h>

int lstat(const char *__restrict path, struct stat *__restrict buf);

#endif

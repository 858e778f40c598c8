/*
 * sys/syslimits.h - newlib's limits with ARG_MAX made Stabilix's own.
 * newlib says 65536 bytes; an exec here takes what fits in PM's argument
 * block (PM_ARGS_MAX, proto/pm.h), where every string also costs a 4-byte
 * pointer on the new stack, so 8192 bytes of strings (NULs included)
 * always fit: the figure sysconf(_SC_ARG_MAX) gives (lib/libc/sysconf.c
 * checks that the two agree).  Programs that size their command lines by
 * the constant, as BusyBox's xargs does, then make lines exec accepts.
 */
#ifndef STABILIX_SYS_SYSLIMITS_H
#define STABILIX_SYS_SYSLIMITS_H

#include_next <sys/syslimits.h>

#undef ARG_MAX
#define ARG_MAX 8192

#endif

/*
 * utime.h - newlib's <utime.h> (struct utimbuf) plus the declaration of
 * utime, which newlib leaves to each system (lib/libc/vfs_times.c).
 */
#ifndef STABILIX_UTIME_H
#define STABILIX_UTIME_H

#include_next <utime.h>

int utime(const char *path, const struct utimbuf *times);

#endif

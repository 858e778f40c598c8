/*
 * format.h - a small vsnprintf shared by the kernel and libsys.
 *
 * Conversions: %d %i %u %x %X %p %s %c %%, flags '-' and '0', a width,
 * and an ignored 'l'.  The output is always NUL-terminated when size > 0;
 * the return value is the length the full output would have had.
 */
#ifndef STABILIX_FORMAT_H
#define STABILIX_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif

/*
 * err.h - BSD's formatted error messages (lib/libc/err.c): the program's
 * name, the message, and for err/warn the errno text, on stderr.
 */
#ifndef STABILIX_ERR_H
#define STABILIX_ERR_H

#include <stdarg.h>

void err(int status, const char *fmt, ...) __attribute__((noreturn));
void errx(int status, const char *fmt, ...) __attribute__((noreturn));
void warn(const char *fmt, ...);
void warnx(const char *fmt, ...);
void verr(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void verrx(int status, const char *fmt, va_list ap) __attribute__((noreturn));
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);

#endif

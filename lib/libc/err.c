/*
 * err.c - BSD's err, errx, warn, warnx (and their v-forms): "prog: "
 * (the program's name from argv[0], set by start.c as newlib's
 * program_invocation_name is not there), the message, and for err and
 * warn ": " and the errno text; a newline; all on stderr.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char *__progname;

static void say(int with_errno, const char *fmt, va_list ap)
{
    int e = errno;
    fprintf(stderr, "%s: ", __progname ? __progname : "?");
    if (fmt)
        vfprintf(stderr, fmt, ap);
    if (with_errno)
        fprintf(stderr, "%s%s", fmt ? ": " : "", strerror(e));
    fputc('\n', stderr);
}

void vwarn(const char *fmt, va_list ap) { say(1, fmt, ap); }
void vwarnx(const char *fmt, va_list ap) { say(0, fmt, ap); }

void verr(int status, const char *fmt, va_list ap)
{
    say(1, fmt, ap);
    exit(status);
}

void verrx(int status, const char *fmt, va_list ap)
{
    say(0, fmt, ap);
    exit(status);
}

void warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

void warnx(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarnx(fmt, ap);
    va_end(ap);
}

void err(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verr(status, fmt, ap);
}

void errx(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verrx(status, fmt, ap);
}

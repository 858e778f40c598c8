/*
 * out.c - the shell's output: formatted writes straight to a descriptor
 * (no stdio buffer that fork could duplicate) and error messages in the
 * form "sh: <what>: <strerror>".
 *
 * Invariant: a message longer than the buffer is truncated, never lost.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static void write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

void sh_printf(int fd, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof buf)
		n = sizeof buf - 1;
	write_all(fd, buf, (size_t)n);
}

void sh_error(const char *what, int err)
{
	sh_printf(2, "sh: %s: %s\n", what, strerror(err));
}

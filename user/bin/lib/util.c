/*
 * util.c - shared helpers of the utilities (see util.h).
 * Invariant: messages go to stderr unbuffered; opt_next never reads past
 * argv[argc] and never permutes arguments.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

const char *prog = "?";
int opt_ind = 1;
char *opt_arg;
static int opt_pos;                      /* index inside a "-abc" group */

void util_init(int argc, char **argv)
{
	const char *slash;
	(void)argc;
	prog = argv[0] ? argv[0] : "?";
	if ((slash = strrchr(prog, '/')))
		prog = slash + 1;
	opt_ind = 1;
	opt_pos = 0;
}

void usage(const char *args)
{
	fprintf(stderr, "usage: %s%s%s\n", prog, *args ? " " : "", args);
	exit(2);
}

void warn_file(const char *file)
{
	fprintf(stderr, "%s: %s: %s\n", prog, file, strerror(errno));
}

void warn_msg(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int opt_next(int argc, char **argv, const char *spec)
{
	if (opt_pos == 0) {
		if (opt_ind >= argc || argv[opt_ind][0] != '-' || !argv[opt_ind][1])
			return -1;
		if (strcmp(argv[opt_ind], "--") == 0) {
			opt_ind++;
			return -1;
		}
		opt_pos = 1;
	}
	char c = argv[opt_ind][opt_pos++];
	const char *s = strchr(spec, c);
	int last = argv[opt_ind][opt_pos] == 0;
	if (!s || c == ':') {
		warn_msg("unknown option -%c", c);
		return '?';
	}
	if (s[1] == ':') {
		if (!last) {
			opt_arg = argv[opt_ind] + opt_pos;
		} else if (opt_ind + 1 < argc) {
			opt_arg = argv[++opt_ind];
		} else {
			warn_msg("option -%c needs an argument", c);
			return '?';
		}
		last = 1;
	}
	if (last) {
		opt_ind++;
		opt_pos = 0;
	}
	return c;
}

int write_all(int fd, const void *buf, unsigned long n)
{
	const char *p = buf;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (unsigned long)w;
	}
	return 0;
}

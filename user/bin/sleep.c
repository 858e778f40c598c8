/*
 * sleep.c - /bin/sleep N: wait N seconds; N is a non-negative decimal
 * number and may have a fraction ("0.25").  Exit status 0, or 2 with a
 * usage line for anything else.
 */
#include <errno.h>
#include <time.h>
#include "util.h"

/* Parses "digits[.digits]"; -1 on anything else. */
static int parse(const char *s, struct timespec *ts)
{
	long sec = 0, nsec = 0, scale = 100000000;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (sec > 100000000)
			return -1;
		sec = sec * 10 + (*p - '0');
	}
	int digits = (int)(p - s);
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			nsec += (*p - '0') * scale;
			scale /= 10;
		}
	if (*p || digits == 0)
		return -1;
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
	return 0;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	struct timespec ts;
	if (argc != 2 || parse(argv[1], &ts) < 0)
		usage("seconds");
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	return 0;
}

/*
 * fipair.c - /test/fipair <label> <kind> <label2> <kind2>: two faults
 * asked for back to back, within one of RS's ticks (tests/system/test_rs.py).
 *
 * `service fi pm <kind>` is asked through PM itself, so RS keeps it and
 * delivers it on its next tick; `service fi rs <kind>` is also made on
 * that tick, before any delivery.  With both asked for at once, RS fails
 * with PM's fault still to deliver: the restarted RS must deliver it.
 * A shell line with two `service` commands would leave the tick time to
 * fall between them.  Prints "fipair: both asked" or the first error.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: fipair <label> <kind> <label2> <kind2>\n");
		return 2;
	}
	for (int i = 1; i < 5; i += 2)
		if (sx_service_ctl("fi", argv[i], argv[i + 1]) < 0) {
			fprintf(stderr, "fipair: service fi %s %s: %s\n", argv[i], argv[i + 1],
				strerror(errno));
			return 1;
		}
	printf("fipair: both asked\n");
	return 0;
}

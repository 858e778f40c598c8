/*
 * free.c - /bin/free [-m] (also installed as /bin/mem): physical memory,
 *   total:  131072 KiB
 *   used:     2048 KiB
 *   free:   129024 KiB
 * in KiB, or in MiB (rounded down) with -m.  Errors: "free: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

int main(int argc, char **argv)
{
	util_init(argc, argv);
	int c, mib = 0;
	while ((c = opt_next(argc, argv, "m")) != -1) {
		if (c == '?')
			usage("[-m]");
		mib = 1;
	}
	if (opt_ind != argc)
		usage("[-m]");
	unsigned free_kib, total_kib;
	if (sx_meminfo(&free_kib, &total_kib) < 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	unsigned shift = mib ? 10 : 0;
	const char *unit = mib ? "MiB" : "KiB";
	printf("total: %8u %s\n", total_kib >> shift, unit);
	printf("used:  %8u %s\n", (total_kib - free_kib) >> shift, unit);
	printf("free:  %8u %s\n", free_kib >> shift, unit);
	return 0;
}

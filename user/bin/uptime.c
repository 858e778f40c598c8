/*
 * uptime.c - /bin/uptime: how long Stabilix has been running, as
 *   up H:MM:SS.mmm
 * (hours not limited).  No arguments.  Errors: "uptime: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

int main(int argc, char **argv)
{
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	long ms = sx_uptime_ms();
	if (ms < 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	printf("up %ld:%02ld:%02ld.%03ld\n", ms / 3600000, ms / 60000 % 60,
	       ms / 1000 % 60, ms % 1000);
	return 0;
}

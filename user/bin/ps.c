/*
 * ps.c - /bin/ps: every process - user processes, servers and drivers:
 *     PID  PPID    EP STATE        PAGES NAME
 *       1     0   259 recv            12 init
 * servers and drivers (no PM pid) show "-" as PID.  No arguments.
 * Errors: "ps: <strerror>", status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

#define MAXPROCS 256

int main(int argc, char **argv)
{
	util_init(argc, argv);
	if (argc != 1)
		usage("");
	struct sx_proc *p = calloc(MAXPROCS, sizeof *p);
	int n = p ? sx_procs(p, MAXPROCS, SX_PAGES) : -1;
	if (n < 0) {
		warn_msg("%s", strerror(p ? errno : ENOMEM));
		return 1;
	}
	printf("%5s %5s %5s %-11s %6s %s\n", "PID", "PPID", "EP", "STATE", "PAGES", "NAME");
	for (int i = 0; i < n && i < MAXPROCS; i++) {
		char pid[12];
		if (p[i].pid < 0)
			strcpy(pid, "-");
		else
			snprintf(pid, sizeof pid, "%d", p[i].pid);
		printf("%5s %5d %5d %-11.11s %6u %.15s\n", pid, p[i].ppid, p[i].endpoint,
		       p[i].state, p[i].pages, p[i].name);
	}
	free(p);
	return 0;
}

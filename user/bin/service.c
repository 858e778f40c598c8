/*
 * service.c - /bin/service: drive the reincarnation server.
 *   service list                          one line per service
 *   service up|down|restart <label>
 *   service fi <label> crash|hang|exception|corrupt|midway   inject a fault
 *                                         (label init: init, through PM;
 *                                         midway: in the next request,
 *                                         before its reply; not for init)
 * Every argument is checked before anything is asked of RS.
 * Errors: "service: <label>: <strerror>", status 1; usage: status 2.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stabilix.h"
#include "util.h"

#define USAGE "list | service up|down|restart <label> | service fi <label> crash|hang|exception|corrupt|midway"
#define MAXSERVICES 64

static int list(void)
{
	struct sx_service *s = calloc(MAXSERVICES, sizeof *s);
	int n = s ? sx_service_list(s, MAXSERVICES) : -1;
	if (n < 0) {
		warn_msg("%s", strerror(s ? errno : ENOMEM));
		return 1;
	}
	printf("%-15s %5s %-11s %8s %s\n", "LABEL", "EP", "STATE", "RESTARTS", "REASON");
	for (int i = 0; i < n && i < MAXSERVICES; i++)
		printf("%-15.15s %5d %-11.11s %8d %.23s\n", s[i].label, s[i].endpoint,
		       s[i].state, s[i].restarts, s[i].reason);
	free(s);
	return 0;
}

static int one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	static const char *const ctl[] = { "up", "down", "restart", NULL };
	static const char *const faults[] = { "crash", "hang", "exception", "corrupt", "midway", NULL };
	util_init(argc, argv);
	if (argc == 2 && strcmp(argv[1], "list") == 0)
		return list();
	int ok = (argc == 3 && one_of(argv[1], ctl)) ||
		 (argc == 4 && strcmp(argv[1], "fi") == 0 && one_of(argv[3], faults));
	if (!ok || strlen(argv[2]) >= sizeof ((struct sx_service *)0)->label)
		usage(USAGE);
	if (sx_service_ctl(argv[1], argv[2], argc == 4 ? argv[3] : NULL) < 0) {
		warn_file(argv[2]);
		return 1;
	}
	if (argc == 4)
		printf("service: %s: %s injected\n", argv[2], argv[3]);
	return 0;
}

/*
 * kill.c - /bin/kill [-s SIG | -SIG | -N] pid...   and   kill -l
 * Send a signal (default TERM) to processes; a negative pid names a
 * process group (write "kill -- -pgid" or "kill -TERM -pgid").  SIG is a name with or without "SIG" (any case) or a
 * number.  kill -l lists the known names.  Errors: "kill: <pid>:
 * <strerror>", exit status 1; a bad signal or no pid: usage, status 2.
 */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "util.h"

#define USAGE "[-s signal | -signal] pid... | kill -l"

static const struct { const char *name; int sig; } sigs[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
	{ "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "FPE", SIGFPE }, { "KILL", SIGKILL },
	{ "BUS", SIGBUS }, { "SEGV", SIGSEGV }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM },
	{ "TERM", SIGTERM }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "CHLD", SIGCHLD },
	{ "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
	{ "TTOU", SIGTTOU },
};
#define NSIGS (sizeof sigs / sizeof sigs[0])

/* A signal name or number; -1 if unknown. */
static int parse_signal(const char *s)
{
	if (isdigit((unsigned char)s[0])) {
		char *end;
		long v = strtol(s, &end, 10);
		return *end || v < 0 || v > 64 ? -1 : (int)v;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (size_t i = 0; i < NSIGS; i++)
		if (strcasecmp(s, sigs[i].name) == 0)
			return sigs[i].sig;
	return -1;
}

static int list(void)
{
	for (size_t i = 0; i < NSIGS; i++)
		printf("%2d %s\n", sigs[i].sig, sigs[i].name);
	return 0;
}

/* Reads the signal option if there is one; returns the first pid index. */
static int parse_options(int argc, char **argv, int *sig)
{
	int i = 1;
	*sig = SIGTERM;
	if (i < argc && strcmp(argv[i], "-s") == 0) {
		if (i + 1 >= argc || (*sig = parse_signal(argv[i + 1])) < 0) {
			if (i + 1 < argc)
				warn_msg("%s: unknown signal", argv[i + 1]);
			usage(USAGE);
		}
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
		if ((*sig = parse_signal(argv[i] + 1)) < 0) {
			warn_msg("%s: unknown signal", argv[i] + 1);
			usage(USAGE);
		}
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	return i;
}

int main(int argc, char **argv)
{
	util_init(argc, argv);
	if (argc == 2 && strcmp(argv[1], "-l") == 0)
		return list();
	int sig, status = 0;
	int i = parse_options(argc, argv, &sig);
	if (i >= argc)
		usage(USAGE);
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);
		if (!argv[i][0] || *end) {
			warn_msg("%s: not a process id", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			warn_file(argv[i]);
			status = 1;
		}
	}
	return status;
}

/*
 * sh.c - /bin/sh: entry point.
 *
 *   sh                       read commands from standard input
 *                            (interactive, with prompt "$ ", if it is a terminal)
 *   sh file [arg...]         run a script; $0 = file, $1... = args
 *   sh -c command [name [arg...]]   run one command string
 *
 * An interactive shell has job control: it puts itself in its own process
 * group, takes the terminal (tcsetpgrp, failures ignored), gives it to each
 * foreground pipeline, and ignores SIGINT, SIGQUIT, SIGTSTP, SIGTTIN and
 * SIGTTOU (its children get the default actions back).
 * The exit status is that of the last command (2 after a syntax error).
 */
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

extern char **environ;

struct shstate sh;

static int usage(void)
{
	sh_printf(2, "usage: sh [-c command [name [arg...]] | file [arg...]]\n");
	return 2;
}

static void set_args(char *arg0, char **args, int n)
{
	sh.arg0 = arg0;
	sh.args = args;
	sh.nargs = n > 0 ? n : 0;
}

static void start_job_control(void)
{
	sh.jobctl = 1;
	ignore_job_signals();
	if (getpgrp() != sh.pid)
		setpgid(0, 0);
	sh.pgid = getpgrp();
	tcsetpgrp(0, sh.pgid);
}

int main(int argc, char **argv)
{
	vars_init(environ);
	signal(SIGCHLD, SIG_DFL);      /* an inherited SIG_IGN would make waitpid fail */
	sh.pid = getpid();
	sh.pgid = getpgrp();
	set_args(argv[0], argv + 1, 0);
	if (argc >= 2 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3)
			return usage();
		if (argc >= 4)
			set_args(argv[3], argv + 4, argc - 4);
		struct input in = { .buf = argv[2], .len = strlen(argv[2]), .fd = -1 };
		return run_input(&in);
	}
	if (argc >= 2 && argv[1][0] == '-')
		return usage();
	if (argc >= 2) {
		set_args(argv[1], argv + 2, argc - 2);
		return run_script(argv[1]);
	}
	sh.interactive = isatty(0);
	if (sh.interactive)
		start_job_control();
	struct input in = { .fd = 0 };
	return run_input(&in);
}

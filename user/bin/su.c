/*
 * su.c - /bin/su [user] [-c command]: run a shell, or the command with
 * "sh -c", as user (default root), with the user's ids from /etc/passwd,
 * HOME, USER and LOGNAME set and the cwd unchanged.  There are no
 * passwords yet, so only root may switch (anybody else: "su: only root
 * may switch users", status 1).  Errors: an unknown user, or a setuid or
 * setgid that fails: the message and status 1, and nothing runs.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "util.h"

int main(int argc, char **argv)
{
	const char *name = "root", *cmd = 0;
	struct passwd *pw;
	const char *shell;
	int c;
	util_init(argc, argv);
	while ((c = opt_next(argc, argv, "c:")) != -1) {
		if (c != 'c')
			usage("[user] [-c command]");
		cmd = opt_arg;
	}
	if (opt_ind < argc)
		name = argv[opt_ind++];
	if (opt_ind < argc && !cmd && strcmp(argv[opt_ind], "-c") == 0 && opt_ind + 1 < argc) {
		cmd = argv[opt_ind + 1];        /* su user -c cmd */
		opt_ind += 2;
	}
	if (opt_ind != argc)
		usage("[user] [-c command]");
	if (!(pw = getpwnam(name))) {
		warn_msg("unknown user %s", name);
		return 1;
	}
	if (geteuid() != 0) {
		warn_msg("only root may switch users (there are no passwords yet)");
		return 1;
	}
	if (setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		warn_msg("cannot become %s: %s", name, strerror(errno));
		return 1;
	}
	shell = pw->pw_shell && pw->pw_shell[0] ? pw->pw_shell : "/bin/sh";
	setenv("HOME", pw->pw_dir && pw->pw_dir[0] ? pw->pw_dir : "/", 1);
	setenv("USER", pw->pw_name, 1);
	setenv("LOGNAME", pw->pw_name, 1);
	if (cmd)
		execl(shell, "sh", "-c", cmd, (char *)0);
	else
		execl(shell, "sh", (char *)0);
	warn_file(shell);
	return 1;
}

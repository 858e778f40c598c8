/*
 * builtins.c - commands that must run inside the shell: cd, exit, export,
 * unset, wait, jobs, pwd, and ':' (does nothing).
 *
 * Interface: find_builtin(name) returns the handler or NULL; a handler
 * takes the expanded argv and returns the status.  Errors are printed as
 * "sh: <builtin>: <what>" and give status 1 (2 for a bad exit number).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static int do_cd(int argc, char **argv)
{
	if (argc > 2) {
		sh_printf(2, "sh: cd: too many arguments\n");
		return 1;
	}
	const char *dir = argc == 2 ? argv[1] : var_get("HOME");
	if (!dir || !*dir)
		dir = "/";
	if (chdir(dir) < 0) {
		sh_printf(2, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof cwd))
		var_set("PWD", cwd, 1);
	return 0;
}

static int do_pwd(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd)) {
		sh_printf(2, "sh: pwd: %s\n", strerror(errno));
		return 1;
	}
	sh_printf(1, "%s\n", cwd);
	return 0;
}

static int do_exit(int argc, char **argv)
{
	int status = sh.status;
	if (argc > 1) {
		char *end;
		long v = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			sh_printf(2, "sh: exit: %s: bad number\n", argv[1]);
			status = 2;
		} else {
			status = (int)(v & 255);
		}
	}
	_exit(status);
}

static int do_export(int argc, char **argv)
{
	int status = 0;
	if (argc == 1)
		vars_print_exported(1);
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		if (!var_valid_name(argv[i], n)) {
			sh_printf(2, "sh: export: %s: bad variable name\n", argv[i]);
			status = 1;
			continue;
		}
		if (eq) {
			*eq = 0;
			var_set(argv[i], eq + 1, 1);
			*eq = '=';
		} else {
			var_export(argv[i]);
		}
	}
	return status;
}

static int do_unset(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

static int do_wait(int argc, char **argv)
{
	if (argc == 1)
		return job_wait_all();
	int status = 0;
	for (int i = 1; i < argc; i++) {
		if (job_wait_one(argv[i], &status) < 0) {
			sh_printf(2, "sh: wait: %s: no such job\n", argv[i]);
			status = 127;
		}
	}
	return status;
}

static int do_jobs(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	jobs_reap(0);
	jobs_list(1);
	return 0;
}

static int do_colon(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static const struct { const char *name; builtin_fn fn; } builtins[] = {
	{ "cd", do_cd }, { "exit", do_exit }, { "export", do_export },
	{ "unset", do_unset }, { "wait", do_wait }, { "jobs", do_jobs },
	{ "pwd", do_pwd }, { ":", do_colon },
};

builtin_fn find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return builtins[i].fn;
	return NULL;
}

/*
 * exec.c - run a parsed command list: and-or lists, pipelines (any
 * length, each in its own process group when job control is on),
 * background jobs, builtins inside the shell, PATH search and execve.
 *
 * Interface: run_list(list) returns the status of the last pipeline run
 * and keeps sh.status ($?) up to date after every pipeline.
 * Exit statuses: 127 command not found, 126 found but not executable,
 * 128+n killed by signal n, 1 when a redirection fails.
 * Invariants: the parent closes every pipe end it created before waiting;
 * a child never returns into the shell's loop (it execs or _exits).
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define MAXSAVE 16

int status_of(int w)
{
	if (WIFEXITED(w))
		return WEXITSTATUS(w);
	if (WIFSIGNALED(w))
		return 128 + WTERMSIG(w);
	return 1;
}

static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* The interactive shell ignores these; its children get the defaults. */
void reset_child_signals(void)
{
	if (!sh.interactive)
		return;
	for (size_t i = 0; i < sizeof job_signals / sizeof job_signals[0]; i++)
		signal(job_signals[i], SIG_DFL);
}

void ignore_job_signals(void)
{
	for (size_t i = 0; i < sizeof job_signals / sizeof job_signals[0]; i++)
		signal(job_signals[i], SIG_IGN);
}

/* ENOEXEC: the file is no binary; this child runs it as a script. */
static void run_as_script(const char *path, char **argv)
{
	int n = 0;
	while (argv[n])
		n++;
	sh.arg0 = (char *)path;
	sh.args = argv + 1;
	sh.nargs = n - 1;
	sh.interactive = sh.jobctl = 0;
	_exit(run_script(path));
}

static void try_exec(const char *path, char **argv, char **env)
{
	execve(path, argv, env);
	if (errno == ENOEXEC)
		run_as_script(path, argv);
}

static void exec_command(char **argv) __attribute__((noreturn));
static void exec_command(char **argv)
{
	char **env = vars_environ();
	if (strchr(argv[0], '/')) {
		try_exec(argv[0], argv, env);
		int err = errno;
		sh_error(argv[0], err);
		_exit(err == ENOENT || err == ENOTDIR ? 127 : 126);
	}
	const char *path = var_get("PATH");
	int err = 0;                /* first failure other than "not there" */
	struct str full = { 0 };
	for (const char *p = path ? path : "/bin"; ; ) {
		const char *colon = strchr(p, ':');
		size_t n = colon ? (size_t)(colon - p) : strlen(p);
		full.len = 0;
		if (n == 0)
			str_addc(&full, '.');
		for (size_t i = 0; i < n; i++)
			str_addc(&full, p[i]);
		str_addc(&full, '/');
		str_adds(&full, argv[0]);
		try_exec(full.s, argv, env);
		if (!err && errno != ENOENT && errno != ENOTDIR)
			err = errno;
		if (!colon)
			break;
		p = colon + 1;
	}
	if (err) {
		sh_error(argv[0], err);
		_exit(126);
	}
	sh_printf(2, "sh: %s: command not found\n", argv[0]);
	_exit(127);
}

static void set_assigns(struct cmd *c, int export)
{
	for (int i = 0; i < c->nassigns; i++) {
		char *eq = strchr(c->assigns[i], '=');
		char *name = xstrdup(c->assigns[i]);
		name[eq - c->assigns[i]] = 0;
		char *value = expand_word(eq + 1);
		var_set(name, value, export);
		free(name);
		free(value);
	}
}

/* In a forked child: plumbing, redirections, then builtin or exec. */
static void child_run(struct cmd *c, int in, int out, pid_t pgid, int fg) __attribute__((noreturn));
static void child_run(struct cmd *c, int in, int out, pid_t pgid, int fg)
{
	if (sh.jobctl) {
		/* Also here, not only in the parent: the command must not read
		 * the terminal before its group owns it (SIGTTOU still ignored). */
		setpgid(0, pgid);
		if (fg && sh.interactive)
			tcsetpgrp(0, pgid ? pgid : getpid());
	}
	reset_child_signals();
	sh.interactive = sh.jobctl = 0;
	if (in > 0) {               /* (0 only if the shell started without stdin) */
		dup2(in, 0);
		close(in);
	}
	if (out >= 0 && out != 1) {
		dup2(out, 1);
		close(out);
	}
	if (apply_redirs(c->redirs, NULL, NULL, 0) < 0)
		_exit(1);
	int argc;
	char **argv = expand_words(c->words, c->nwords, &argc);
	set_assigns(c, 1);
	if (argc == 0)
		_exit(0);
	builtin_fn b = find_builtin(argv[0]);
	if (b)
		_exit(b(argc, argv));
	exec_command(argv);
}

/* Interactive: a line after ^C, a note when a signal killed the job. */
static void report_signal(int w, const char *text)
{
	if (!sh.interactive || !WIFSIGNALED(w) || WTERMSIG(w) == SIGPIPE)
		return;
	if (WTERMSIG(w) == SIGINT)
		sh_printf(2, "\n");
	else
		sh_printf(2, "sh: %s: killed by signal %d\n", text, WTERMSIG(w));
}

/* Waits for every process of a foreground pipeline; the last one's status. */
static int wait_pipeline(pid_t *pids, int n, const char *text)
{
	int status = 0;
	for (int i = 0; i < n; i++) {
		int w = 0;
		pid_t r;
		do
			r = waitpid(pids[i], &w, 0);
		while (r < 0 && errno == EINTR);
		if (i == n - 1) {
			status = r < 0 ? 1 : status_of(w);
			if (r >= 0)
				report_signal(w, text);
		}
	}
	return status;
}

/* Forks every command of the pipeline; returns the number started. */
static int start_pipeline(struct pipeline *pl, pid_t *pids, pid_t *pgid, int fg)
{
	int in = -1, i;
	*pgid = 0;
	for (i = 0; i < pl->ncmds; i++) {
		int pfd[2] = { -1, -1 };
		if (i < pl->ncmds - 1 && pipe(pfd) < 0) {
			sh_error("pipe", errno);
			break;
		}
		pid_t pid = fork();
		if (pid == 0) {
			if (pfd[0] >= 0)
				close(pfd[0]);
			child_run(&pl->cmds[i], in, pfd[1], *pgid, fg);
		}
		if (pid < 0)
			sh_error("fork", errno);
		if (pid > 0 && sh.jobctl)
			setpgid(pid, *pgid ? *pgid : pid);
		if (pid > 0 && !*pgid)
			*pgid = pid;
		if (in >= 0)
			close(in);
		if (pfd[1] >= 0)
			close(pfd[1]);
		in = pfd[0];
		if (pid < 0)
			break;
		pids[i] = pid;
	}
	if (in >= 0)
		close(in);
	return i;
}

/* A lone builtin or a command of only assignments runs in the shell. */
static int run_in_shell(struct cmd *c, int *status)
{
	int argc;
	char **argv = expand_words(c->words, c->nwords, &argc);
	builtin_fn b = argc ? find_builtin(argv[0]) : NULL;
	if (argc && !b) {
		free_fields(argv);
		return 0;
	}
	struct saved_fd save[MAXSAVE];
	int nsave = 0;
	if (apply_redirs(c->redirs, save, &nsave, MAXSAVE) < 0) {
		*status = 1;
	} else if (b) {
		*status = b(argc, argv);
	} else {
		set_assigns(c, 0);
		*status = 0;
	}
	restore_redirs(save, nsave);
	free_fields(argv);
	return 1;
}

static int run_pipeline(struct pipeline *pl, int background, const char *text)
{
	int status;
	if (!background && pl->ncmds == 1 && run_in_shell(&pl->cmds[0], &status))
		return status;
	pid_t *pids = xmalloc(sizeof *pids * (size_t)pl->ncmds), pgid;
	int n = start_pipeline(pl, pids, &pgid, !background);
	if (n == 0) {
		free(pids);
		return 1;
	}
	if (background) {
		int id = job_add(pgid, pids, n, text);
		sh.last_bg = pids[n - 1];
		sh_printf(2, "[%d] %ld\n", id, (long)pids[n - 1]);
		status = 0;
	} else {
		if (sh.interactive)
			tcsetpgrp(0, pgid);
		status = wait_pipeline(pids, n, text);
		if (sh.interactive)
			tcsetpgrp(0, sh.pgid);
		if (n < pl->ncmds)
			status = 1;
	}
	free(pids);
	return status;
}

static int run_andor(struct andor *ao, int background)
{
	int status = run_pipeline(&ao->pipes[0], background, ao->text);
	sh.status = status;
	for (int i = 1; i < ao->npipes; i++) {
		if ((ao->ops[i - 1] == T_AND) != (status == 0))
			continue;
		status = run_pipeline(&ao->pipes[i], background, ao->text);
		sh.status = status;
	}
	return status;
}

/* "a && b &": one subshell process runs the whole and-or list. */
static int run_background(struct andor *ao)
{
	if (ao->npipes == 1)
		return run_andor(ao, 1);
	pid_t pid = fork();
	if (pid < 0) {
		sh_error("fork", errno);
		return 1;
	}
	if (pid == 0) {
		if (sh.jobctl)
			setpgid(0, 0);
		reset_child_signals();
		sh.interactive = sh.jobctl = 0;
		_exit(run_andor(ao, 0));
	}
	if (sh.jobctl)
		setpgid(pid, pid);
	int id = job_add(pid, &pid, 1, ao->text);
	sh.last_bg = pid;
	sh_printf(2, "[%d] %ld\n", id, (long)pid);
	return 0;
}

int run_list(struct list *l)
{
	for (int i = 0; i < l->n; i++) {
		if (l->items[i].background)
			sh.status = run_background(&l->items[i]);
		else
			sh.status = run_andor(&l->items[i], 0);
		jobs_reap(0);
	}
	return sh.status;
}

/*
 * proctest.c - /test/proctest: POSIX process semantics through newlib and
 * lib/libc on the real system: exec errors (ENOENT, EACCES, ENOEXEC,
 * E2BIG), memory exhaustion (malloc fails with ENOMEM, fork then fails
 * with ENOMEM, and every page comes back), wait statuses, handlers with
 * sigaction, SIGCHLD and pause, SIGPIPE and EPIPE, exec through a pipe.
 * Prints "ok - <what>" or "not ok - <what>" per check and exits with the
 * number of failures.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "stabilix.h"

static int failures;
static volatile sig_atomic_t caught, caught_signo;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static void handler(int signo)
{
	caught++;
	caught_signo = signo;
}

static int exec_errno(const char *path, char *const argv[])
{
	char *env[] = { 0 };
	errno = 0;
	return execve(path, argv, env) < 0 ? errno : 0;
}

static void test_exec_errors(void)
{
	static char big[30 * 1024];
	char *argv[] = { "x", 0 }, *bigv[] = { "x", big, 0 };
	int fd = open("/tmp/garbage", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	check(fd >= 0 && write(fd, "not an ELF file\n", 16) == 16 && close(fd) == 0,
	      "an executable file of garbage is written");
	check(exec_errno("/no/such/file", argv) == ENOENT, "exec of a missing file: ENOENT");
	check(exec_errno("/etc/motd", argv) == EACCES, "exec of a file without x bits: EACCES");
	check(exec_errno("/tmp", argv) == EACCES, "exec of a directory: EACCES");
	check(exec_errno("/tmp/garbage", argv) == ENOEXEC, "exec of a bad ELF: ENOEXEC");
	memset(big, 'a', sizeof(big) - 1);
	check(exec_errno("/bin/true", bigv) == E2BIG, "exec with 30 KiB of arguments: E2BIG");
	unlink("/tmp/garbage");
}

static unsigned free_kib(void)
{
	unsigned f = 0, t = 0;
	sx_meminfo(&f, &t);
	return f;
}

static void test_memory_exhausted(void)
{
	static void *chunks[512];
	unsigned before = free_kib();
	int n = 0, status = -1, err;
	pid_t pid;
	while (n < 512 && (chunks[n] = malloc(1 << 20)))
		memset(chunks[n++], 1, 1 << 20);
	err = errno;
	check(n > 20 && n < 512 && err == ENOMEM, "malloc until memory runs out: ENOMEM");
	pid = fork();
	if (pid == 0)
		_exit(0);
	err = errno;
	if (pid > 0)
		waitpid(pid, &status, 0);
	check(pid < 0 && err == ENOMEM, "fork with memory exhausted: ENOMEM");
	while (n > 0)
		free(chunks[--n]);
	pid = fork();
	if (pid == 0)
		_exit(3);
	check(pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3, "fork works again after free");
	check(free_kib() + 4096 >= before, "memory given back (within malloc's kept top)");
}

static void test_wait_statuses(void)
{
	int status = 0;
	pid_t pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	kill(pid, SIGKILL);
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "a child killed with SIGKILL: WIFSIGNALED, WTERMSIG");
	pid = fork();
	if (pid == 0)
		_exit(getppid() == 0 ? 1 : 42);
	check(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "exit(42): WIFEXITED, WEXITSTATUS");
	check(waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD, "no children left: ECHILD");
}

static void test_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	check(sigaction(SIGUSR1, &sa, 0) == 0, "sigaction installs a handler");
	caught = 0;
	kill(getpid(), SIGUSR1);
	check(caught == 1 && caught_signo == SIGUSR1, "raise: the handler ran before kill returned");
	signal(SIGCHLD, handler);
	caught = 0;
	if (fork() == 0)
		_exit(0);
	while (!caught)
		pause();
	check(caught_signo == SIGCHLD, "SIGCHLD handler after a child exits; pause returns");
	wait(0);
	signal(SIGCHLD, SIG_DFL);
}

static void test_pipes(void)
{
	int p[2], status = 0;
	char buf[64] = "";
	ssize_t n;
	pid_t pid;
	check(pipe(p) == 0, "pipe");
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		execl("/bin/echo", "echo", "through", "a", "pipe", (char *)0);
		_exit(127);
	}
	close(p[1]);
	n = read(p[0], buf, sizeof(buf) - 1);
	close(p[0]);
	waitpid(pid, &status, 0);
	check(n == 15 && strcmp(buf, "through a pipe\n") == 0 && status == 0,
	      "exec'd echo writes into a pipe the parent reads");
	pipe(p);
	close(p[0]);
	signal(SIGPIPE, SIG_IGN);
	check(write(p[1], "x", 1) == -1 && errno == EPIPE, "write without readers, SIGPIPE ignored: EPIPE");
	signal(SIGPIPE, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		write(p[1], "x", 1);
		_exit(0);
	}
	close(p[1]);
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	      "write without readers: killed by SIGPIPE");
}

int main(void)
{
	test_exec_errors();
	test_wait_statuses();
	test_handlers();
	test_pipes();
	test_memory_exhausted();
	printf("proctest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

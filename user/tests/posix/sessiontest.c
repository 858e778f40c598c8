/*
 * sessiontest.c - /test/sessiontest: sessions, process groups and
 * waitpid's WCONTINUED through lib/libc on the real system: setsid in a
 * child makes a session and a group named by its pid; a group leader may
 * not; a session leader keeps its group; a group of another session or
 * none cannot be joined; getsid of self, a child and a missing pid; a
 * stopped child continued by SIGCONT is reported once by WCONTINUED,
 * and its parent gets SIGCHLD.
 * Prints "ok - <what>" or "not ok - <what>" per check and exits with the
 * number of failures.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;
static volatile sig_atomic_t chld;

static void on_chld(int signo)
{
	(void)signo;
	chld++;
}

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

/* In a child: a new session; its exit status says how it went. */
static int child_session(int back)
{
	pid_t me = getpid();
	if (setsid() != me || getsid(0) != me || getpgrp() != me)
		return 1;
	if (setpgid(0, 0) != -1 || errno != EPERM)
		return 2;                       /* a session leader keeps its group */
	if (setsid() != -1 || errno != EPERM)
		return 3;                       /* it leads a group now */
	if (setpgid(0, back) != -1 || errno != EPERM)
		return 4;                       /* the parent's group is of another session */
	return 0;
}

static void test_sessions(void)
{
	pid_t pid, sid = getsid(0), pgrp = getpgrp();
	int st;
	check(sid > 0 && getsid(getpid()) == sid, "getsid(0) and getsid(getpid()) agree");
	errno = 0;
	check(getsid(29999) == -1 && errno == ESRCH, "getsid of no process: ESRCH");
	pid = fork();
	if (pid == 0)
		_exit(child_session(pgrp));
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "setsid in a child: a new session and group; then setpgid and setsid EPERM");
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	check(getsid(pid) == sid, "a child is in its parent's session");
	errno = 0;
	check(setpgid(pid, 29999) == -1 && errno == EPERM, "joining a group that does not exist: EPERM");
	check(setpgid(pid, pid) == 0 && getpgid(pid) == pid, "a child starts its own group");
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

static void test_continued(void)
{
	int p[2], st;
	char c;
	pid_t pid;
	int piped = pipe(p) == 0;
	check(piped, "a pipe for the continued child");
	if (!piped)
		return;
	pid = fork();
	if (pid == 0) {
		close(p[1]);
		kill(getpid(), SIGSTOP);
		_exit(read(p[0], &c, 1) == 1 ? 5 : 6);   /* waits for the parent after SIGCONT */
	}
	close(p[0]);
	check(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st), "the child stopped");
	check(waitpid(pid, &st, WCONTINUED | WNOHANG) == 0, "no continue to report while stopped");
	chld = 0;
	signal(SIGCHLD, on_chld);
	kill(pid, SIGCONT);
	check(waitpid(pid, &st, WCONTINUED) == pid && WIFCONTINUED(st),
	      "waitpid WCONTINUED: the child was continued");
	check(chld == 1, "SIGCHLD when the child was continued");
	signal(SIGCHLD, SIG_DFL);
	check(waitpid(pid, &st, WCONTINUED | WNOHANG) == 0, "a continue is reported once");
	(void)write(p[1], "x", 1);
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 5,
	      "the continued child reads and exits 5");
	close(p[1]);
}

int main(void)
{
	test_sessions();
	test_continued();
	printf("sessiontest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

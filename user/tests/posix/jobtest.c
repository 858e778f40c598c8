/*
 * jobtest.c - /test/jobtest: job control at the terminal through
 * lib/libc on the real system, run as a foreground job of the serial
 * shell (fd 0 is its terminal, /dev/ttyS0):
 *   - the shell's terminal is its session's controlling terminal;
 *   - a background job that reads it stops with SIGTTIN; one that
 *     ignores SIGTTIN gets EIO, one with a handler EINTR;
 *   - a background write goes out, unless TOSTOP is set: then it stops
 *     with SIGTTOU, or goes out when SIGTTOU is ignored; a background
 *     tcsetattr stops with SIGTTOU, a tcsetpgrp with it blocked goes on;
 *   - a stopped group that an exit orphans gets SIGHUP and SIGCONT, and
 *     a read from an orphaned group fails with EIO;
 *   - a session leader's end hangs up its terminal's foreground group
 *     and frees the terminal for another session (/dev/console); a
 *     process that leads no session takes no terminal; tcsetpgrp from
 *     another session: ENOTTY.
 * Prints "ok - <what>" or "not ok - <what>" per check and exits with the
 * number of failures.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int failures;
static int note_fd = -1;                /* where a handler writes its letter */
static volatile sig_atomic_t caught;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static void on_signal(int signo)
{
	caught = signo;
	if (note_fd >= 0)
		(void)write(note_fd, signo == SIGHUP ? "H" : "?", 1);
}

static void handle(int signo)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(signo, &sa, 0);
}

/* A child that runs job(), in a group of its own (a background job of
 * our session) or in ours; its pid. */
static pid_t spawn(int (*job)(void), int own_group)
{
	pid_t pid = fork();
	if (pid == 0) {
		if (own_group)
			setpgid(0, 0);
		_exit(job());
	}
	if (pid > 0 && own_group)
		setpgid(pid, pid);
	return pid;
}

static pid_t background(int (*job)(void))
{
	return spawn(job, 1);
}

/* The child stops with signo; then it is killed and reaped. */
static int stops_with(pid_t pid, int signo)
{
	int st, r = waitpid(pid, &st, WUNTRACED);
	int ok = r == pid && WIFSTOPPED(st) && WSTOPSIG(st) == signo;
	kill(pid, SIGKILL);
	if (r == pid && WIFSTOPPED(st))
		waitpid(pid, &st, 0);
	return ok;
}

/* The child exits with status 0. */
static int succeeds(pid_t pid)
{
	int st;
	return waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int job_read(void)
{
	char c;
	return read(0, &c, 1) == 1 ? 0 : 1;
}

static int job_read_ignoring(void)
{
	char c;
	signal(SIGTTIN, SIG_IGN);
	return read(0, &c, 1) == -1 && errno == EIO ? 0 : 1;
}

static int job_read_handled(void)
{
	char c;
	handle(SIGTTIN);
	return read(0, &c, 1) == -1 && errno == EINTR && caught == SIGTTIN ? 0 : 1;
}

static int job_write(void)
{
	static const char s[] = "jobtest: a background write\n";
	return write(0, s, sizeof(s) - 1) == (ssize_t)sizeof(s) - 1 ? 0 : 1;
}

static int job_write_ignoring(void)
{
	signal(SIGTTOU, SIG_IGN);
	return job_write();
}

static int job_setattr(void)
{
	struct termios t;
	return tcgetattr(0, &t) == 0 && tcsetattr(0, TCSANOW, &t) == 0 ? 0 : 1;
}

static int job_setpgrp_blocked(void)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGTTOU);
	sigprocmask(SIG_BLOCK, &s, 0);
	return tcsetpgrp(0, tcgetpgrp(0)) == 0 ? 0 : 1;   /* the same group again */
}

static int set_tostop(int on)
{
	struct termios t;
	if (tcgetattr(0, &t) != 0)
		return -1;
	t.c_lflag = on ? t.c_lflag | TOSTOP : t.c_lflag & ~(tcflag_t)TOSTOP;
	return tcsetattr(0, TCSANOW, &t);
}

static void test_background(void)
{
	struct termios t;
	check(tcgetsid(0) == getsid(0), "the shell's terminal is its session's controlling terminal");
	check(stops_with(background(job_read), SIGTTIN), "a background read stops with SIGTTIN");
	check(succeeds(background(job_read_ignoring)), "a background read ignoring SIGTTIN: EIO");
	check(succeeds(background(job_read_handled)), "a background read with a SIGTTIN handler: EINTR");
	check(succeeds(background(job_write)), "a background write goes out without TOSTOP");
	check(set_tostop(1) == 0 && tcgetattr(0, &t) == 0 && (t.c_lflag & TOSTOP), "TOSTOP is set");
	check(stops_with(background(job_write), SIGTTOU), "a background write under TOSTOP stops with SIGTTOU");
	check(succeeds(background(job_write_ignoring)), "a background write under TOSTOP ignoring SIGTTOU goes out");
	check(set_tostop(0) == 0, "TOSTOP is cleared");
	check(stops_with(background(job_setattr), SIGTTOU), "a background tcsetattr stops with SIGTTOU");
	check(succeeds(background(job_setpgrp_blocked)), "a background tcsetpgrp with SIGTTOU blocked goes on");
}

/* A child whose own child g (a group of its own) runs gjob(w) once its
 * parent has waited for it to be ready; the child then exits, orphaning
 * g's group.  The letter g writes to the pipe, or 0 after 10 s. */
static char orphan(void (*gjob)(int w), int wait_stop)
{
	int p[2], st;
	char c = 0;
	pid_t pid;
	if (pipe(p) != 0)
		return 0;
	pid = fork();
	if (pid == 0) {
		pid_t g = fork();
		if (g == 0) {
			close(p[0]);
			setpgid(0, 0);
			gjob(p[1]);
			_exit(0);
		}
		setpgid(g, g);
		if (wait_stop)
			waitpid(g, &st, WUNTRACED);
		_exit(0);
	}
	close(p[1]);
	waitpid(pid, &st, 0);
	alarm(10);
	if (read(p[0], &c, 1) != 1)
		c = 0;
	alarm(0);
	close(p[0]);
	return c;
}

static void stopped_orphan(int w)
{
	note_fd = w;
	handle(SIGHUP);
	raise(SIGSTOP);
	pause();
}

static void reading_orphan(int w)
{
	char c;
	struct timespec ts = { 0, 50000000 };
	for (int i = 0; i < 100 && getppid() != 1; i++)
		nanosleep(&ts, 0);
	(void)write(w, read(0, &c, 1) == -1 && errno == EIO ? "E" : "?", 1);
}

static void test_orphans(void)
{
	signal(SIGALRM, on_signal);
	check(orphan(stopped_orphan, 1) == 'H', "a stopped group orphaned by an exit gets SIGHUP and SIGCONT");
	check(orphan(reading_orphan, 0) == 'E', "a read from an orphaned background group: EIO");
}

/* A new session on /dev/console; its foreground child notes SIGHUP when
 * the session leader ends. */
static int console_leader(int w)
{
	int ready[2], fd;
	char c;
	pid_t me = setsid();
	if (me < 0 || (fd = open("/dev/console", O_RDWR)) < 0 || tcgetsid(fd) != me ||
	    tcgetpgrp(fd) != me || pipe(ready) != 0)
		return 1;
	if (fork() == 0) {
		note_fd = w;
		handle(SIGHUP);
		(void)write(ready[1], "r", 1);
		pause();
		_exit(0);
	}
	return read(ready[0], &c, 1) == 1 ? 0 : 2;
}

static int console_taken_again(void)
{
	pid_t me = setsid();
	int fd = open("/dev/console", O_RDWR);
	return me > 0 && fd >= 0 && tcgetsid(fd) == me ? 0 : 1;
}

static int console_not_leader(void)
{
	int fd = open("/dev/console", O_RDWR);
	return fd >= 0 && tcgetsid(fd) == -1 && errno == ENOTTY ? 0 : 1;
}

static int other_session_setpgrp(void)
{
	pid_t me = setsid();
	int fd = open("/dev/ttyS0", O_RDWR);
	if (me < 0 || fd < 0 || tcgetsid(fd) == me)
		return 1;                       /* it must not have taken the shell's terminal */
	return tcsetpgrp(fd, me) == -1 && errno == ENOTTY ? 0 : 2;
}

static void test_sessions(void)
{
	int p[2], st;
	char c = 0;
	pid_t pid;
	check(pipe(p) == 0, "a pipe for the hangup");
	pid = fork();
	if (pid == 0)
		_exit(console_leader(p[1]));
	close(p[1]);
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a session leader opening a free terminal takes it, as the foreground");
	alarm(10);
	if (read(p[0], &c, 1) != 1)
		c = 0;
	alarm(0);
	close(p[0]);
	check(c == 'H', "its end hangs up the terminal's foreground group");
	check(succeeds(spawn(console_taken_again, 0)), "the freed terminal goes to the next session leader");
	check(succeeds(spawn(console_not_leader, 0)), "a process that leads no session takes no terminal");
	check(succeeds(spawn(other_session_setpgrp, 0)),
	      "tcsetpgrp from another session: ENOTTY, and the terminal is not taken");
}

int main(void)
{
	test_background();
	test_orphans();
	test_sessions();
	printf("jobtest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

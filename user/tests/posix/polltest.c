/*
 * polltest.c - /test/polltest: poll, select and non-blocking I/O on pipes,
 * and stopping a process, through lib/libc on the real system: readiness
 * of both pipe ends, POLLHUP and POLLNVAL, a poll that waits until a
 * child writes, a timeout, EINTR from a signal, select, O_NONBLOCK's
 * EAGAIN; waitpid's WUNTRACED report of a SIGSTOP, SIGCONT, and a caught
 * SIGTSTP that does not stop; setitimer's repeating SIGALRM and
 * clock_gettime's microseconds.  Prints "ok - <what>" or "not ok - <what>"
 * per check and exits with the number of failures.
 */
#define _XOPEN_SOURCE 700      /* setitimer, getitimer */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;
static volatile sig_atomic_t caught;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static void handler(int signo)
{
	caught = signo;
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_pipe_readiness(void)
{
	int p[2];
	char c;
	struct pollfd q[3];
	pipe(p);
	q[0] = (struct pollfd){ p[0], POLLIN, 0 };
	q[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	q[2] = (struct pollfd){ 99, POLLIN, 0 };
	check(poll(q, 3, 0) == 2 && q[0].revents == 0 && q[1].revents == POLLOUT &&
	      q[2].revents == POLLNVAL, "an empty pipe: not readable, writable; a closed fd: POLLNVAL");
	write(p[1], "x", 1);
	check(poll(q, 1, 0) == 1 && q[0].revents == POLLIN, "a byte in the pipe: POLLIN");
	read(p[0], &c, 1);
	close(p[1]);
	check(poll(q, 1, 0) == 1 && q[0].revents == POLLHUP, "no writer left: POLLHUP");
	close(p[0]);
}

static void test_poll_waits(void)
{
	int p[2];
	struct pollfd q;
	struct timespec t0;
	pid_t pid;
	char c;
	pipe(p);
	pid = fork();
	if (pid == 0) {
		struct timespec t = { 0, 300000000L };
		nanosleep(&t, 0);
		write(p[1], "y", 1);
		_exit(0);
	}
	q = (struct pollfd){ p[0], POLLIN, 0 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(poll(&q, 1, -1) == 1 && q.revents == POLLIN && ms_since(&t0) >= 200,
	      "poll waits until a child writes into the pipe");
	waitpid(pid, 0, 0);
	q = (struct pollfd){ p[0], POLLIN, 0 };
	check(poll(&q, 1, 0) == 1, "the byte is still there after poll");
	read(p[0], &c, 1);
	q = (struct pollfd){ p[0], POLLIN, 0 };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	check(poll(&q, 1, 300) == 0 && q.revents == 0 && ms_since(&t0) >= 250,
	      "nothing comes: poll returns 0 when its 300 ms have passed");
	signal(SIGALRM, handler);
	alarm(1);
	q = (struct pollfd){ p[0], POLLIN, 0 };
	errno = 0;
	check(poll(&q, 1, 5000) == -1 && errno == EINTR && caught == SIGALRM,
	      "a signal ends a waiting poll: EINTR");
	close(p[0]);
	close(p[1]);
}

static void test_select_and_nonblock(void)
{
	int p[2];
	char c;
	fd_set rd;
	struct timeval tv = { 0, 100000 };
	pipe(p);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	check(select(p[0] + 1, &rd, 0, 0, &tv) == 0 && !FD_ISSET(p[0], &rd),
	      "select on an empty pipe: times out");
	write(p[1], "z", 1);
	FD_SET(p[0], &rd);
	check(select(p[0] + 1, &rd, 0, 0, 0) == 1 && FD_ISSET(p[0], &rd), "select: readable");
	read(p[0], &c, 1);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	errno = 0;
	check(read(p[0], &c, 1) == -1 && errno == EAGAIN, "O_NONBLOCK read of an empty pipe: EAGAIN");
	close(p[0]);
	close(p[1]);
}

static void test_stop_and_continue(void)
{
	int st = 0;
	pid_t pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGSTOP);
		_exit(7);
	}
	check(waitpid(pid, &st, WUNTRACED) == pid && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP,
	      "waitpid WUNTRACED: the child stopped by SIGSTOP");
	check(waitpid(pid, &st, WUNTRACED | WNOHANG) == 0, "a stop is reported once");
	kill(pid, SIGCONT);
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 7,
	      "SIGCONT: the child goes on and exits 7");
	pid = fork();
	if (pid == 0) {
		caught = 0;
		signal(SIGTSTP, handler);
		raise(SIGTSTP);
		_exit(caught == SIGTSTP ? 0 : 1);
	}
	check(waitpid(pid, &st, WUNTRACED) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a caught SIGTSTP runs its handler and does not stop");
}

static volatile sig_atomic_t ticks;

static void tick(int signo)
{
	ticks++;
}

static void test_timers(void)
{
	struct itimerval v = { { 0, 100000 }, { 0, 100000 } }, got;
	struct timespec a, b, t0, res;
	int fine = 0;
	signal(SIGALRM, tick);
	check(setitimer(ITIMER_REAL, &v, 0) == 0, "setitimer: every 100 ms");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (ticks < 3 && ms_since(&t0) < 5000)
		pause();
	check(ticks >= 3 && ms_since(&t0) >= 250, "three SIGALRMs from one setitimer");
	check(getitimer(ITIMER_REAL, &got) == 0 && got.it_interval.tv_usec == 100000,
	      "getitimer: the interval");
	v = (struct itimerval){ { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &v, 0);
	errno = 0;
	check(setitimer(ITIMER_VIRTUAL, &v, 0) == -1 && errno == EINVAL, "ITIMER_VIRTUAL: EINVAL");
	for (int i = 0; i < 50; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		clock_gettime(CLOCK_MONOTONIC, &b);
		fine += a.tv_nsec % 10000000 != 0 && (b.tv_sec > a.tv_sec ||
			(b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
	}
	check(fine > 0 && clock_getres(CLOCK_REALTIME, &res) == 0 && res.tv_nsec == 1000,
	      "clock_gettime: microseconds, never backwards");
	errno = 0;
	check(clock_gettime(12345, &a) == -1 && errno == EINVAL, "clock_gettime of no clock: EINVAL");
}

int main(void)
{
	test_pipe_readiness();
	test_poll_waits();
	test_select_and_nonblock();
	test_stop_and_continue();
	test_timers();
	printf("polltest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

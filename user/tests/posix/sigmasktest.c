/*
 * sigmasktest.c - /test/sigmasktest: signal sets through lib/libc on the
 * real system.  newlib's sigset_t macros put signal n at bit n, PM keeps
 * signal n at bit n-1 (proto/pm.h); libc converts at the boundary, so a
 * program's set means to PM what it says: the mask sigprocmask gives
 * back names the same signals, a blocked signal waits (sigpending names
 * it) until it is
 * unblocked, a handler's sa_mask holds back the signals it names,
 * sigaction gives back the sa_mask it was given, and sigsuspend's mask
 * lasts only while it waits.
 * Prints "ok - <what>" or "not ok - <what>" per check and exits with the
 * number of failures.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;
static volatile sig_atomic_t usr1, usr2, usr2_inside;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static void on_usr2(int signo)
{
	(void)signo;
	usr2++;
}

static void on_usr1(int signo)
{
	(void)signo;
	usr1++;
	raise(SIGUSR2);                     /* held back by sa_mask */
	usr2_inside = usr2;
}

static void set_handler(int signo, void (*h)(int), int masked)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	if (masked)
		sigaddset(&sa.sa_mask, masked);
	sigaction(signo, &sa, 0);
}

static sigset_t one(int signo)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, signo);
	return s;
}

int main(void)
{
	sigset_t s = one(SIGUSR1), old, now;
	struct sigaction got;
	set_handler(SIGUSR1, on_usr1, SIGUSR2);
	set_handler(SIGUSR2, on_usr2, 0);
	sigprocmask(SIG_BLOCK, &s, &old);
	sigprocmask(SIG_BLOCK, 0, &now);
	check(sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2) &&
	      !sigismember(&now, SIGUSR1 - 1), "sigprocmask gives back the signal it blocked, and no other");
	kill(getpid(), SIGUSR1);
	check(usr1 == 0, "a blocked signal waits");
	check(sigpending(&now) == 0 && sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2),
	      "sigpending names the blocked signal that waits");
	sigprocmask(SIG_SETMASK, &old, 0);
	check(usr1 == 1, "unblocked, its handler runs");
	check(usr2_inside == 0 && usr2 == 1, "a handler's sa_mask holds back SIGUSR2 until it returns");
	check(sigaction(SIGUSR1, 0, &got) == 0 && sigismember(&got.sa_mask, SIGUSR2) &&
	      !sigismember(&got.sa_mask, SIGUSR1), "sigaction gives back the sa_mask it was given");
	sigprocmask(SIG_BLOCK, &s, 0);
	alarm(1);
	set_handler(SIGALRM, on_usr2, 0);
	now = one(SIGUSR2);                 /* SIGALRM comes through */
	check(sigsuspend(&now) == -1, "sigsuspend ends with a signal");
	sigprocmask(SIG_BLOCK, 0, &now);
	check(sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2),
	      "after sigsuspend the mask is the one before it");
	printf("sigmasktest: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

/*
 * sigfpu.c - /test/sigfpu: a signal handler does not disturb the FPU
 * state of the code it interrupts.  SIGALRM comes every 10 ms
 * (setitimer) while the program sums i/3 (x87 arithmetic); the handler
 * switches the x87 control word to round toward zero and leaves it so,
 * and does arithmetic of its own.  Every pass must give the sum computed
 * before the timer started, and the control word must be the default
 * afterwards: the kernel saved the state into the signal frame, gave the
 * handler a clean one, and put the first back on sigreturn.
 * Prints "ok - <what>" / "not ok - <what>"; exits with the failures.
 */
#define _XOPEN_SOURCE 700
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>

static int failures;
static volatile sig_atomic_t handled, clean_in_handler = 1;

static void check(int ok, const char *what)
{
	printf("%s - %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	failures += !ok;
}

static uint16_t control_word(void)
{
	uint16_t cw;
	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static void handler(int signo)
{
	uint16_t trunc = 0x0f7f;            /* round toward zero, all masked */
	volatile double x = 2.0;
	if (control_word() != 0x037f)
		clean_in_handler = 0;
	__asm__ volatile("fldcw %0" : : "m"(trunc));
	x = x / 3.0;
	handled++;
}

static double sum_thirds(void)
{
	volatile double s = 0;
	for (int i = 1; i <= 20000; i++)
		s += (double)i / 3.0;
	return s;
}

int main(void)
{
	double want = sum_thirds();
	struct itimerval every = { { 0, 10000 }, { 0, 10000 } }, off = { { 0, 0 }, { 0, 0 } };
	int passes = 0, same = 1;
	signal(SIGALRM, handler);
	setitimer(ITIMER_REAL, &every, 0);
	while (handled < 30 && passes < 100000) {
		same &= sum_thirds() == want;
		passes++;
	}
	setitimer(ITIMER_REAL, &off, 0);
	check(handled >= 30, "handlers ran in the middle of the arithmetic");
	check(same, "every sum is the one computed before any handler ran");
	check(control_word() == 0x037f, "the control word the handlers changed is back");
	check(clean_in_handler, "each handler started with the default control word");
	printf("sigfpu: %s (%d failed)\n", failures ? "FAIL" : "PASS", failures);
	return failures;
}

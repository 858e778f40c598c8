/*
 * top.c - /bin/top: the processes by the CPU they use, one screen every
 * few seconds:
 *   top - up 0:05:12, 14 processes, 117000 of 126000 KiB free
 *     PID  PPID    EP STATE        PAGES  %CPU     TIME NAME
 *      17     3   270 run             40  97.5  0:12.34 sh
 * %CPU is the share of the last interval (the clock ticks the kernel
 * charged to the process, proto/sys.h), TIME its whole CPU time; the
 * rows are sorted by %CPU, then TIME.  Options: -d SECS between screens
 * (1..3600, default 2), -n COUNT screens, then exit (default: until q),
 * -b batch: no screen clearing and no keys (for pipes and scripts).  On
 * a terminal q (or Ctrl-C) quits and any other key refreshes at once.
 * Stabilix's own: BusyBox's top reads /proc, which Stabilix does not have.
 * Errors: "top: <strerror>", status 1; bad options: usage, status 2.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "stabilix.h"
#include "util.h"

#define MAXPROCS 256
#define HZ 100

struct sample {
	struct sx_proc p[MAXPROCS];
	int n;
	long ms;                        /* uptime when taken */
};

struct row {
	const struct sx_proc *p;
	unsigned used;                  /* ticks in the interval */
};

static struct sample samples[2];
static struct termios saved;
static int raw;
static volatile sig_atomic_t quit;

static void on_quit(int signo)
{
	(void)signo;
	quit = 1;
}

static int take(struct sample *s)
{
	s->ms = sx_uptime_ms();
	s->n = sx_procs(s->p, MAXPROCS, SX_PAGES);
	return s->n < 0 || s->ms < 0 ? -1 : 0;
}

/* p's ticks in the interval since 'before' (a new process: all of them). */
static unsigned used_since(const struct sx_proc *p, const struct sample *before)
{
	for (int i = 0; i < before->n; i++)
		if (before->p[i].endpoint == p->endpoint)
			return p->ticks >= before->p[i].ticks ? p->ticks - before->p[i].ticks : 0;
	return p->ticks;
}

static int by_use(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->used != y->used)
		return x->used < y->used ? 1 : -1;
	return x->p->ticks < y->p->ticks ? 1 : x->p->ticks > y->p->ticks ? -1 : 0;
}

static int screen_rows(void)
{
	struct winsize ws;
	if (raw && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 3)
		return ws.ws_row - 3;
	return MAXPROCS;
}

static void show(const struct sample *now, const struct sample *before)
{
	static struct row rows[MAXPROCS];
	long span = now->ms - before->ms;
	unsigned free_kib = 0, total_kib = 0;
	int max = screen_rows();
	for (int i = 0; i < now->n; i++) {
		rows[i].p = &now->p[i];
		rows[i].used = used_since(&now->p[i], before);
	}
	qsort(rows, (size_t)now->n, sizeof(rows[0]), by_use);
	sx_meminfo(&free_kib, &total_kib);
	if (raw)
		fputs("\033[H\033[2J", stdout);
	printf("top - up %ld:%02ld:%02ld, %d processes, %u of %u KiB free\n",
	       now->ms / 3600000, now->ms / 60000 % 60, now->ms / 1000 % 60, now->n,
	       free_kib, total_kib);
	printf("%5s %5s %5s %-11s %6s %5s %8s %s\n", "PID", "PPID", "EP", "STATE", "PAGES",
	       "%CPU", "TIME", "NAME");
	for (int i = 0; i < now->n && i < max; i++) {
		const struct sx_proc *p = rows[i].p;
		char pid[12];
		double pct = span > 0 ? rows[i].used * (1000.0 / HZ) * 100.0 / span : 0.0;
		if (p->pid < 0)
			strcpy(pid, "-");
		else
			snprintf(pid, sizeof pid, "%d", p->pid);
		printf("%5s %5d %5d %-11.11s %6u %5.1f %2u:%02u.%02u %.15s\n", pid, p->ppid,
		       p->endpoint, p->state, p->pages, pct > 100.0 ? 100.0 : pct,
		       p->ticks / HZ / 60, p->ticks / HZ % 60, p->ticks % HZ, p->name);
	}
	fflush(stdout);
}

/* Raw keys on a terminal, restored at the end. */
static void keys_on(void)
{
	struct termios t;
	if (!isatty(0) || tcgetattr(0, &saved) != 0)
		return;
	t = saved;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	raw = tcsetattr(0, TCSANOW, &t) == 0;
}

static void keys_off(void)
{
	if (raw)
		tcsetattr(0, TCSANOW, &saved);
}

/* Wait secs, or until a key (q: quit). */
static void wait_or_key(int secs)
{
	struct pollfd pfd = { 0, POLLIN, 0 };
	char c;
	if (!raw) {
		sleep((unsigned)secs);
		return;
	}
	if (poll(&pfd, 1, secs * 1000) == 1 && read(0, &c, 1) == 1 && c == 'q')
		quit = 1;
}

int main(int argc, char **argv)
{
	int secs = 2, count = -1, batch = 0, c, cur = 0;
	util_init(argc, argv);
	while ((c = opt_next(argc, argv, "bd:n:")) != -1) {
		if (c == 'b')
			batch = 1;
		else if (c == 'd' && (secs = atoi(opt_arg)) >= 1 && secs <= 3600)
			continue;
		else if (c == 'n' && (count = atoi(opt_arg)) >= 1)
			continue;
		else
			usage("[-b] [-d secs] [-n count]");
	}
	if (opt_ind != argc)
		usage("[-b] [-d secs] [-n count]");
	if (take(&samples[0]) != 0) {
		warn_msg("%s", strerror(errno));
		return 1;
	}
	if (!batch)
		keys_on();
	signal(SIGINT, on_quit);
	signal(SIGTERM, on_quit);
	while (!quit && count != 0) {
		wait_or_key(secs);
		if (quit)
			break;
		if (take(&samples[!cur]) != 0) {
			keys_off();
			warn_msg("%s", strerror(errno));
			return 1;
		}
		show(&samples[!cur], &samples[cur]);
		cur = !cur;
		if (count > 0)
			count--;
	}
	keys_off();
	return 0;
}

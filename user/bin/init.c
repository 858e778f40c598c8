/*
 * init.c - /bin/init, the first user process (pid 1, started by PM).
 *
 * Mounts what /etc/fstab lists (mounts.h), then starts a shell on each
 * terminal in 'terms' (the VGA console and the serial line), each with that terminal as stdin, stdout and stderr and
 * as the foreground of its own process group; reaps every process that
 * ends (orphans come to pid 1) and starts a shell again when one ends.
 * A shell that keeps dying at once is restarted at most once a second.
 * init itself ignores the terminal signals; it never exits.
 *
 * If init dies anyway, PM starts it again as pid 1 and gives it the old
 * init's children.  A restarted init (it has children at its start)
 * finds each terminal's shell again instead of starting a second one:
 * from the pids it noted in PM (sx_note) when it started each shell,
 * each checked to be a running child of its own; failing that from
 * primary sources: the terminal's foreground group (the tty keeps it)
 * names the shell or a job of it, and the parent links (PM) lead up to
 * the child of pid 1.
 *
 * Every CHECK_SECS (an alarm) init checks its table against those
 * primary sources and repairs it: each terminal's shell must be the one
 * the terminal's foreground group leads to.  `service fi init <kind>`
 * reaches init as SIGUSR1 from PM; init takes the kind from PM and makes
 * the fault itself (crash: exit 70, exception: a store to address 0,
 * hang: a loop PM's watch ends, corrupt: one terminal's shell pid wrong).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "stabilix.h"
#include "mounts.h"
#include "util.h"

struct term {
    const char *dev;
    pid_t pid;                  /* its shell, 0 = none */
    time_t started;
};

static struct term terms[] = {
    { "/dev/tty0", 0, 0 },
    { "/dev/ttyS0", 0, 0 },
};
#define NTERMS (int)(sizeof(terms) / sizeof(terms[0]))
#define CHECK_SECS 10                   /* each check: one PM call per process, two opens */

static volatile sig_atomic_t fi_asked, check_due;

/* In the child: the terminal as fds 0-2, default signals, a shell. */
static void run_shell(const struct term *t)
{
    char *argv[] = { "sh", 0 };
    int fd;
    setsid();                           /* its own session and group */
    for (int i = 0; i < 3; i++)
        close(i);
    fd = open(t->dev, O_RDWR);
    if (fd != 0 || dup(0) != 1 || dup(0) != 2)
        _exit(111);
    tcsetpgrp(0, getpid());             /* the shell starts in the foreground */
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    execv("/bin/sh", argv);
    fprintf(stderr, "init: /bin/sh: %s\n", strerror(errno));
    _exit(127);
}

static void start(struct term *t)
{
    pid_t pid;
    if (time(0) - t->started < 1)
        sleep(1);                       /* it died at once: do not spin */
    t->started = time(0);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "init: fork for %s: %s\n", t->dev, strerror(errno));
        return;
    }
    if (pid == 0)
        run_shell(t);
    t->pid = pid;
    sx_note((int)(t - terms), 1, pid);  /* for a restarted init: a hint */
}

/* The child of pid 1 that pid descends from (procs: n entries), or 0. */
static pid_t shell_of(pid_t pid, const struct sx_proc *procs, int n)
{
    for (int steps = 0; pid > 1 && steps < n; steps++) {
        int i;
        for (i = 0; i < n && procs[i].pid != pid; i++)
            ;
        if (i == n)
            return 0;
        if (procs[i].ppid == 1)
            return pid;
        pid = procs[i].ppid;
    }
    return 0;
}

/* Each terminal's shell by the primary sources (0: none found). */
static int shells_now(pid_t found[NTERMS])
{
    static struct sx_proc procs[64];
    int n = sx_procs(procs, 64, 0);
    for (int i = 0; i < NTERMS; i++) {
        int fd = n > 0 ? open(terms[i].dev, O_RDWR | O_NOCTTY) : -1;
        pid_t g = fd < 0 ? -1 : tcgetpgrp(fd);
        if (fd >= 0)
            close(fd);
        found[i] = g > 1 ? shell_of(g, procs, n) : 0;
    }
    return n;
}

/* A restarted init: which of its children is each terminal's shell?
 * PM's notes first, each trusted only if it names a child of ours still
 * running (waitpid with WNOHANG answers 0 for one; a shell that has just
 * ended is reaped, and started again); if they do not settle every
 * terminal, the primary sources decide (shells_now).  A note of a pid
 * used again meanwhile by an orphan is caught by the periodic check. */
static int find_shells(const char **how)
{
    pid_t found[NTERMS];
    int kept = 0, all = 1, status;
    *how = "PM's notes";
    for (int i = 0; i < NTERMS; i++) {
        int pid = sx_note(i, 0, 0);
        terms[i].pid = pid > 1 && waitpid(pid, &status, WNOHANG) == 0 ? pid : 0;
        all = all && terms[i].pid;
    }
    if (!all && shells_now(found) > 0) {
        *how = "the terminals";
        for (int i = 0; i < NTERMS; i++)
            terms[i].pid = found[i];
    }
    for (int i = 0; i < NTERMS; i++)
        kept += terms[i].pid != 0;
    return kept;
}

/* The periodic check: a shell the terminal leads to that the table does
 * not name is put in (a terminal whose shell is starting, or between
 * jobs, leads nowhere yet: left alone). */
static void self_check(void)
{
    pid_t found[NTERMS];
    if (shells_now(found) <= 0)
        return;
    for (int i = 0; i < NTERMS; i++)
        if (found[i] && found[i] != terms[i].pid) {
            printf("init: self-check: %s's shell is pid %d, not %d: repaired\n",
                   terms[i].dev, (int)found[i], (int)terms[i].pid);
            fflush(stdout);
            terms[i].pid = found[i];
            sx_note(i, 1, found[i]);
        }
}

static void fault(void)
{
    const char *kind = sx_fi_take();
    if (!kind)
        return;
    printf("init: fault injected: %s\n", kind);
    fflush(stdout);
    if (strcmp(kind, "crash") == 0)
        exit(70);
    if (strcmp(kind, "exception") == 0)
        *(volatile int *)0 = 1;
    if (strcmp(kind, "hang") == 0)
        for (;;)
            ;
    terms[NTERMS - 1].pid = terms[0].pid;       /* corrupt */
    printf("init: corrupt: %s's shell set to pid %d\n", terms[NTERMS - 1].dev,
           (int)terms[NTERMS - 1].pid);
    fflush(stdout);
}

static void on_usr1(int sig)
{
    (void)sig;
    fi_asked = 1;
}

static void on_alarm(int sig)
{
    (void)sig;
    check_due = 1;
    alarm(CHECK_SECS);
}

int main(int argc, char **argv)
{
    int status, kept = 0;
    const char *how = "";
    util_init(argc, argv);
    if (argc > 1)
        usage("(no arguments: init is started by the system)");
    if (fcntl(0, F_GETFD) < 0 && open("/dev/console", O_RDWR) == 0) {
        dup(0);                         /* PM starts init with no files */
        dup(0);
    }
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGUSR1, on_usr1);
    signal(SIGALRM, on_alarm);
    if (getpid() == 1 && waitpid(-1, &status, WNOHANG) == 0)
        kept = find_shells(&how);       /* restarted: children are there */
    if (!kept && getpid() == 1)
        mounts_start();                 /* /etc/fstab: /home (never on a host) */
    if (kept)
        printf("init: restarted; %d shells kept on", kept);
    else
        printf("init: Stabilix user land up; shells on");
    for (int i = 0; i < NTERMS; i++)
        printf(" %s", terms[i].dev);
    if (kept)
        printf(" (found by %s)", how);
    printf("\n");
    fflush(stdout);
    for (int i = 0; i < NTERMS; i++)
        if (!terms[i].pid)
            start(&terms[i]);
    alarm(CHECK_SECS);
    for (;;) {
        if (fi_asked) {
            fi_asked = 0;
            fault();
        }
        if (check_due) {
            check_due = 0;
            self_check();
        }
        pid_t pid = wait(&status);
        if (pid < 0 && errno == EINTR)
            continue;
        if (pid < 0) {
            sleep(1);                   /* no children at all: try again */
            for (int i = 0; i < NTERMS; i++)
                if (!terms[i].pid)
                    start(&terms[i]);
            continue;
        }
        for (int i = 0; i < NTERMS; i++)
            if (terms[i].pid == pid) {
                terms[i].pid = 0;
                start(&terms[i]);
            }
    }
}

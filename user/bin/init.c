/*
 * init.c - /bin/init, the first user process (pid 1, started by PM).
 *
 * Starts a shell on each terminal in 'terms' (the VGA console and the
 * serial line), each with that terminal as stdin, stdout and stderr and
 * as the foreground of its own process group; reaps every process that
 * ends (orphans come to pid 1) and starts a shell again when one ends.
 * A shell that keeps dying at once is restarted at most once a second.
 * init itself ignores the terminal signals; it never exits.
 *
 * If init dies anyway, PM starts it again as pid 1 and gives it the old
 * init's children.  A restarted init (it has children at its start)
 * finds each terminal's shell again from primary sources instead of
 * starting a second one: the terminal's foreground group (the tty keeps
 * it) names the shell or a job of it, and the parent links (PM) lead up
 * to the child of pid 1.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "stabilix.h"
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

/* In the child: the terminal as fds 0-2, default signals, a shell. */
static void run_shell(const struct term *t)
{
    char *argv[] = { "sh", 0 };
    int fd;
    setpgid(0, 0);
    for (int i = 0; i < 3; i++)
        close(i);
    fd = open(t->dev, O_RDWR);
    if (fd != 0 || dup(0) != 1 || dup(0) != 2)
        _exit(111);
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

/* A restarted init: which of its children is each terminal's shell? */
static int find_shells(void)
{
    static struct sx_proc procs[64];
    int n = sx_procs(procs, 64), found = 0;
    for (int i = 0; i < NTERMS && n > 0; i++) {
        int fd = open(terms[i].dev, O_RDWR | O_NOCTTY);
        pid_t g = fd < 0 ? -1 : tcgetpgrp(fd);
        if (fd >= 0)
            close(fd);
        if (g > 1 && (terms[i].pid = shell_of(g, procs, n)))
            found++;
    }
    return found;
}

int main(int argc, char **argv)
{
    int status, kept = 0;
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
    if (getpid() == 1 && waitpid(-1, &status, WNOHANG) == 0)
        kept = find_shells();           /* restarted: children are there */
    if (kept)
        printf("init: restarted; %d shells kept on", kept);
    else
        printf("init: Stabilix user land up; shells on");
    for (int i = 0; i < NTERMS; i++)
        printf(" %s", terms[i].dev);
    printf("\n");
    fflush(stdout);
    for (int i = 0; i < NTERMS; i++)
        if (!terms[i].pid)
            start(&terms[i]);
    for (;;) {
        pid_t pid = wait(&status);
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

/*
 * proc.c - the process benchmarks: null (getppid), fork (fork + _exit +
 * waitpid), exec (fork + execv("/bench/true") + waitpid) and script (the
 * same with "/bin/sh /bench/steps.sh", BusyBox's ash).  Every child's
 * status is checked: a child that did not exit with 0 is a failure.
 */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

volatile pid_t bench_sink;          /* keeps the calls from being dropped */

int bench_null(long n)
{
    for (long i = 0; i < n; i++)
        bench_sink = getppid();
    return 0;
}

/* Wait for pid; 0 if it exited with status 0. */
static int reap(pid_t pid)
{
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return bench_fail("waitpid");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench: child ended with status 0x%x\n", status);
        return -1;
    }
    return 0;
}

int bench_fork(long n)
{
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0)
            return bench_fail("fork");
        if (pid == 0)
            _exit(0);
        if (reap(pid) < 0)
            return -1;
    }
    return 0;
}

/* n times: fork, the child executes path with argv, the parent reaps it. */
static int spawn_loop(long n, const char *path, char *const argv[])
{
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid < 0)
            return bench_fail("fork");
        if (pid == 0) {
            execv(path, argv);
            _exit(127);
        }
        if (reap(pid) < 0)
            return -1;
    }
    return 0;
}

/* /bin/sh /bench/steps.sh: 1,000 expr/test/pipe steps (bench/script). */
int bench_script(long n)
{
    static char *const argv[] = {"sh", "/bench/steps.sh", NULL};
    return spawn_loop(n, "/bin/sh", argv);
}

int bench_exec(long n)
{
    static char *const argv[] = {"true", NULL};
    return spawn_loop(n, "/bench/true", argv);
}

/*
 * pipe.c - the pipe benchmark: a parent and a child pass one byte back and
 * forth through two pipes; one iteration = one round trip (two 1-byte
 * writes, two 1-byte reads, two context switches at least).  The child
 * echoes until its input pipe reaches end of file, then exits 0.
 */
#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench.h"

static void echo_child(int in, int out)
{
    char c;
    while (read(in, &c, 1) == 1)
        if (write(out, &c, 1) != 1)
            _exit(1);
    _exit(0);
}

static int ping(int out, int in, long n)
{
    char c = 'x', r;
    for (long i = 0; i < n; i++) {
        if (write(out, &c, 1) != 1)
            return bench_fail("pipe write");
        if (read(in, &r, 1) != 1 || r != c)
            return bench_fail("pipe read");
    }
    return 0;
}

int bench_pipe(long n)
{
    int down[2], up[2], status;
    if (pipe(down) < 0)
        return bench_fail("pipe");
    if (pipe(up) < 0) {
        close(down[0]);
        close(down[1]);
        return bench_fail("pipe");
    }
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(down[0]);
        close(down[1]);
        close(up[0]);
        close(up[1]);
        errno = saved;
        return bench_fail("fork");
    }
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        echo_child(down[0], up[1]);
    }
    close(down[0]);
    close(up[1]);
    int r = ping(down[1], up[0], n);
    close(down[1]);
    close(up[0]);
    if (waitpid(pid, &status, 0) != pid)
        return bench_fail("waitpid");
    return r < 0 || !WIFEXITED(status) || WEXITSTATUS(status) ? -1 : 0;
}

/*
 * bench.c - the benchmark program: "bench <name> [iterations]" and
 * "bench all [seconds]".
 *
 * Names: null, pipe, fork, exec, file, script (bench.h).  With an iteration count
 * the benchmark runs exactly that often; without one (and for "all") it
 * starts at 1 iteration and doubles until one run lasts at least the
 * minimum time (1.5 s by default), which hides gettimeofday's resolution
 * (10 ms on Stabilix).  Each finished run prints one line on stdout:
 *
 *     BENCH <name> iterations=<n> usec=<elapsed> ns_per_op=<elapsed/n>
 *
 * Exit status 0 when every benchmark ran, 1 on a failure, 2 on bad usage
 * (a one-line usage message).  Times are the guest's wall clock.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include "bench.h"

struct bench {
    const char *name;
    int (*run)(long n);
};

static const struct bench benches[] = {
    {"null", bench_null}, {"pipe", bench_pipe}, {"fork", bench_fork},
    {"exec", bench_exec}, {"file", bench_file}, {"script", bench_script},
};
#define NBENCH (sizeof(benches) / sizeof(benches[0]))
#define MAX_ITERS (1L << 24)

int bench_fail(const char *what)
{
    fprintf(stderr, "bench: %s: %s\n", what, strerror(errno));
    return -1;
}

static long long now_usec(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (long long)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* Run b n times; the elapsed microseconds, or -1 on failure. */
static long long timed(const struct bench *b, long n)
{
    long long t0 = now_usec();
    if (b->run(n) < 0)
        return -1;
    return now_usec() - t0;
}

static void report(const struct bench *b, long n, long long us)
{
    printf("BENCH %s iterations=%ld usec=%lld ns_per_op=%lld\n",
           b->name, n, us, us * 1000 / n);
    fflush(stdout);
}

/* Double the iteration count until one run takes at least min_us. */
static int run_auto(const struct bench *b, long long min_us)
{
    long n = 1;
    for (;;) {
        long long us = timed(b, n);
        if (us < 0)
            return -1;
        if (us >= min_us || n >= MAX_ITERS) {
            report(b, n, us);
            return 0;
        }
        n *= 2;
    }
}

static const struct bench *find(const char *name)
{
    for (unsigned i = 0; i < NBENCH; i++)
        if (strcmp(benches[i].name, name) == 0)
            return &benches[i];
    return NULL;
}

/* A positive decimal number, or -1. */
static long number(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return errno || *end || end == s || v <= 0 ? -1 : v;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench {null|pipe|fork|exec|file|script} [iterations] | bench all [seconds]\n");
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3)
        return usage();
    long arg = argc == 3 ? number(argv[2]) : 0;
    if (arg < 0 || arg > MAX_ITERS)
        return usage();
    if (strcmp(argv[1], "all") == 0) {
        long long min_us = (arg ? arg * 1000 : 1500) * 1000LL;
        for (unsigned i = 0; i < NBENCH; i++)
            if (run_auto(&benches[i], min_us) < 0)
                return 1;
        return 0;
    }
    const struct bench *b = find(argv[1]);
    if (!b)
        return usage();
    if (!arg)
        return run_auto(b, 1500000) < 0;
    long long us = timed(b, arg);
    if (us < 0)
        return 1;
    report(b, arg, us);
    return 0;
}

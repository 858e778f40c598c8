/*
 * bench.h - the POSIX benchmarks (bench/posix), shared by Stabilix and the
 * Linux guest.  Each benchmark runs 'n' iterations of one operation and
 * returns 0, or -1 after printing why it failed; bench.c times it with
 * gettimeofday around the call.  Portable POSIX C only: the same sources
 * are linked with lib/libc + newlib and with glibc (gcc -m32 -static).
 */
#ifndef BENCH_H
#define BENCH_H

int bench_null(long n);    /* getppid() */
int bench_pipe(long n);    /* 1-byte ping-pong between two processes */
int bench_fork(long n);    /* fork + _exit + waitpid */
int bench_exec(long n);    /* fork + exec /bench/true + waitpid */
int bench_file(long n);    /* write 1 MiB to a file, read it back, unlink */
int bench_script(long n);  /* sh /bench/steps.sh: 1,000 expr/test/pipe steps */

/* Print "bench: <what>: <strerror(errno)>" on stderr and return -1. */
int bench_fail(const char *what);

#endif

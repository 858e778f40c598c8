/*
 * sched.c - sched_yield.  The kernel has no call for "let others run":
 * a user process runs until its quantum ends or it blocks.  So yielding
 * is a sleep of the shortest time PM keeps (one clock tick, 10 ms): the
 * callers (less waiting for more input on a non-blocking descriptor)
 * loop, and a yield that frees the CPU for that long is what they need.
 */
#include <sched.h>
#include <time.h>

int sched_yield(void)
{
    struct timespec t = { 0, 1000000L };
    nanosleep(&t, 0);
    return 0;
}

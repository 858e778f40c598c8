/*
 * sys/wait.h - newlib's <sys/wait.h> plus WCOREDUMP (PM writes no core
 * files: it is always false), WCONTINUED and WIFCONTINUED (a continued
 * child's status is 0xffff, as Linux's; test it before WIFSTOPPED, which
 * it also satisfies, as on Linux) and wait3.
 */
#ifndef STABILIX_SYS_WAIT_H
#define STABILIX_SYS_WAIT_H

#include_next <sys/wait.h>

#define WCOREDUMP(status) 0
#define WCONTINUED 8
#define WIFCONTINUED(status) ((status) == 0xffff)

#endif

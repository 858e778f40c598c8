/*
 * sys/wait.h - newlib's <sys/wait.h> plus WCOREDUMP (PM writes no core
 * files: it is always false) and wait3.
 */
#ifndef STABILIX_SYS_WAIT_H
#define STABILIX_SYS_WAIT_H

#include_next <sys/wait.h>

#define WCOREDUMP(status) 0

#endif

/*
 * sys/resource.h - newlib's <sys/resource.h> (rusage) plus resource
 * limits (lib/libc/rlimit.c).  PM enforces no per-resource limits, so
 * every limit reads as RLIM_INFINITY, and setrlimit accepts only that
 * (anything else: EINVAL, so that a caller learns the limit is not set).
 */
#ifndef STABILIX_SYS_RESOURCE_H
#define STABILIX_SYS_RESOURCE_H

#include_next <sys/resource.h>

typedef unsigned long rlim_t;

struct rlimit {
	rlim_t rlim_cur;
	rlim_t rlim_max;
};

#define RLIM_INFINITY  (~(rlim_t)0)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

#define RLIMIT_CPU     0
#define RLIMIT_FSIZE   1
#define RLIMIT_DATA    2
#define RLIMIT_STACK   3
#define RLIMIT_CORE    4
#define RLIMIT_RSS     5
#define RLIMIT_NPROC   6
#define RLIMIT_NOFILE  7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS      9
#define RLIM_NLIMITS   10

#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2

int getrlimit(int resource, struct rlimit *rl);
int setrlimit(int resource, const struct rlimit *rl);
int getpriority(int which, int who);
int setpriority(int which, int who, int prio);

#endif

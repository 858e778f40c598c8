/*
 * proc.c - processes: _exit, fork, wait, waitpid, getpid, getppid,
 * getpgrp, getpgid, setpgid, setsid, getsid, kill.  Each is one call to PM (proto/pm.h).
 */
#include <errno.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <signal.h>
#include "libc.h"

static struct pm_req *rq(message *m)
{
    return MSG_BODY(m, struct pm_req);
}

void _exit(int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    rq(&m)->status = status;
    __pm_call(PM_EXIT, &m);
    for (;;)
        ;                               /* PM ended us; never reached */
}

pid_t fork(void)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = __pm_call_once(PM_FORK, &m);
    return r < 0 ? __err(r) : r;
}

_Static_assert(WNOHANG == PM_WNOHANG && WUNTRACED == PM_WUNTRACED && WCONTINUED == PM_WCONTINUED,
               "waitpid's options go to PM as they are");

pid_t waitpid(pid_t pid, int *status, int options)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED)) {
        errno = EINVAL;
        return -1;
    }
    rq(&m)->options = options;              /* the same bits as PM_WNOHANG, ... */
    r = __pm_call(PM_WAITPID, &m);
    if (r < 0)
        return __err(r);
    if (status && r > 0)
        *status = rq(&m)->status;
    return r;
}

pid_t wait(int *status)
{
    return waitpid(-1, status, 0);
}

/* PM_GETPID reads nothing of the request: no memset on this hot path. */
pid_t getpid(void)
{
    message m;
    return __pm_call(PM_GETPID, &m) < 0 ? -1 : rq(&m)->pid;
}

pid_t getppid(void)
{
    message m;
    return __pm_call(PM_GETPID, &m) < 0 ? -1 : rq(&m)->ppid;
}

pid_t getpgrp(void)
{
    message m;
    return __pm_call(PM_GETPID, &m) < 0 ? -1 : rq(&m)->pgrp;
}

int setpgid(pid_t pid, pid_t pgid)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    rq(&m)->pgrp = pgid;
    r = __pm_call(PM_SETPGID, &m);
    return r < 0 ? __err(r) : 0;
}

pid_t setsid(void)
{
    message m = { 0 };
    int r = __pm_call(PM_SETSID, &m);
    return r < 0 ? __err(r) : r;
}

/* PM_GETSID: pid's session, and its group in *pgrp. */
static pid_t sid_pgrp(pid_t pid, pid_t *pgrp)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    r = __pm_call(PM_GETSID, &m);
    *pgrp = rq(&m)->pgrp;
    return r < 0 ? __err(r) : r;
}

pid_t getsid(pid_t pid)
{
    pid_t pgrp;
    return sid_pgrp(pid, &pgrp);
}

pid_t getpgid(pid_t pid)
{
    pid_t pgrp;
    return sid_pgrp(pid, &pgrp) < 0 ? -1 : pgrp;
}

int kill(pid_t pid, int sig)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    rq(&m)->signal = sig;
    r = __pm_call_once(PM_KILL, &m);
    return r < 0 ? __err(r) : 0;
}

/* vfork may be a fork (POSIX): the child gets its own copy. */
pid_t vfork(void)
{
    return fork();
}

/* The group pgrp (0: the caller's own group). */
int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

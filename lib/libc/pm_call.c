/*
 * pm_call.c - a call to PM that met a dead PM (EDEADSRCDST: PM failed
 * while it had our request).  RS restarts PM with its process table
 * (servers/pm/restart.c), under a new endpoint: find it by its label
 * (waiting up to a second for it to appear) and, when doing the call
 * twice is harmless, make it again.  Calls that must not happen twice
 * (fork, kill, exec, sigreturn, shutdown, service) and the calls that
 * lend PM a grant (exec, sysinfo: a grant names one endpoint) check PM's
 * endpoint before the call (__pm_call_once, __pm_refresh): for them a
 * dead PM means it died with the call in hand, and they fail with EIO.
 */
#include "libc.h"

static int repeatable(int type)
{
    switch (type) {
    case PM_EXIT: case PM_WAITPID: case PM_GETPID: case PM_BRK: case PM_SETPGID:
    case PM_SIGACTION: case PM_SIGMASK: case PM_SIGSUSPEND: case PM_TIME:
    case PM_SLEEP: case PM_PROCINFO:
        return 1;
    default:
        return 0;
    }
}

/* The new PM's endpoint, or NONE after a second without one. */
static endpoint_t new_pm(void)
{
    uint32_t t0 = sys_uptime();
    endpoint_t ep;
    do {
        if (sys_lookup("pm", &ep) == OK && ep != __pm_ep)
            return ep;
    } while (sys_uptime() - t0 < 100);
    return NONE;
}

/* A call that must not happen twice: make sure __pm_ep is the live PM
 * first (a kernel call, cheap next to a fork or an exec), so that a
 * failure afterwards means PM died while it had this very call. */
void __pm_refresh(void)
{
    endpoint_t ep;
    if (sys_lookup("pm", &ep) == OK)
        __pm_ep = ep;
}

int __pm_call_once(int type, message *m)
{
    __pm_refresh();
    return __pm_call(type, m);
}

int __pm_again(int type, message *m)
{
    endpoint_t ep = new_pm();
    int r;
    if (ep == NONE)
        return -EDEADSRCDST;
    __pm_ep = ep;
    if (!repeatable(type))
        return -EDEADSRCDST;
    m->m_type = type;
    r = ipc_call(ep, m);
    return r != OK ? r : m->m_type;
}

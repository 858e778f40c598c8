/*
 * pm_call.c - a call to PM that met a dead PM.  RS restarts PM with its
 * process table (servers/pm/restart.c), under a new endpoint: find it by
 * its label (waiting up to a second for it to appear) and make the call
 * again when that cannot do it twice:
 *   - EDEADSRCDST: PM died before it took the request, so nothing was
 *     done: every call goes again (those that lend PM a grant, exec and
 *     sysinfo, lend it again to the new PM themselves: a grant names one
 *     endpoint);
 *   - ENOREPLY: PM died with the request in hand and may have done it:
 *     only calls for which doing it twice is harmless go again; the
 *     others (fork, kill, exec, sigreturn, shutdown, service) fail with
 *     EIO.  Those check PM's endpoint before the call (__pm_call_once,
 *     __pm_refresh), so that the call is not sent to a PM long gone.
 *     A waitpid goes again with PM_WAGAIN: if the old PM had reaped a
 *     child for it, the new one answers that child from its record.
 */
#include "libc.h"

static int repeatable(int type)
{
    switch (type) {
    case PM_EXIT: case PM_WAITPID: case PM_GETPID: case PM_BRK: case PM_SETPGID:
    case PM_SIGACTION: case PM_SIGMASK: case PM_SIGSUSPEND: case PM_TIME:
    case PM_SLEEP: case PM_PROCINFO: case PM_GETUID: case PM_SETUID: case PM_SETGID:
        return 1;
    default:
        return 0;
    }
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

static int lends_grant(int type)
{
    return type == PM_EXEC || type == PM_SYSINFO;
}

int __pm_again(int type, message *m, int why)
{
    endpoint_t ep = sys_lookup_new("pm", __pm_ep, 100);     /* up to a second */
    int r;
    if (ep == NONE)
        return why;
    __pm_ep = ep;
    if (lends_grant(type) || (why == -ENOREPLY && !repeatable(type)))
        return why;
    if (type == PM_WAITPID && why == -ENOREPLY)
        MSG_BODY(m, struct pm_req)->options |= PM_WAGAIN;   /* PM may have reaped one */
    m->m_type = type;
    r = ipc_call(ep, m);
    return r != OK ? r : m->m_type;
}

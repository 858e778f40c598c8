/*
 * do_stop.c - SYS_STOP: PM stops or continues one of its user processes
 * (job control: SIGSTOP, SIGTSTP, SIGCONT).  A stopped process has
 * P_STOPPED among its flags, so it is on no ready queue however its IPC
 * goes: a reply that arrives while it is stopped clears only the IPC bits,
 * and it runs once it is continued (sched.c's invariant: runnable iff
 * flags == 0).  Stopping a stopped process, or continuing a running one,
 * changes nothing.  Services are never stopped (EPERM).
 */
#include "system.h"

int do_stop(struct proc *caller, message *m)
{
    struct sys_stop *rq = MSG_BODY(m, struct sys_stop);
    struct proc *p;
    int err = ep_lookup(rq->ep, &p);
    if (err != OK)
        return err;
    if (p == caller || p->supervisor != caller->endpoint || p->priv != &priv_table[USER_PRIV])
        return -EPERM;
    if (rq->stop != 0 && rq->stop != 1)
        return -EINVAL;
    if (rq->stop && !(p->flags & P_STOPPED)) {
        if (!p->flags)
            unready(p);
        p->flags |= P_STOPPED;
    } else if (!rq->stop && (p->flags & P_STOPPED)) {
        p->flags &= ~P_STOPPED;
        if (!p->flags)
            ready(p);
    }
    return OK;
}

/*
 * do_fork.c - SYS_FORK: PM copies a process that is blocked in a call to
 * PM (its fork request).  The child gets a copy of the memory, the same
 * registers and privileges, PM as supervisor, and is itself waiting for
 * PM's reply, so PM answers both (the parent with the child's pid, the
 * child with 0).  All or nothing: without memory, nothing is created.
 */
#include "system.h"

int do_fork(struct proc *caller, message *m)
{
    struct sys_fork *rq = MSG_BODY(m, struct sys_fork);
    struct proc *parent, *child;
    int r = ep_lookup(rq->parent, &parent);
    if (r != OK)
        return r;
    if (!(parent->flags & P_CALLING) || parent->getfrom != caller->endpoint ||
        (parent->flags & P_SENDING))
        return -EINVAL;                 /* only a process waiting for our reply */
    if (!(child = proc_fork(parent, caller, &r)))
        return r;
    rq->child = child->endpoint;
    return OK;
}

/*
 * do_fork.c - SYS_FORK: PM copies a process that is blocked in a call to
 * PM (its fork request).  The child gets a copy of the memory, the same
 * registers and privileges, PM as supervisor, and is itself waiting for
 * PM's reply, so PM answers both (the parent with the child's pid, the
 * child with 0).  All or nothing: without memory, nothing is created,
 * and a user process's copy may not take the services' reserve
 * (reserve.c).
 */
#include "system.h"
#include "../mm.h"

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
    /* The copy never needs more than all the frames in use; only when even
     * that does not fit are the parent's pages counted (a walk of its
     * page tables that cost a fifth of a fork). */
    if (!reserve_allows(parent, kframes_total - kframes.nfree, rq->user) &&
        !reserve_allows(parent, as_count_pages(parent->pgdir), rq->user))
        return -ENOMEM;                 /* the copy would eat into the services' reserve */
    if (!(child = proc_fork(parent, caller, &r)))
        return r;
    rq->child = child->endpoint;
    return OK;
}

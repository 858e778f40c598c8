/*
 * session.c - process groups and sessions: setpgid, setsid, getsid (and
 * the group, for getpgid), and whether a group is orphaned.  VFS is told
 * of every change (the terminals' job control, proto/tty.h).
 *
 * Every process belongs to one group (pgrp) and one session (sid); a
 * group lies inside one session.  fork inherits both; the first process
 * and every process PM adopts starts its own (pgrp = sid = pid).
 * Invariants kept here, as POSIX states them:
 *   - a session leader (sid == pid) never changes its group;
 *   - a process joins only a group of its own session, or starts one
 *     named by its own pid;
 *   - setsid makes a new session only for a process that leads no group
 *     (no process has a pgrp equal to its pid), so a group never spans
 *     two sessions.
 * A group is orphaned when no member has a parent in another group of
 * the same session: nobody in the session can continue it (POSIX).
 * Every request is checked in full before anything changes.
 */
#include "pm.h"

static struct mproc *req_target(struct mproc *self, int pid)
{
    return pid == 0 ? self : mp_by_pid(pid);
}

/* Is there a live process in group pgrp of session sid? */
static int group_in_session(int pgrp, int sid)
{
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state == MP_ALIVE && mproc[i].pgrp == pgrp && mproc[i].sid == sid)
            return 1;
    return 0;
}

/* setpgid(pid, pgid): the caller or one of its children joins or
 * starts a group. */
int do_setpgid(message *m)
{
    struct mproc *self = mp_caller(m->m_source), *t;
    int pid = MSG_BODY(m, struct pm_req)->pid, pgid = MSG_BODY(m, struct pm_req)->pgrp;
    if (!self)
        return -EAGAIN;
    if (pid < 0 || pgid < 0)
        return -EINVAL;
    t = req_target(self, pid);
    if (!t || t->state != MP_ALIVE || (t != self && t->ppid != self->pid))
        return -ESRCH;
    if (!pgid)
        pgid = t->pid;
    if (t->sid == t->pid || t->sid != self->sid)
        return -EPERM;
    if (pgid != t->pid && !group_in_session(pgid, self->sid))
        return -EPERM;
    t->pgrp = pgid;
    mp_touch(t);
    vfs_pgrp(t->ep, t->pgrp, t->sid, 0);
    return OK;
}

int do_setsid(message *m)
{
    struct mproc *self = mp_caller(m->m_source);
    if (!self)
        return -EAGAIN;
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state != MP_FREE && mproc[i].pgrp == self->pid)
            return -EPERM;              /* it leads a group (itself included) */
    self->pgrp = self->sid = self->pid;
    mp_touch(self);
    vfs_pgrp(self->ep, self->pgrp, self->sid, 1);
    return self->sid;
}

int do_getsid(message *m)
{
    struct mproc *self = mp_caller(m->m_source), *t;
    int pid = MSG_BODY(m, struct pm_req)->pid;
    if (!self)
        return -EAGAIN;
    if (pid < 0 || !(t = req_target(self, pid)) || t->state == MP_FREE)
        return -ESRCH;
    MSG_BODY(m, struct pm_req)->pgrp = t->pgrp;
    return t->sid;
}

int group_orphaned(int pgrp)
{
    for (int i = 0; i < NR_MPROCS; i++) {
        const struct mproc *m = &mproc[i], *parent;
        if (m->state != MP_ALIVE || m->pgrp != pgrp)
            continue;
        parent = mp_by_pid(m->ppid);
        if (parent && parent->state == MP_ALIVE && parent->pgrp != pgrp && parent->sid == m->sid)
            return 0;
    }
    return 1;
}

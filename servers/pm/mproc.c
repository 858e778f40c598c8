/*
 * mproc.c - PM's process table: allocation, lookup, adoption, replies to
 * blocked calls, and what happens when a process ends (zombie, parent
 * woken and signalled, children reparented, groups it orphaned and its
 * terminal hung up: jobsig.c).  Whatever changes an entry
 * marks it (mp_touch), so its second copy is taken when the message is
 * done (check.c).
 */
#include "pm.h"

/* the table is kept across a restart (restart.c checks it) */
struct mproc mproc[NR_MPROCS] STATE;
int next_pid STATE;

struct mproc *mp_slot_hint[NR_PROCS] STATE;

struct mproc *mp_by_ep(endpoint_t ep)
{
    struct mproc *h = mp_hinted(ep);
    if (h)
        return h;
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state == MP_ALIVE && mproc[i].ep == ep) {
            if (ep >= 0 && EP_SLOT(ep) < NR_PROCS)
                mp_slot_hint[EP_SLOT(ep)] = &mproc[i];
            return &mproc[i];
        }
    return pm_check_ep(ep);             /* an entry whose endpoint was damaged, or none */
}

struct mproc *mp_by_pid(int pid)
{
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state != MP_FREE && mproc[i].pid == pid)
            return &mproc[i];
    return 0;
}

static void advance_pid(void)
{
    do
        next_pid = next_pid >= 30000 ? 2 : next_pid + 1;
    while (mp_by_pid(next_pid));
}

struct mproc *mp_new(int ppid, endpoint_t ep)
{
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state != MP_FREE)
            continue;
        memset(mp, 0, sizeof(*mp));
        mp->state = MP_ALIVE;
        if (next_pid < 1 || next_pid > 30000)
            next_pid = 1;               /* the first process (the region starts zero) */
        mp->pid = next_pid;
        mp->pgrp = mp->sid = mp->pid;
        advance_pid();
        mp->ppid = ppid;
        mp->ep = ep;
        mp_touch(mp);
        return mp;
    }
    return 0;
}

struct mproc *mp_adopt(endpoint_t ep)
{
    struct mproc *mp = mp_by_ep(ep);
    struct sys_procinfo pi;
    if (mp)
        return mp;
    pm_twin_check();                    /* a damaged table may hide the caller: mend it first */
    if ((mp = mp_by_ep(ep)) || !(mp = mp_new(0, ep)))
        return mp;
    if (sys_procinfo(EP_SLOT(ep), &pi) == OK)
        strlcpy(mp->name, pi.name, sizeof(mp->name));
    return mp;
}

void reply(struct mproc *mp, message *m)
{
    int r;
    mp->blocked = PB_NONE;
    mp_touch(mp);
    r = ipc_sendnb(mp->ep, m);
    if ((r == -EDEADSRCDST || r == -EBADEPT) && pm_check_one(mp))
        ipc_sendnb(mp->ep, m);          /* the entry's endpoint was damaged: put right */
}

void reply_status(struct mproc *mp, int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = status;
    reply(mp, &m);
}

/* Does zombie z satisfy parent p's pending waitpid? */
int wait_matches(const struct mproc *p, const struct mproc *z)
{
    if (p->wait_pid > 0)
        return z->pid == p->wait_pid;
    if (p->wait_pid == 0)
        return z->pgrp == p->pgrp;
    if (p->wait_pid < -1)
        return z->pgrp == -p->wait_pid;
    return 1;
}

/* Reply to a waiting parent with z's status and free z. */
void reap(struct mproc *parent, struct mproc *z)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = z->pid;
    MSG_BODY(&m, struct pm_req)->pid = z->pid;
    MSG_BODY(&m, struct pm_req)->status = z->status;
    parent->reaped_pid = z->pid;        /* for a repeat, should the reply be lost */
    parent->reaped_status = z->status;
    z->state = MP_FREE;
    mp_touch(z);
    reply(parent, &m);
}

void mp_ended(struct mproc *mp, int status)
{
    struct mproc *parent = mp->ppid ? mp_by_pid(mp->ppid) : 0;
    int is_init = mp->pid == 1, init_alive = mp_by_pid(1) && !is_init;
    mp->state = MP_ZOMBIE;
    mp->status = status;
    mp->blocked = PB_NONE;
    mp_touch(mp);
    job_may_orphan(mp->pgrp);
    for (int i = 0; i < NR_MPROCS; i++) {       /* orphans go to pid 1 */
        struct mproc *c = &mproc[i];
        if (c->state == MP_FREE || c->ppid != mp->pid || c == mp)
            continue;
        mp_touch(c);
        job_may_orphan(c->pgrp);
        c->ppid = init_alive || is_init ? 1 : 0;   /* init_died starts init again */
        if (c->state == MP_ZOMBIE && !c->ppid)
            c->state = MP_FREE;
        else if (c->state == MP_ZOMBIE && init_alive && mp_by_pid(1)->blocked == PB_WAIT &&
                 wait_matches(mp_by_pid(1), c))
            reap(mp_by_pid(1), c);
    }
    if (!parent || parent->state != MP_ALIVE) {
        mp->state = MP_FREE;                    /* nobody will wait for it */
        if (is_init)
            init_died(status);
    } else {
        if (parent->blocked == PB_WAIT && wait_matches(parent, mp))
            reap(parent, mp);
        sig_send(parent, PM_SIGCHLD);
    }
    job_exited(mp);
}

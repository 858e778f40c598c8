/*
 * forkexit.c - fork, exit, waitpid, getpid, setpgid, and the end of a
 * process however it comes (exit, a signal, a CPU exception reported by
 * the kernel).
 *
 * An ordinary user (uid != 0) may have NPROC_PER_USER processes, zombies
 * included; past that fork fails with EAGAIN.  fork is all or nothing: the child's mproc is reserved first, then the
 * kernel copies the process (SYS_FORK), then VFS copies its descriptors;
 * a failure at any step undoes the earlier ones.  Both parent and child
 * are blocked in the fork call: the child gets 0, the parent the pid.
 * A waitpid that reaps a child records it in the caller's entry
 * (reaped_pid, in the kept table) before the reply leaves: if PM fails
 * before the reply does, libc's repeat (PM_WAGAIN) gets that child from
 * the record instead of losing its status.  A fresh waitpid clears it.
 */
#include "pm.h"

static struct pm_req *req(message *m)
{
    return MSG_BODY(m, struct pm_req);
}

/* Entries (alive or zombie) whose real uid is uid. */
static int procs_of(int uid)
{
    int n = 0;
    for (int i = 0; i < NR_MPROCS; i++)
        n += mproc[i].state != MP_FREE && mproc[i].uid == uid;
    return n;
}

int do_fork(message *m)
{
    struct mproc *p = mp_caller(m->m_source), *c;
    endpoint_t cep;
    int r;
    if (!p || (p->uid != 0 && procs_of(p->uid) >= NPROC_PER_USER))
        return -EAGAIN;                 /* a fork bomb stops at its own user's share */
    if (!(c = mp_new(p->pid, NONE)))
        return -EAGAIN;
    if ((r = sys_fork(m->m_source, p->uid != 0, &cep)) != OK) {
        c->state = MP_FREE;
        return r;
    }
    if ((r = vfs_fork(m->m_source, cep)) != OK) {
        sys_kill(cep);
        c->state = MP_FREE;
        return r;
    }
    c->ep = cep;                        /* c is marked: mp_new */
    c->pgrp = p->pgrp;
    c->sid = p->sid;
    c->brk_base = p->brk_base;
    c->brk = p->brk;
    memcpy(c->sig_handler, p->sig_handler, sizeof(c->sig_handler));
    memcpy(c->sig_amask, p->sig_amask, sizeof(c->sig_amask));
    memcpy(c->sig_flags, p->sig_flags, sizeof(c->sig_flags));
    c->restorer = p->restorer;
    c->sigmask = p->sigmask;
    memcpy(c->name, p->name, sizeof(c->name));
    c->uid = p->uid;
    c->euid = p->euid;
    c->gid = p->gid;
    c->egid = p->egid;
    reply_status(c, 0);
    return c->pid;
}

/* End mp with a wait status; its endpoint may already be dead. */
void terminate(struct mproc *mp, int status)
{
    if (mp->state != MP_ALIVE)
        return;
    sys_kill(mp->ep);
    vfs_exit(mp->ep);
    mp_ended(mp, status);
}

int do_exit(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    if (!mp)
        return -EAGAIN;
    terminate(mp, (req(m)->status & 0xff) << 8);
    return EDONTREPLY;
}

int do_waitpid(message *m)
{
    struct mproc *p = mp_caller(m->m_source);
    int children = 0;
    if (!p)
        return -EAGAIN;
    if (req(m)->options & ~(PM_WNOHANG | PM_WUNTRACED | PM_WCONTINUED | PM_WAGAIN))
        return -EINVAL;
    if ((req(m)->options & PM_WAGAIN) && p->reaped_pid) {
        req(m)->pid = p->reaped_pid;    /* the old PM reaped it; its reply was lost */
        req(m)->status = p->reaped_status;
        p->reaped_pid = 0;
        return req(m)->pid;
    }
    if (p->pid == 1 && !(req(m)->options & PM_WNOHANG))
        init_serving();                 /* its main loop: waiting for children */
    p->reaped_pid = 0;
    p->wait_pid = req(m)->pid;
    p->wait_options = req(m)->options & (PM_WUNTRACED | PM_WCONTINUED);
    mp_touch(p);
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *c = &mproc[i];
        if (c->state == MP_FREE || c->ppid != p->pid || !wait_matches(p, c))
            continue;
        children++;
        if (c->state == MP_ZOMBIE) {
            req(m)->pid = p->reaped_pid = c->pid;
            req(m)->status = p->reaped_status = c->status;
            c->state = MP_FREE;
            mp_touch(c);
            return c->pid;
        }
        if (job_report(p, c, m))
            return c->pid;
    }
    if (!children)
        return -ECHILD;
    if (req(m)->options & PM_WNOHANG)
        return 0;
    p->blocked = PB_WAIT;
    return EDONTREPLY;
}

int do_getpid(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    if (!mp)
        return -EAGAIN;
    req(m)->pid = mp->pid;
    req(m)->ppid = mp->ppid;
    req(m)->pgrp = mp->pgrp;
    return mp->pid;
}

/* A POSIX wait status for a death the kernel reported. */
static int ksig_status(const struct sys_getksig *k)
{
    if (k->reason == KSIG_EXIT)
        return (k->status & 0xff) << 8;
    if (k->reason == KSIG_KILLED)
        return PM_SIGKILL;
    switch (k->vector) {
    case 0: case 16: case 19: return PM_SIGFPE;
    case 3:                   return PM_SIGTRAP;
    case 6:                   return PM_SIGILL;
    case 17:                  return PM_SIGBUS;
    default:                  return PM_SIGSEGV;
    }
}

/* The kernel reports the deaths of the processes PM made. */
void death_reports(void)
{
    struct sys_getksig k;
    while (sys_getksig(&k) == OK) {
        struct mproc *mp = mp_by_ep(k.ep);
        if (!mp)
            continue;               /* one PM ended itself */
        vfs_exit(mp->ep);
        mp_ended(mp, ksig_status(&k));
    }
}

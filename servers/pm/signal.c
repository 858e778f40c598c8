/*
 * signal.c - kill, sigaction, sigprocmask, sigsuspend, sigreturn and the
 * delivery of signals.
 *
 * A signal is either acted on at once (SIGKILL, a default action that
 * ends the process, an ignored signal) or made pending.  A pending signal
 * that is not masked is delivered: a call the process is blocked in
 * (in PM, or in VFS through VFS_PM_UNPAUSE) ends with EINTR, then the
 * kernel pushes a handler frame (SYS_SIGFRAME).  A process that is still
 * blocked elsewhere (EBUSY) keeps the signal pending and PM retries on
 * the next clock alarm.  During a handler its signal and sa_mask are
 * masked; sigreturn restores the mask saved in the frame.
 * Stop signals and SIGCONT: stop.c.  A stopped process takes no signal
 * but SIGKILL and SIGCONT until it is continued.
 */
#include "pm.h"

int retry_pending STATE;

static uint32_t bit(int signo)
{
    return 1u << (signo - 1);
}

static struct pm_sig *req(message *m)
{
    return MSG_BODY(m, struct pm_sig);
}

int sig_default_kills(int signo)
{
    switch (signo) {
    case PM_SIGCHLD: case PM_SIGWINCH: case PM_SIGCONT:
    case PM_SIGSTOP: case PM_SIGTSTP: case 16 /* SIGURG */:
    case 21: case 22: /* SIGTTIN, SIGTTOU */
        return 0;
    default:
        return 1;
    }
}

/* A signal whose default action is to do nothing at all. */
static int sig_default_ignores(int signo)
{
    return !sig_default_kills(signo) && !sig_stops(signo);
}

/* Run mp's handler for signo; -EBUSY if it cannot be done yet. */
static int deliver(struct mproc *mp, int signo)
{
    uint32_t restore = mp->blocked == PB_SUSPEND ? mp->suspend_mask : mp->sigmask;
    int r;
    if (mp->blocked == PB_WAIT || mp->blocked == PB_SUSPEND)
        reply_status(mp, -EINTR);
    else if (mp->blocked == PB_SLEEP)
        timer_wake(mp, -EINTR);
    else if (mp->blocked == PB_NONE)
        vfs_unpause(mp->ep);
    r = sys_sigframe(mp->ep, mp->sig_handler[signo], mp->restorer, signo, restore);
    if (r == -EBUSY)
        return r;
    mp->sigpending &= ~bit(signo);
    mp_touch(mp);
    if (r != OK) {
        printf("pm: pid %d (%s): no room for a signal frame: %s\n", mp->pid,
               mp->name, errname(r));
        terminate(mp, PM_SIGSEGV);
        return OK;
    }
    mp->sigmask = restore | mp->sig_amask[signo] | bit(signo);
    return OK;
}

/* Deliver what mp can take now. */
static void flush_one(struct mproc *mp)
{
    for (int s = 1; s < PM_NSIG && mp->state == MP_ALIVE && !mp->stopped; s++) {
        if (!(mp->sigpending & ~mp->sigmask & bit(s)))
            continue;
        if (mp->sig_handler[s] == PM_SIG_DFL) {
            mp->sigpending &= ~bit(s);
            mp_touch(mp);
            if (sig_stops(s))
                job_stop(mp, s);
            else
                terminate(mp, s);
        } else if (deliver(mp, s) == -EBUSY) {
            retry_pending = 1;
            return;
        }
    }
}

void sig_flush(void)
{
    retry_pending = 0;
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state == MP_ALIVE && (mproc[i].sigpending & ~mproc[i].sigmask))
            flush_one(&mproc[i]);
}

void sig_send(struct mproc *mp, int signo)
{
    uint32_t h;
    if (mp->state != MP_ALIVE || signo <= 0 || signo >= PM_NSIG)
        return;
    if (signo == PM_SIGKILL) {
        terminate(mp, PM_SIGKILL);
        return;
    }
    if (signo == PM_SIGCONT)
        job_continue(mp);               /* whatever its action: stop.c */
    else if (sig_stops(signo))
        mp->sigpending &= ~bit(PM_SIGCONT);
    h = mp->sig_handler[signo];
    if (h == PM_SIG_IGN || (h == PM_SIG_DFL && sig_default_ignores(signo))) {
        if (signo == PM_SIGCONT && (mp->sigpending & ~mp->sigmask))
            flush_one(mp);              /* what waited while it was stopped */
        return;
    }
    mp->sigpending |= bit(signo);
    mp_touch(mp);
    if (!(mp->sigmask & bit(signo)))
        flush_one(mp);
}

/* Reply now when the caller has a signal to take, so that it can. */
static int reply_then_flush(struct mproc *mp, message *m, int status)
{
    if (mp->state == MP_ALIVE && !(mp->sigpending & ~mp->sigmask) && !retry_pending)
        return status;
    m->m_type = status;
    if (mp->state == MP_ALIVE)
        reply(mp, m);
    sig_flush();
    return EDONTREPLY;
}

static int kill_matches(const struct mproc *t, int pid, const struct mproc *self)
{
    if (t->state != MP_ALIVE || (t->pid == 1 && pid == -1))
        return 0;
    if (pid > 0)
        return t->pid == pid;
    if (pid == 0)
        return t->pgrp == self->pgrp;
    if (pid == -1)
        return t != self;
    return t->pgrp == -pid;
}

/* Signal every process that matches and self may signal (self 0: a
 * service, tty's Ctrl-C, may signal any); how many there were, or
 * -EPERM when some matched and self might signal none of them. */
int sig_kill(struct mproc *self, int pid, int signo)
{
    int n = 0, denied = 0;
    for (int i = 0; i < NR_MPROCS; i++) {
        if (!kill_matches(&mproc[i], pid, self))
            continue;
        if (self && !may_signal(self, &mproc[i])) {
            denied++;
            continue;
        }
        n++;
        if (signo)
            sig_send(&mproc[i], signo);
    }
    return !n && denied ? -EPERM : n;
}

int do_kill(message *m)
{
    struct pm_req *rq = MSG_BODY(m, struct pm_req);
    struct mproc *mp = mp_caller(m->m_source);
    int n;
    if (!mp)
        return -EAGAIN;
    if (rq->signal < 0 || rq->signal >= PM_NSIG)
        return -EINVAL;
    mp->blocked = PB_CALL;              /* waiting for this reply: no unpause */
    mp_touch(mp);
    n = sig_kill(mp, rq->pid, rq->signal);
    if (mp->state != MP_ALIVE)
        return EDONTREPLY;              /* it killed itself */
    mp->blocked = PB_NONE;
    return reply_then_flush(mp, m, n > 0 ? OK : n < 0 ? n : -ESRCH);
}

int do_sigaction(message *m)
{
    struct pm_sig *rq = req(m);
    struct mproc *mp = mp_caller(m->m_source);
    int s = rq->signo;
    uint32_t old_h, old_m, old_f;
    if (!mp)
        return -EAGAIN;
    if (s <= 0 || s >= PM_NSIG || ((s == PM_SIGKILL || s == PM_SIGSTOP) && rq->handler != ~0u))
        return -EINVAL;
    old_h = mp->sig_handler[s];
    old_m = mp->sig_amask[s];
    old_f = mp->sig_flags[s];
    if (rq->handler != ~0u) {           /* ~0: only ask */
        if (rq->handler > PM_SIG_IGN && (rq->handler < 0x40000000u || rq->restorer < 0x40000000u))
            return -EFAULT;
        mp_touch(mp);
        mp->sig_handler[s] = rq->handler;
        mp->sig_amask[s] = rq->mask & ~(bit(PM_SIGKILL) | bit(PM_SIGSTOP));
        mp->sig_flags[s] = rq->flags;
        if (rq->handler > PM_SIG_IGN)
            mp->restorer = rq->restorer;
        if (rq->handler == PM_SIG_IGN || (rq->handler == PM_SIG_DFL && sig_default_ignores(s)))
            mp->sigpending &= ~bit(s);
    }
    rq->handler = old_h;
    rq->mask = old_m;
    rq->flags = old_f;
    return OK;
}

int do_sigmask(message *m)
{
    struct pm_sig *rq = req(m);
    struct mproc *mp = mp_caller(m->m_source);
    uint32_t old, set;
    if (!mp)
        return -EAGAIN;
    old = mp->sigmask;
    set = rq->mask & ~(bit(PM_SIGKILL) | bit(PM_SIGSTOP));
    switch (rq->how) {
    case PM_SIG_BLOCK:   mp->sigmask |= set; break;
    case PM_SIG_UNBLOCK: mp->sigmask &= ~set; break;
    case PM_SIG_SETMASK: mp->sigmask = set; break;
    case -1:             break;                     /* only ask */
    default:             return -EINVAL;
    }
    if (mp->sigmask != old)
        mp_touch(mp);
    rq->mask = old;
    rq->pending = mp->sigpending;
    return reply_then_flush(mp, m, OK);
}

int do_sigsuspend(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    if (!mp)
        return -EAGAIN;
    mp_touch(mp);
    mp->suspend_mask = mp->sigmask;
    mp->sigmask = req(m)->mask & ~(bit(PM_SIGKILL) | bit(PM_SIGSTOP));
    mp->blocked = PB_SUSPEND;
    flush_one(mp);
    return EDONTREPLY;
}

int do_sigreturn(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    uint32_t mask;
    int r;
    if (!mp)
        return -EAGAIN;
    if ((r = sys_sigreturn(m->m_source, req(m)->ctx, &mask)) != OK) {
        printf("pm: pid %d (%s): bad sigreturn context: %s\n", mp->pid, mp->name,
               errname(r));
        terminate(mp, PM_SIGSEGV);
        return EDONTREPLY;
    }
    mp->blocked = PB_NONE;
    mp->sigmask = mask & ~(bit(PM_SIGKILL) | bit(PM_SIGSTOP));
    mp_touch(mp);
    sig_flush();
    return EDONTREPLY;
}

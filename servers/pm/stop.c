/*
 * stop.c - job control: the stop signals (SIGSTOP; SIGTSTP, SIGTTIN and
 * SIGTTOU when their action is the default), SIGCONT, and what waitpid
 * learns of a stop.
 *
 * A process is stopped by the kernel (SYS_STOP: it stays off the ready
 * queues), so nothing it does can keep it running.  A VFS call it is
 * blocked in ends at once with ERESTART: the process takes that reply only
 * when it runs again, and libc then makes the same call again, as if it
 * had never been cut (a tty read must not hold the terminal's input while
 * its reader is stopped and the shell reads).  A PM call it waits in
 * (waitpid, sigsuspend, sleep) just stays pending.
 * Signals sent to a stopped process stay pending until it is continued,
 * except SIGKILL (it dies) and SIGCONT (it continues, handler or not).
 * A stop signal discards a pending SIGCONT and SIGCONT every pending stop
 * signal.  The parent gets SIGCHLD (unless its SIGCHLD action has
 * SA_NOCLDSTOP), and one waitpid with WUNTRACED reports each stop; the
 * same for a continue (SIGCHLD, and one waitpid with WCONTINUED: status
 * PM_CONTINUED).  A stop reported or not forgets an unreported continue,
 * and the other way round: waitpid tells the latest.
 */
#include "pm.h"

static uint32_t bit(int signo)
{
    return 1u << (signo - 1);
}

#define STOP_BITS (bit(PM_SIGSTOP) | bit(PM_SIGTSTP) | bit(PM_SIGTTIN) | bit(PM_SIGTTOU))

int sig_stops(int signo)
{
    return signo > 0 && signo < PM_NSIG && (STOP_BITS & bit(signo));
}

/* A waitpid of parent's (options in parent->wait_options) meets child c:
 * if c has a stop or a continue to report, it goes into m; was there one? */
int job_report(struct mproc *parent, struct mproc *c, message *m)
{
    int stop = c->stopped && c->stop_unreported && (parent->wait_options & PM_WUNTRACED);
    int cont = !c->stopped && c->cont_unreported && (parent->wait_options & PM_WCONTINUED);
    int status = stop ? (c->stopped << 8) | 0x7f : PM_CONTINUED;
    if (c->state != MP_ALIVE || !(stop || cont))
        return 0;
    m->m_type = c->pid;
    MSG_BODY(m, struct pm_req)->pid = c->pid;
    MSG_BODY(m, struct pm_req)->status = status;
    c->stop_unreported = c->cont_unreported = 0;
    parent->reaped_pid = c->pid;        /* the answer to a repeat, as for a death */
    parent->reaped_status = status;
    mp_touch(c);
    mp_touch(parent);
    return 1;
}

static void tell_parent(struct mproc *mp)
{
    struct mproc *parent = mp->ppid ? mp_by_pid(mp->ppid) : 0;
    message m;
    if (!parent || parent->state != MP_ALIVE)
        return;
    memset(&m, 0, sizeof(m));
    if (parent->blocked == PB_WAIT && wait_matches(parent, mp) && job_report(parent, mp, &m))
        reply(parent, &m);
    if (!(parent->sig_flags[PM_SIGCHLD] & PM_SA_NOCLDSTOP))
        sig_send(parent, PM_SIGCHLD);
}

void job_stop(struct mproc *mp, int signo)
{
    mp->sigpending &= ~bit(PM_SIGCONT);
    mp_touch(mp);
    if (mp->stopped || mp->state != MP_ALIVE)
        return;
    if (sys_stop(mp->ep, 1) != OK)
        return;                         /* not a process PM may stop */
    mp->stopped = signo;
    mp->stop_unreported = 1;
    mp->cont_unreported = 0;
    if (mp->blocked == PB_NONE)
        vfs_stopped(mp->ep);
    tell_parent(mp);
}

void job_continue(struct mproc *mp)
{
    mp->sigpending &= ~STOP_BITS;
    mp_touch(mp);
    if (!mp->stopped || mp->state != MP_ALIVE)
        return;
    if (sys_stop(mp->ep, 0) != OK)
        return;
    mp->stopped = 0;
    mp->stop_unreported = 0;
    mp->cont_unreported = 1;
    tell_parent(mp);
}

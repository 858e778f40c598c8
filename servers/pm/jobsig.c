/*
 * jobsig.c - the job-control signals PM raises itself:
 *   - PM_JOBSIG: a background job met its terminal (a read: SIGTTIN; a
 *     write under TOSTOP or a setting: SIGTTOU, proto/tty.h).  The
 *     caller's whole group gets the signal, as from the terminal; the
 *     answer tells libc what to do next (proto/pm.h).  A group that
 *     nobody in its session could continue (orphaned) is not stopped: the
 *     call fails with EIO instead.
 *   - the end of a process (mp_ended): a group it leaves orphaned that
 *     has a stopped member gets SIGHUP then SIGCONT, so it is not
 *     stopped for ever; a session leader's end frees its terminal, whose
 *     foreground group gets the same (TTY_HANGUP).
 */
#include "pm.h"
#include "proto/tty.h"

static uint32_t bit(int signo)
{
    return 1u << (signo - 1);
}

int do_jobsig(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    int s = MSG_BODY(m, struct pm_req)->signal, handled, status;
    if (!mp)
        return -EAGAIN;
    if (s != PM_SIGTTIN && s != PM_SIGTTOU)
        return -EINVAL;
    if (mp->sig_handler[s] == PM_SIG_IGN || (mp->sigmask & bit(s)))
        return s == PM_SIGTTOU ? 1 : -EIO;
    if (group_orphaned(mp->pgrp))
        return -EIO;
    handled = mp->sig_handler[s] != PM_SIG_DFL;
    mp->blocked = PB_CALL;              /* its stop must not unpause a VFS call */
    mp_touch(mp);
    sig_kill(0, -mp->pgrp, s);
    if (mp->state != MP_ALIVE)
        return EDONTREPLY;
    mp->blocked = PB_NONE;
    status = handled ? -EINTR : OK;
    m->m_type = status;
    reply(mp, m);                       /* taken when it runs again */
    sig_flush();                        /* then its handler, if any */
    return EDONTREPLY;
}

static int has_stopped(int pgrp)
{
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state == MP_ALIVE && mproc[i].pgrp == pgrp && mproc[i].stopped)
            return 1;
    return 0;
}

static void tty_hangup(int sid)
{
    endpoint_t tty;
    message m;
    if (sys_lookup("tty", &tty) != OK)
        return;
    memset(&m, 0, sizeof(m));
    m.m_type = TTY_HANGUP;
    MSG_BODY(&m, struct tty_sig)->pgrp = sid;
    ipc_call(tty, &m);                  /* its signals come as a notify */
}

/* Groups an exit may have orphaned, in hand: an exit the hangups cause
 * adds its own, and the outermost job_exited takes them all in turn (no
 * recursion deeper than one end inside another). */
static int maybe[NR_MPROCS], nmaybe, hanging_up;

void job_may_orphan(int pgrp)
{
    for (int i = 0; i < nmaybe; i++)
        if (maybe[i] == pgrp)
            return;
    if (pgrp > 1 && nmaybe < NR_MPROCS)
        maybe[nmaybe++] = pgrp;
}

/* mp has ended (a zombie or freed now, its fields still there). */
void job_exited(struct mproc *mp)
{
    if (mp->pid == mp->sid)
        tty_hangup(mp->sid);
    if (hanging_up)
        return;
    hanging_up = 1;
    while (nmaybe > 0) {
        int g = maybe[--nmaybe];
        if (has_stopped(g) && group_orphaned(g)) {
            sig_kill(0, -g, PM_SIGHUP);
            sig_kill(0, -g, PM_SIGCONT);
        }
    }
    hanging_up = 0;
}

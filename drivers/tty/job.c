/*
 * job.c - job control at the terminal (proto/tty.h): the controlling
 * terminal of a session, the background checks of reads, writes and
 * settings, and the end of a session (TTY_HANGUP from PM).
 *
 * Each minor knows the session it is the terminal of (sid, 0: none) and
 * its foreground group (pgrp).  The caller's group and session come with
 * the request from VFS (chardriver_request); a caller VFS knows nothing
 * of (session 0) is never in the background, so services and tests that
 * use the terminal without a session work as before.
 *
 * Invariants: at most one minor per session; a minor with a session has
 * sid > 0.  Both are saved with the other settings (state.c).
 */
#include "tty.h"

/* Does session sid own a minor already? */
static int has_terminal(int32_t sid)
{
    for (int i = 0; i < TTY_NR_MINORS; i++)
        if (ttys[i].sid == sid)
            return 1;
    return 0;
}

/* An open: a session leader without a terminal takes a free minor. */
void job_open(struct tty *t)
{
    const struct cdev_req *rq = chardriver_request();
    if (!(rq->job & CDEV_CTTY_OK) || rq->sid <= 0 || rq->pgrp <= 0 || t->sid ||
        has_terminal(rq->sid))
        return;
    t->sid = rq->sid;
    t->pgrp = rq->pgrp;
}

/* Is the caller a background job of this minor's session? */
static int background(const struct tty *t, const struct cdev_req *rq)
{
    return t->sid && rq->sid == t->sid && t->pgrp > 0 && rq->pgrp != t->pgrp;
}

/* OK, or ETTIN (a read) or ETTOU (out: a write or a setting) for a
 * background caller; one that ignores or blocks SIGTTOU may write. */
int job_check(const struct tty *t, int out)
{
    const struct cdev_req *rq = chardriver_request();
    if (!background(t, rq) || (out && (rq->job & CDEV_BG_OK)))
        return OK;
    return out ? -ETTOU : -ETTIN;
}

/* TTY_SETPGRP: only from the terminal's own session (when it has one). */
int job_may_set_pgrp(const struct tty *t)
{
    const struct cdev_req *rq = chardriver_request();
    if (t->sid && rq->sid && rq->sid != t->sid)
        return -ENOTTY;
    return job_check(t, 1);
}

/* TTY_HANGUP: session m's pgrp ended; free its minor, hang up its
 * foreground group (SIGHUP, then SIGCONT so that a stopped one sees it). */
int job_hangup(message *m, endpoint_t pm)
{
    int32_t sid = MSG_BODY(m, struct tty_sig)->pgrp;
    if (m->m_source != pm)
        return -EPERM;
    if (sid <= 0)
        return -EINVAL;
    for (int i = 0; i < TTY_NR_MINORS; i++) {
        if (ttys[i].sid != sid)
            continue;
        tty_touch();
        sig_raise(i, TTY_SIGHUP);
        sig_raise(i, TTY_SIGCONT);
        ttys[i].sid = 0;
        ttys[i].pgrp = 0;
        state_save();
    }
    return OK;
}

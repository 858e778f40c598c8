/*
 * signal.c - terminal signals (Ctrl-C, Ctrl-\, Ctrl-Z) for PM: a small queue of (minor, pgrp,
 * signo), a notification to PM when one is queued, and TTY_SIGPULL, with
 * which PM (and only PM) takes them one by one.  PM is the process with
 * label "pm", or the label given by the kernel argument tty_pm (tests).
 * Without PM, or with a full queue, or without a foreground group, the
 * signal is dropped.
 *
 * Invariant: 0 <= nsigs <= TTY_NR_SIGS; sigs[0..nsigs) oldest first.
 * The queue is in the state region: a restarted tty keeps it (sig_check).
 */
#include "tty.h"

static struct tty_sig sigs[TTY_NR_SIGS] STATE;
static int nsigs STATE;
static char pm_label[16] = "pm";

const char *sig_check(void)
{
    if (nsigs < 0 || nsigs > TTY_NR_SIGS)
        return "a signal queue out of range";
    for (int i = 0; i < nsigs; i++)
        if (sigs[i].minor < 0 || sigs[i].minor >= TTY_NR_MINORS || sigs[i].pgrp <= 0)
            return "a queued signal for no group";
    return 0;
}

void sig_init(int keep)
{
    char v[40];
    if (!keep)
        nsigs = 0;
    if (sys_getarg("tty_pm", v, sizeof(v)) == OK && v[0] && strlen(v) < sizeof(pm_label))
        strlcpy(pm_label, v, sizeof(pm_label));
}

static endpoint_t pm(void)
{
    endpoint_t ep;
    return sys_lookup(pm_label, &ep) == OK ? ep : NONE;
}

void sig_raise(int minor, int signo)
{
    endpoint_t ep = pm();
    if (ttys[minor].pgrp <= 0 || ep == NONE || nsigs == TTY_NR_SIGS)
        return;
    sigs[nsigs].minor = minor;
    sigs[nsigs].pgrp = ttys[minor].pgrp;
    sigs[nsigs].signo = signo;
    nsigs++;
    ipc_notify(ep);
}

static int do_sigpull(message *m)
{
    endpoint_t ep = pm();
    if (ep == NONE || m->m_source != ep)
        return -EPERM;
    if (nsigs == 0)
        return -ESRCH;
    memset(m->m.raw, 0, sizeof(m->m.raw));
    *MSG_BODY(m, struct tty_sig) = sigs[0];
    memmove(sigs, sigs + 1, (size_t)(nsigs - 1) * sizeof(sigs[0]));
    nsigs--;
    return OK;
}

/* The requests past the CDEV_* calls (chardriver's 'other'), PM's. */
int tty_other(message *m)
{
    switch (m->m_type) {
    case TTY_SIGPULL:
        return do_sigpull(m);
    case TTY_HANGUP:
        return job_hangup(m, pm());
    default:
        return -EBADREQUEST;
    }
}

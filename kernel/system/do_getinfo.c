/*
 * do_getinfo.c - SYS_GETINFO: small facts about the system.  Ordinary
 * user processes may ask only for GI_SELF, GI_LOOKUP, GI_UPTIME, GI_CLOCK.
 *   GI_SELF    the caller's endpoint and label
 *   GI_LOOKUP  the endpoint of the live service with a label (never a
 *              user process, whatever its name; boot-time
 *              rendezvous; DS is the name service once it runs)
 *   GI_UPTIME  ticks since boot and HZ
 *   GI_CLOCK   microseconds since boot (tsc.c) and the epoch second of
 *              boot (rtc.c; sys_clock)
 *   GI_KLOG    a chunk of the kernel log (struct sys_klog)
 *   GI_ARG     the value of a key on the kernel command line (sys_getarg)
 *   GI_PROC    the state of one process-table slot (sys_procinfo); the
 *              frames it owns only if asked (a walk of its page tables:
 *              sys_procpages), liveness checks stay cheap
 *   GI_MEM     free and total page frames (sys_meminfo)
 *   GI_STAB    self-stabilization switches and repair counters (sys_stab)
 *   GI_ACCT    TSC spent in interrupts, the checker and the NMI (sys_acct)
 *   GI_STATE   state-region pages the caller inherited, and when its
 *              label's previous instance ended (keep.c, sys_state)
 */
#include "system.h"
#include "../mm.h"
#include "../stabilize.h"

static int klog(struct sys_klog *rq)
{
    uint32_t total;
    rq->len = (uint32_t)klog_read(rq->offset, rq->data, GI_KLOG_CHUNK, &total);
    rq->offset = total;
    return OK;
}

static int arg(struct sys_getarg *rq)
{
    char key[sizeof(rq->key) + 1];
    memcpy(key, rq->key, sizeof(rq->key));
    key[sizeof(rq->key)] = '\0';
    return cmdline_get(key, rq->value, sizeof(rq->value)) < 0 ? -ENOENT : OK;
}

_Static_assert(PI_FREE == P_FREE && PI_SENDING == P_SENDING && PI_RECEIVING == P_RECEIVING &&
               PI_STOPPED == P_STOPPED, "procinfo passes the kernel's flags on");

static int procinfo(struct sys_procinfo *rq)
{
    struct proc *p;
    if (rq->slot < 0 || rq->slot >= NR_PROCS)
        return -EINVAL;
    p = &proc_table[rq->slot];
    rq->flags = p->flags | (p->priv == &priv_table[USER_PRIV] ? PI_USER : 0);
    rq->ep = p->endpoint;
    rq->sendto = (p->flags & P_SENDING) ? p->sendto : NONE;
    rq->getfrom = (p->flags & P_RECEIVING) ? p->getfrom : NONE;
    rq->priority = p->priority;
    rq->ticks = p->cpu_ticks;
    rq->pages = rq->pages && p->pgdir ? as_count_pages(p->pgdir) : 0;
    strlcpy(rq->name, p->name, sizeof(rq->name));
    return OK;
}

static int clock_info(struct sys_clock *c)
{
    uint64_t usec = tsc_usec();
    c->usec_lo = (uint32_t)usec;
    c->usec_hi = (uint32_t)(usec >> 32);
    c->boot_epoch = rtc_boot_epoch;
    return OK;
}

static int state_info(const struct proc *caller, struct sys_state *st)
{
    uint64_t ended = keep_ended(caller->priv);
    st->pages = caller->state_pages;
    st->ended_lo = (uint32_t)ended;
    st->ended_hi = (uint32_t)(ended >> 32);
    return OK;
}

/* What an ordinary user process may ask: who it is, the time, and the
 * endpoint of a label (libc finds a restarted PM or VFS again with it). */
static int user_may(int what)
{
    return what == GI_SELF || what == GI_LOOKUP || what == GI_UPTIME || what == GI_CLOCK;
}

int do_getinfo(struct proc *caller, message *m)
{
    struct sys_getinfo *rq = MSG_BODY(m, struct sys_getinfo);
    struct proc *p;
    if (caller->priv == &priv_table[USER_PRIV] && !user_may(rq->what))
        return priv_denied(caller, "getinfo", (uint32_t)rq->what);
    switch (rq->what) {
    case GI_SELF:
        rq->ep = caller->endpoint;
        strlcpy(rq->label, caller->name, sizeof(rq->label));
        return OK;
    case GI_LOOKUP:
        rq->label[sizeof(rq->label) - 1] = '\0';
        if (!(p = proc_by_label(rq->label)))
            return -ESRCH;
        rq->ep = p->endpoint;
        return OK;
    case GI_UPTIME:
        rq->ticks = ticks;
        rq->hz = HZ;
        return OK;
    case GI_KLOG:
        return klog(MSG_BODY(m, struct sys_klog));
    case GI_ARG:
        return arg(MSG_BODY(m, struct sys_getarg));
    case GI_PROC:
        return procinfo(MSG_BODY(m, struct sys_procinfo));
    case GI_MEM:
        MSG_BODY(m, struct sys_meminfo)->free_pages = kframes.nfree;
        MSG_BODY(m, struct sys_meminfo)->total_pages = kframes_total;
        return OK;
    case GI_STAB:
        stab_info(MSG_BODY(m, struct sys_stab));
        return OK;
    case GI_ACCT:
        acct_info(MSG_BODY(m, struct sys_acct));
        return OK;
    case GI_CLOCK:
        return clock_info(MSG_BODY(m, struct sys_clock));
    case GI_STATE:
        return state_info(caller, MSG_BODY(m, struct sys_state));
    default:
        return -EINVAL;
    }
}

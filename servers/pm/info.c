/*
 * info.c - what utilities ask the system through PM, since ordinary
 * processes may talk only to PM, VFS and INET: the process list (ps),
 * memory, the kernel log and the repair counters (free, dmesg, stabilize), power off and reboot, and the
 * RS front end (service).  PM checks every request before passing it on.
 */
#include "pm.h"

#define KLOG_MAX 4096

static const char *state_of(const struct sys_procinfo *pi, const struct mproc *mp)
{
    if (pi->flags & PI_STOPPED)
        return "stopped";
    if (mp && mp->blocked == PB_WAIT)
        return "wait";
    if (mp && mp->blocked == PB_SLEEP)
        return "sleep";
    if (mp && mp->blocked == PB_SUSPEND)
        return "pause";
    if (pi->flags & PI_SENDING)
        return "send";
    if (pi->flags & PI_RECEIVING)
        return "recv";
    return "run";
}

/* The first process at or after rq->slot: a whole list costs one call
 * a process, and its memory (a page-table walk each) only when asked. */
int do_procinfo(message *m)
{
    struct pm_proc *rq = MSG_BODY(m, struct pm_proc);
    struct sys_procinfo pi;
    struct mproc *mp;
    int slot = rq->slot;
    if (slot < 0 || slot >= NR_PROCS)
        return -EINVAL;
    for (;; slot++) {
        if (slot == NR_PROCS)
            return -ESRCH;
        if (sys_procinfo(slot, &pi) == OK && !(pi.flags & PI_FREE))
            break;
    }
    if (rq->pages && sys_procpages(slot, &pi) != OK)
        return -ESRCH;                  /* it ended in between */
    mp = mp_by_ep(pi.ep);
    rq->slot = slot;
    rq->pid = mp ? mp->pid : -1;
    rq->ppid = mp ? mp->ppid : -1;
    rq->ep = pi.ep;
    rq->pages = rq->pages ? pi.pages : 0;
    rq->ticks = pi.ticks;
    strlcpy(rq->name, mp && mp->name[0] ? mp->name : pi.name, sizeof(rq->name));
    strlcpy(rq->state, state_of(&pi, mp), sizeof(rq->state));
    return OK;
}

static int klog(endpoint_t who, struct pm_sysinfo *rq)
{
    static char buf[KLOG_MAX];
    uint32_t off = rq->offset, got = 0, len, total = 0;
    if (rq->size == 0 || rq->size > KLOG_MAX)
        return -EINVAL;
    while (got < rq->size) {
        char chunk[GI_KLOG_CHUNK];
        if (sys_klog(off, chunk, &len, &total) != OK || len == 0)
            break;
        len = len < rq->size - got ? len : rq->size - got;
        memcpy(buf + got, chunk, len);
        got += len;
        off += len;
    }
    if (got && sys_safecopyto(who, rq->grant, 0, buf, got) != OK)
        return -EFAULT;
    rq->len = got;
    rq->total = total;
    return OK;
}

/* The self-stabilization counters and the checker's cost (the stabilize
 * command): a struct sys_stab or sys_acct, exactly that size. */
static int stab(endpoint_t who, struct pm_sysinfo *rq)
{
    union { struct sys_stab st; struct sys_acct acct; } u;
    int acct = rq->what == PM_SI_ACCT;
    uint32_t size = acct ? sizeof(u.acct) : sizeof(u.st);
    if (rq->size != size)
        return -EINVAL;
    if ((acct ? sys_acct(&u.acct) : sys_stab(&u.st)) != OK)
        return -EIO;
    return sys_safecopyto(who, rq->grant, 0, &u, size) == OK ? OK : -EFAULT;
}

int do_sysinfo(message *m)
{
    struct pm_sysinfo *rq = MSG_BODY(m, struct pm_sysinfo);
    uint32_t free_pages, total_pages;
    if (rq->what == PM_SI_KLOG)
        return klog(m->m_source, rq);
    if (rq->what == PM_SI_STAB || rq->what == PM_SI_ACCT)
        return stab(m->m_source, rq);
    if (rq->what == PM_SI_NOTE)
        return init_note(m->m_source, rq);
    if (rq->what == PM_SI_FI) {
        int kind = init_fi_take(m->m_source);
        rq->len = kind < 0 ? 0 : (uint32_t)kind;
        return kind < 0 ? kind : OK;
    }
    if (rq->what != PM_SI_MEM)
        return -EINVAL;
    if (sys_meminfo(&free_pages, &total_pages) != OK)
        return -EIO;
    rq->free_kib = free_pages * 4;
    rq->total_kib = total_pages * 4;
    return OK;
}

int do_shutdown(message *m)
{
    int how = MSG_BODY(m, struct pm_req)->status;
    if (how != PM_SD_POWEROFF && how != PM_SD_REBOOT)
        return -EINVAL;
    if (!pm_is_root(mp_caller(m->m_source)))
        return -EPERM;
    printf("pm: %s requested by pid %d\n", how == PM_SD_REBOOT ? "reboot" : "power off",
           mp_caller(m->m_source) ? mp_caller(m->m_source)->pid : -1);
    return sys_shutdown(how == PM_SD_REBOOT ? SD_REBOOT : SD_POWEROFF, 0);
}

/* The RS front end: pass a checked request on and RS's reply back. */
int do_service(message *m)
{
    struct pm_service *rq = MSG_BODY(m, struct pm_service);
    endpoint_t rs = sef_rs();
    message f;
    if (rq->rs_call < RS_UP || rq->rs_call > RS_FI)
        return -EINVAL;
    if (rq->rs_call != RS_LIST && !pm_is_root(mp_caller(m->m_source)))
        return -EPERM;                  /* anybody may look, only root may act */
    if (rq->rs_call == RS_FI && strncmp(rq->req.label, "init", sizeof(rq->req.label)) == 0)
        return init_fi(rq->req.kind);   /* init is PM's, not RS's */
    if (rs == NONE)
        return -ESRCH;
    memset(&f, 0, sizeof(f));
    f.m_type = rq->rs_call;
    if (rq->rs_call == RS_LIST)
        MSG_BODY(&f, struct rs_entry)->index = rq->index;
    else
        *MSG_BODY(&f, struct rs_req) = rq->req;
    if (ipc_call(rs, &f) != OK)
        return -EIO;
    memcpy(m->m.raw, f.m.raw, sizeof(m->m.raw));
    return f.m_type;
}

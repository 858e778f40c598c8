/*
 * stabilix.c - the Stabilix-specific calls of <stabilix.h> (ps, dmesg,
 * free, uptime, poweroff, reboot, service, stabilize), all through PM: ordinary
 * processes may not make kernel calls or talk to RS themselves.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "stabilix.h"

int sx_procs(struct sx_proc *out, int max, int flags)
{
    int n = 0;
    for (int slot = 0; slot < NR_PROCS && n < max; slot++) {
        message m;
        struct pm_proc *p = MSG_BODY(&m, struct pm_proc);
        int r;
        memset(&m, 0, sizeof(m));
        p->slot = slot;
        p->pages = (flags & SX_PAGES) != 0;
        r = __pm_call(PM_PROCINFO, &m);
        if (r == -ESRCH)
            break;                      /* no process from slot on */
        if (r < 0)
            return __err(r);
        if (p->slot < slot || p->slot >= NR_PROCS)
            return __err(-EIO);         /* PM's answer makes no sense */
        slot = p->slot;
        out[n].pid = p->pid;
        out[n].ppid = p->ppid;
        out[n].endpoint = p->ep;
        memcpy(out[n].name, p->name, sizeof(out[n].name));
        out[n].name[sizeof(out[n].name) - 1] = '\0';
        memcpy(out[n].state, p->state, sizeof(out[n].state));
        out[n].state[sizeof(out[n].state) - 1] = '\0';
        out[n].pages = p->pages;
        out[n].ticks = p->ticks;
        n++;
    }
    return n;
}

/* One PM_SYSINFO request that PM answers by writing into buf through a
 * grant; the length PM wrote, or a negative error. */
static int sysinfo_into(int what, uint32_t offset, void *buf, uint32_t size)
{
    message m;
    struct pm_sysinfo *s = MSG_BODY(&m, struct pm_sysinfo);
    int r;
    for (int tries = 0; tries < 3; tries++) {   /* reading twice is harmless */
        memset(&m, 0, sizeof(m));
        s->what = what;
        s->offset = offset;
        s->size = size;
        __pm_refresh();                 /* the grant names PM's current endpoint */
        s->grant = grant_create(__pm_ep, buf, size, GRANT_WRITE);
        if (s->grant < 0)
            return s->grant;
        r = __pm_call(PM_SYSINFO, &m);
        grant_revoke(s->grant);
        if (!ipc_dead(r))
            break;
    }
    return r < 0 ? r : (int)s->len;
}

int sx_klog(char *buf, int size, unsigned *offset)
{
    int n;
    if (size <= 0)
        return __err(-EINVAL);
    n = sysinfo_into(PM_SI_KLOG, *offset, buf, size > 4096 ? 4096 : (uint32_t)size);
    if (n < 0)
        return __err(n);
    *offset += (unsigned)n;
    return n;
}

int sx_meminfo(unsigned *free_kib, unsigned *total_kib)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sysinfo)->what = PM_SI_MEM;
    r = __pm_call(PM_SYSINFO, &m);
    if (r < 0)
        return __err(r);
    *free_kib = MSG_BODY(&m, struct pm_sysinfo)->free_kib;
    *total_kib = MSG_BODY(&m, struct pm_sysinfo)->total_kib;
    return 0;
}

long sx_uptime_ms(void)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = __pm_call(PM_TIME, &m);
    return r < 0 ? __err(r) : (long)MSG_BODY(&m, struct pm_time)->uptime_ms;
}

int sx_shutdown(int how)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_req)->status = how == SX_REBOOT ? PM_SD_REBOOT : PM_SD_POWEROFF;
    if (getuid() == 0)
        __unmount_all();                /* the disks clean before the power goes */
    r = __pm_call_once(PM_SHUTDOWN, &m);
    return __err(r < 0 ? r : -EIO);
}

static const char *state_name(int state)
{
    switch (state) {
    case RS_STATE_UP: return "up";
    case RS_STATE_DOWN: return "down";
    case RS_STATE_WAITING: return "restarting";
    case RS_STATE_FAILED: return "failed";
    default: return "?";
    }
}

int sx_service_list(struct sx_service *out, int max)
{
    int n = 0;
    for (int i = 0; n < max; i++) {
        message m;
        struct rs_entry *e = MSG_BODY(&m, struct rs_entry);
        int r;
        memset(&m, 0, sizeof(m));
        MSG_BODY(&m, struct pm_service)->rs_call = RS_LIST;
        MSG_BODY(&m, struct pm_service)->index = i;
        r = __pm_call_once(PM_SERVICE, &m);
        if (r == -ESRCH)
            break;
        if (r < 0)
            return __err(r);
        memcpy(out[n].label, e->label, sizeof(out[n].label));
        out[n].label[sizeof(out[n].label) - 1] = '\0';
        out[n].endpoint = e->ep;
        strcpy(out[n].state, state_name(e->state));
        out[n].restarts = e->restarts;
        memcpy(out[n].reason, e->reason, sizeof(out[n].reason));
        out[n].reason[sizeof(out[n].reason) - 1] = '\0';
        n++;
    }
    return n;
}

int sx_service_ctl(const char *cmd, const char *label, const char *arg)
{
    static const struct { const char *name; int call; } cmds[] = {
        { "up", RS_UP }, { "down", RS_DOWN }, { "restart", RS_RESTART }, { "fi", RS_FI },
    };
    static const struct { const char *name; int kind; } kinds[] = {
        { "crash", RS_FI_CRASH }, { "hang", RS_FI_HANG }, { "exception", RS_FI_EXCEPTION },
        { "corrupt", RS_FI_CORRUPT }, { "midway", RS_FI_MIDWAY },
    };
    message m;
    struct pm_service *s = MSG_BODY(&m, struct pm_service);
    int r;
    memset(&m, 0, sizeof(m));
    for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
        if (strcmp(cmd, cmds[i].name) == 0)
            s->rs_call = cmds[i].call;
    for (unsigned i = 0; arg && i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(arg, kinds[i].name) == 0)
            s->req.kind = kinds[i].kind;
    if (!s->rs_call || (s->rs_call == RS_FI && !s->req.kind) || strlen(label) >= sizeof(s->req.label))
        return __err(-EINVAL);
    strcpy(s->req.label, label);
    r = __pm_call_once(PM_SERVICE, &m);
    return r < 0 ? __err(r) : 0;
}

/* For init's SIGUSR1 handler: the fault `service fi init` asked for. */
const char *sx_fi_take(void)
{
    static const char *const names[] = {
        [RS_FI_CRASH] = "crash", [RS_FI_HANG] = "hang", [RS_FI_EXCEPTION] = "exception",
        [RS_FI_CORRUPT] = "corrupt",
    };
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sysinfo)->what = PM_SI_FI;
    if (__pm_call_once(PM_SYSINFO, &m) < 0)
        return NULL;
    uint32_t kind = MSG_BODY(&m, struct pm_sysinfo)->len;
    return kind >= RS_FI_CRASH && kind <= RS_FI_CORRUPT ? names[kind] : NULL;
}

int sx_note(int i, int set, int value)
{
    message m;
    struct pm_sysinfo *rq = MSG_BODY(&m, struct pm_sysinfo);
    int r;
    memset(&m, 0, sizeof(m));
    rq->what = PM_SI_NOTE;
    rq->offset = (uint32_t)i;
    rq->size = set != 0;
    rq->len = (uint32_t)value;
    if ((r = __pm_call(PM_SYSINFO, &m)) < 0)
        return __err(r);
    return (int)rq->len;
}

int sx_acct(struct sx_acct *out)
{
    struct sys_acct a = { 0 };
    int r = sysinfo_into(PM_SI_ACCT, 0, &a, sizeof(a));
    if (r < 0)
        return __err(r);
    out->tsc = a.tsc;
    out->boot = a.boot;
    out->irq = a.irq;
    out->check = a.check;
    out->nmi = a.nmi;
    out->check_max = a.check_max;
    out->check_runs = a.check_runs;
    out->sweep_ticks = a.sweep_ticks;
    return 0;
}

int sx_stab(struct sx_stab *out)
{
    static const char *const names[SC_NR] = SC_NAMES;
    struct sys_stab st = { 0 };
    int r = sysinfo_into(PM_SI_STAB, 0, &st, sizeof(st));
    if (r < 0)
        return __err(r);
    memset(out, 0, sizeof(*out));
    out->flags = st.flags;
    out->sweeps = st.sweeps;
    out->nmis = st.nmis;
    out->total = st.total;
    out->ncounters = SC_NR < SX_STAB_MAX ? SC_NR : SX_STAB_MAX;
    for (int i = 0; i < out->ncounters; i++) {
        strncpy(out->names[i], names[i], sizeof(out->names[i]) - 1);
        out->count[i] = st.count[i];
    }
    return 0;
}

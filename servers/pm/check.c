/*
 * check.c - PM checks its process table on every RS heartbeat, between
 * requests (sef.h, srv_table.check): first every entry against its second
 * copy (twin.h: a damaged entry is put back from its copy, or dropped
 * when its copy is damaged too, and its process is adopted again at its
 * next call; every handler marks the entries it changes, mp_touch, and
 * they are copied when the message is done, pm_settle), then the checks
 * a restarted PM applies to what it inherits (restart.c), then every
 * live entry's endpoint against the kernel's process table, the primary
 * source.  An entry whose
 * endpoint names no live process while its kernel slot holds a live
 * process that no entry has is that process with a damaged endpoint: the
 * endpoint is put right.  The death reports waiting in the kernel are
 * taken first; an entry whose process is gone after that had its report
 * lost (the kernel's queue was full, or PM did not make the process) and
 * ends as if killed, so its parent's waitpid is not left hanging.  The
 * same check
 * of one entry runs at once when PM meets an endpoint it has no entry for
 * (the entries in that kernel slot) or a reply finds its entry's endpoint
 * dead (mproc.c), so a damaged endpoint costs no death report and no
 * wake-up before the next heartbeat, and a death report of a process
 * that already ended costs no kernel call.  The
 * heartbeat also looks whether init hangs (init.c).
 * pm_corrupt, for `service fi pm corrupt`, damages one live entry's
 * endpoint (a sleeper's when there is one: it makes no call meanwhile).
 */
#include "pm.h"
#include "twin.h"

_Static_assert(sizeof(struct mproc) % 4 == 0, "twin_sum reads whole words");
static struct mproc copies[NR_MPROCS] STATE;
static uint32_t sums[NR_MPROCS] STATE;

static int entry_unused(const void *entry)
{
    return ((const struct mproc *)entry)->state == MP_FREE;
}

static const struct twin twin = {
    .what = "pm: self-check: process table", .table = mproc, .copy = copies, .sum = sums,
    .size = sizeof(struct mproc), .n = NR_MPROCS, .damaged = pm_entry_damaged,
    .unused = entry_unused,
};

static uint32_t touched[(NR_MPROCS + 31) / 32];    /* entries changed by this message */
static int any_touched;

void mp_touch(const struct mproc *mp)
{
    int i = (int)(mp - mproc);
    if (i < 0 || i >= NR_MPROCS)
        return;
    touched[i / 32] |= 1u << (i % 32);
    any_touched = 1;
}

/* srv_table.settle: a message is done; the entries it changed are copied. */
void pm_settle(void)
{
    if (!any_touched)
        return;
    for (int w = 0; w < (NR_MPROCS + 31) / 32; w++)
        for (int b = 0; touched[w]; b++)
            if (touched[w] & (1u << b)) {
                touched[w] &= ~(1u << b);
                twin_keep(&twin, w * 32 + b);
            }
    any_touched = 0;
}

void pm_twin_check(void)
{
    if (twin_check(&twin).dropped)
        memset(mp_slot_hint, 0, sizeof(mp_slot_hint));
}

static int has_entry(endpoint_t ep)
{
    for (int i = 0; i < NR_MPROCS; i++)
        if (mproc[i].state != MP_FREE && mproc[i].ep == ep)
            return 1;
    return 0;
}

/* The live endpoint in ep's kernel slot, or NONE. */
static endpoint_t in_slot(endpoint_t ep)
{
    struct sys_procinfo pi;
    if (ep < 0 || sys_procinfo(EP_SLOT(ep), &pi) != OK || (pi.flags & PI_FREE))
        return NONE;
    return pi.ep;
}

/* mp's endpoint names no live process while its kernel slot holds one
 * that no entry has: that process, with mp's endpoint damaged. */
static int mend(struct mproc *mp)
{
    endpoint_t live;
    if (mp->state != MP_ALIVE || (live = in_slot(mp->ep)) == NONE || live == mp->ep ||
        has_entry(live) || EP_SLOT(live) != EP_SLOT(mp->ep))
        return 0;
    printf("pm: self-check: pid %d had endpoint %d, the kernel says %d: repaired\n",
           mp->pid, mp->ep, live);
    mp->ep = live;
    mp_touch(mp);
    mp_slot_hint[EP_SLOT(live)] = 0;
    return 1;
}

int pm_check(void)
{
    int repaired = 0;
    static const char *said;
    const char *why;
    pm_twin_check();
    why = pm_table_check();
    if (why != said && why)
        printf("pm: self-check: %s\n", why);
    said = why;
    death_reports();
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mend(mp)) {
            repaired++;
        } else if (mp->state == MP_ALIVE && mp->ep != NONE && in_slot(mp->ep) != mp->ep) {
            if (mp->ppid)           /* adopted ones (services) have no report to lose */
                printf("pm: self-check: pid %d (%s) ended without a death report\n",
                       mp->pid, mp->name);
            vfs_exit(mp->ep);
            mp_ended(mp, PM_SIGKILL);
        }
    }
    return repaired;
}

struct mproc *pm_check_ep(endpoint_t ep)
{
    if (ep < 0 || EP_SLOT(ep) >= NR_PROCS)
        return 0;
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state == MP_ALIVE && mp->ep != ep && EP_SLOT(mp->ep) == EP_SLOT(ep) &&
            mend(mp) && mp->ep == ep)
            return mp;
    }
    return 0;
}

int pm_check_one(struct mproc *mp)
{
    return mend(mp);
}

void pm_selfcheck(void)
{
    pm_check();
    init_watch();
}

void pm_corrupt(void)
{
    struct mproc *pick = 0;
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        if (mp->state != MP_ALIVE || mp->pid == 1)
            continue;
        if (!pick || mp->blocked == PB_SLEEP)
            pick = mp;
    }
    if (!pick) {
        printf("pm: corrupt: no process to damage\n");
        return;
    }
    pick->ep = ENDPOINT((EP_GEN(pick->ep) + 1) & EP_GEN_MAX, EP_SLOT(pick->ep));
    mp_slot_hint[EP_SLOT(pick->ep)] = 0;
    printf("pm: corrupt: pid %d's endpoint changed to %d\n", pick->pid, pick->ep);
}

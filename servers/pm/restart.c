/*
 * restart.c - PM after its own restart.  The process table (mproc.c),
 * the next pid, the boot epoch (time.c) and the signal-retry flag live in
 * PM's state region (sef.h STATE), so a restarted PM inherits them.
 * Before it serves, pm_inherit checks every entry (a known state, a pid
 * in range and unique, a parent that exists, a NUL-terminated name; if one
 * fails, every damaged entry is put back from its second copy, check.c,
 * twin.h, and the entries are checked again) and
 * then the table against the kernel's, the primary source: an ALIVE entry
 * whose endpoint is no longer a live process ended while PM was away
 * (its death report is gone with the old PM's endpoint unless the kernel
 * handed it on), so it ends now, and its parent is told.
 *
 * Calls that were waiting in the old PM (wait, sleep, sigsuspend) failed
 * in their callers with ENOREPLY when it died; libc asks the new PM
 * again (lib/libc/pm_call.c), so every entry starts unblocked.  A sleep
 * keeps its wake-up tick (resume_wake): the repeat ends when the first
 * sleep would have, not a whole duration later.  The
 * kernel alarm for sleepers is set again.  A table that fails a check is
 * dropped: PM starts empty and adopts each process at its first call,
 * and says why.
 */
#include "pm.h"

const char *pm_entry_damaged(const void *entry)
{
    const struct mproc *mp = entry;
    if (mp->state == MP_FREE)
        return 0;
    if (mp->state != MP_ALIVE && mp->state != MP_ZOMBIE)
        return "an entry in no known state";
    if (mp->pid < 1 || mp->pid > 30000 || mp->ppid < 0 || mp->ppid > 30000)
        return "a pid out of range";
    if (strnlen(mp->name, sizeof(mp->name)) == sizeof(mp->name))
        return "a name without its NUL";
    if (mp->reaped_pid < 0 || mp->reaped_pid > 30000)
        return "a reaped child's pid out of range";
    if ((unsigned)mp->uid > PM_ID_MAX || (unsigned)mp->euid > PM_ID_MAX ||
        (unsigned)mp->gid > PM_ID_MAX || (unsigned)mp->egid > PM_ID_MAX)
        return "a user or group id out of range";
    if (mp->stopped && !sig_stops(mp->stopped))
        return "stopped by no stop signal";
    return 0;
}

const char *pm_table_check(void)
{
    for (int i = 0; i < NR_MPROCS; i++) {
        const char *why = pm_entry_damaged(&mproc[i]);
        if (why)
            return why;
        if (mproc[i].state == MP_FREE)
            continue;
        for (int j = i + 1; j < NR_MPROCS; j++)
            if (mproc[j].state != MP_FREE && mproc[j].pid == mproc[i].pid)
                return "two entries with one pid";
    }
    return 0;
}

/* Is ep still the live process in its kernel slot? */
static int alive(endpoint_t ep)
{
    struct sys_procinfo pi;
    return ep >= 0 && sys_procinfo(EP_SLOT(ep), &pi) == OK && pi.ep == ep &&
           !(pi.flags & PI_FREE);
}

int pm_inherit(const struct sef_init *info)
{
    const char *why = !info->state_pages ? "nothing was kept" : pm_table_check();
    int kept = 0, ended = 0;
    if (why && info->state_pages) {     /* the copies only when needed: a restart is timed */
        pm_twin_check();
        why = pm_table_check();
    }
    if (why) {
        memset(mproc, 0, sizeof(mproc));
        memset(mp_slot_hint, 0, sizeof(mp_slot_hint));
        retry_pending = 0;
        printf("pm: restarted (%d restarts): the process table starts empty (%s)\n",
               info->restarts, why);
        return 0;
    }
    for (int i = 0; i < NR_MPROCS; i++) {
        struct mproc *mp = &mproc[i];
        mp->resume_wake = mp->blocked == PB_SLEEP ? mp->wake_at : 0;
        mp->blocked = PB_NONE;
        if (mp->state != MP_FREE)
            mp_touch(mp);
        if (mp->state != MP_ALIVE)
            continue;
        if (alive(mp->ep)) {
            kept++;
            continue;
        }
        mp_ended(mp, PM_SIGKILL);       /* its end was not seen: as if killed */
        ended++;
    }
    memset(mp_slot_hint, 0, sizeof(mp_slot_hint));
    arm();
    printf("pm: restarted (%d restarts): %d processes kept, %d had ended\n",
           info->restarts, kept, ended);
    return 1;
}

/*
 * init.c - PM's care of init (pid 1): starting it, starting it again when
 * it dies, seeing that it hangs, and the faults `service fi init` asks for.
 *
 * init is the one user process whose failure the rest of the system must
 * survive by itself: it reaps orphans and starts the shells again.  So:
 *  - dead (a signal, a CPU exception, an exit: init never exits of its
 *    own will): init_died starts it again as pid 1; the old one's
 *    children are its own and it finds its shells (user/bin/init.c).
 *    Deaths within a second of the last start count in a row; after 5
 *    init is left dead.
 *  - hung: init spends its life blocked in PM (wait, sleep, sigsuspend).
 *    init_watch, on PM's self-check, kills an init that has been seen
 *    outside PM for INIT_HUNG ticks in a row; init_died takes it from
 *    there.
 *    A restart is timed from the death report to the new init's first
 *    blocking wait (init_serving): its shells found, it reaps again.
 *  - its notes (init_note): a few numbers init keeps here (a shell's pid
 *    per terminal), kept across its restarts and PM's; hints only: the
 *    new init checks each against its own children before it trusts it.
 *  - a fault asked for (init_fi): PM keeps the kind and sends SIGUSR1;
 *    init's handler takes the kind with PM_SI_FI and makes the fault
 *    itself, as a server does for RS_FI_REQ.
 */
#include "pm.h"

#define INIT_HUNG 500                   /* ticks outside PM: 5 s */

static int fi_kind;                     /* RS_FI_*: asked, not yet taken */
static int notes[PM_NOTES] STATE;       /* init's own: a pid per terminal, a hint */
static uint64_t died_us, started_us;    /* the restart being timed; 0: none */

void start_init(int pid)
{
    char file[40] = "/bin/init";
    endpoint_t vfs;
    int r;
    sys_getarg("init", file, sizeof(file));
    if (sys_lookup("vfs", &vfs) != OK) {
        printf("pm: no vfs: no init\n");
        return;
    }
    if ((r = exec_init(file, pid)) < 0)
        printf("pm: cannot start %s: %s\n", file, errname(r));
}

void init_died(int status)
{
    static uint32_t last;
    static int quick;
    uint32_t now = sys_uptime();
    char how[24];
    if (status & 0x7f)
        fmt_snprintf(how, sizeof(how), "signal %d", status & 0x7f);
    else
        fmt_snprintf(how, sizeof(how), "exit %d", (status >> 8) & 0xff);
    quick = last && now - last < 100 ? quick + 1 : 0;
    last = now;
    if (quick >= 5) {
        printf("pm: init keeps dying (%s); not started again\n", how);
        return;
    }
    printf("pm: init died (%s); starting it again as pid 1\n", how);
    died_us = sys_uptime_us();
    start_init(1);
    started_us = sys_uptime_us();
}

void init_serving(void)
{
    uint64_t now = sys_uptime_us(), us = now - died_us;
    if (!died_us)
        return;
    printf("pm: init serving again %u.%03u ms after it died (exec %u us, its own start %u us)\n",
           (unsigned)(us / 1000), (unsigned)(us % 1000), (unsigned)(started_us - died_us),
           (unsigned)(now - started_us));
    died_us = 0;
}

int init_alive(void)
{
    struct sys_procinfo pi;
    for (int slot = 0; slot < NR_PROCS; slot++)
        if (sys_procinfo(slot, &pi) == OK && !(pi.flags & PI_FREE) &&
            strncmp(pi.name, "init", sizeof(pi.name)) == 0)
            return 1;
    return 0;
}

void init_watch(void)
{
    static uint32_t outside_since;
    struct mproc *init = mp_by_pid(1);
    uint32_t now = sys_uptime();
    if (!init || init->state != MP_ALIVE || init->blocked != PB_NONE) {
        outside_since = 0;
        return;
    }
    if (!outside_since) {
        outside_since = now;
        return;
    }
    if (now - outside_since < INIT_HUNG)
        return;
    printf("pm: init has not come back to PM for %u ms: hung; killing it\n",
           (now - outside_since) * 10);
    outside_since = 0;
    sig_send(init, PM_SIGKILL);
}

int init_fi(int kind)
{
    struct mproc *init = mp_by_pid(1);
    if (kind < RS_FI_CRASH || kind > RS_FI_CORRUPT)
        return -EINVAL;
    if (!init || init->state != MP_ALIVE)
        return -ESRCH;
    if (init->sig_handler[PM_SIGUSR1] <= PM_SIG_IGN)
        return -ENOSYS;                 /* this init takes no fault requests */
    fi_kind = kind;
    sig_send(init, PM_SIGUSR1);
    return OK;
}

int init_fi_take(endpoint_t who)
{
    struct mproc *mp = mp_caller(who);
    int kind = fi_kind;
    if (!mp || mp->pid != 1)
        return -EPERM;
    fi_kind = 0;
    return kind;
}

int init_note(endpoint_t who, struct pm_sysinfo *rq)
{
    struct mproc *mp = mp_caller(who);
    if (!mp || mp->pid != 1)
        return -EPERM;
    if (rq->offset >= PM_NOTES || rq->size > 1 || (rq->size && rq->len > 30000))
        return -EINVAL;
    if (rq->size)
        notes[rq->offset] = (int)rq->len;
    rq->len = notes[rq->offset] > 0 && notes[rq->offset] <= 30000 ? (uint32_t)notes[rq->offset] : 0;
    return OK;
}

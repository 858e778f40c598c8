/*
 * ksig.c - death reports for supervisors.
 *
 * When a process ends, a record (who, why, status/vector, EIP, CR2) is
 * queued for its supervisor, which gets a SYSEV_KSIG notification and
 * fetches the records with sys_getksig.  The queue is bounded; when it is
 * full a record is dropped and counted (never silently: the count is
 * logged): the oldest about an ordinary user process, so that a flood of
 * user deaths never pushes out a service's report that RS needs (PM
 * finds a user death whose report was lost by its own check); only
 * when all are about services, the oldest.  A death is logged unless it is a clean
 * exit or a kill by the supervisor itself (which knows why).
 */
#include "kernel.h"
#include "proc.h"

#define NR_KSIG NR_PROCS

struct ksig {
    endpoint_t sup;
    int user;                   /* about an ordinary user process */
    struct sys_getksig rec;
};

static struct ksig ring[NR_KSIG];
static uint32_t head, count, dropped;

static const char *reason_name(int reason)
{
    switch (reason) {
    case KSIG_EXIT: return "exited";
    case KSIG_EXCEPTION: return "exception";
    default: return "killed";
    }
}

/* Remove the i-th queued record (0: the oldest). */
static void drop(uint32_t i)
{
    for (uint32_t j = i; j + 1 < count; j++)
        ring[(head + j) % NR_KSIG] = ring[(head + j + 1) % NR_KSIG];
    count--;
}

/* Which record goes when the queue is full: the oldest about a user
 * process, else the oldest. */
static uint32_t victim(void)
{
    for (uint32_t i = 0; i < count; i++)
        if (ring[(head + i) % NR_KSIG].user)
            return i;
    return 0;
}

void ksig_report(struct proc *p, int reason, int status)
{
    struct proc *sup;
    struct ksig *k;
    int by_supervisor = reason == KSIG_KILLED && current && current->endpoint == p->supervisor;
    if ((reason != KSIG_EXIT || status != 0) && !by_supervisor)
        kprintf("kernel: %s (ep %d) %s, status %d\n", p->name, p->endpoint,
                reason_name(reason), status);
    if (p->supervisor == NONE)
        return;
    if (count == NR_KSIG) {
        drop(victim());
        kprintf("kernel: death report queue full, %u dropped\n", ++dropped);
    }
    k = &ring[(head + count++) % NR_KSIG];
    memset(k, 0, sizeof(*k));
    k->sup = p->supervisor;
    k->user = p->priv == &priv_table[USER_PRIV];
    k->rec.ep = p->endpoint;
    k->rec.reason = reason;
    k->rec.status = status;
    k->rec.vector = reason == KSIG_EXCEPTION ? p->regs.vector : 0;
    k->rec.eip = p->regs.eip;
    k->rec.cr2 = p->fault_addr;
    strlcpy(k->rec.label, p->name, sizeof(k->rec.label));
    if (ep_lookup(p->supervisor, &sup) == OK)
        kernel_notify(sup, SYSTEM, SYSEV_KSIG);
    /* else the supervisor is restarting: its successor gets the report
     * (keep.c, ksig_rehome) */
}

/* Take the oldest record for supervisor 'sup'; -ESRCH when none. */
int ksig_next(endpoint_t sup, struct sys_getksig *out)
{
    for (uint32_t i = 0; i < count; i++) {
        struct ksig *k = &ring[(head + i) % NR_KSIG];
        if (k->sup != sup)
            continue;
        *out = k->rec;
        drop(i);
        return OK;
    }
    return -ESRCH;
}

/* A supervisor (RS, PM, any service) was restarted: its reports and
 * children now belong to the new instance. */
void ksig_rehome(endpoint_t old_sup, endpoint_t new_sup)
{
    struct proc *sup;
    int any = 0;
    for (uint32_t i = 0; i < count; i++) {
        struct ksig *k = &ring[(head + i) % NR_KSIG];
        if (k->sup == old_sup) {
            k->sup = new_sup;
            any = 1;
        }
    }
    for (int i = 0; i < NR_PROCS; i++)
        if (!(proc_table[i].flags & P_FREE) && proc_table[i].supervisor == old_sup) {
            proc_table[i].supervisor = new_sup;
            ident_save(&proc_table[i]);
        }
    if (any && ep_lookup(new_sup, &sup) == OK)
        kernel_notify(sup, SYSTEM, SYSEV_KSIG);
}

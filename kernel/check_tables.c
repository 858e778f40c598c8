/*
 * check_tables.c - predicates and repairs for grants, alarms and the
 * privilege table.
 *
 * Grants: a used entry (seq != 0) has READ and/or WRITE access (and
 * maybe FORWARD), a non-empty length, its buffer (or a forwarding
 * grant's struct grant_fwd) inside user space without overflow, a
 * grantee that is an endpoint; otherwise it is revoked (a copy through it then fails,
 * it never reaches the wrong memory).  Alarms: the clock's next_alarm is
 * not later than any pending alarm (clock_alarm_set lowers it).
 * Privileges: id = index, priority and quantum in range, range counts
 * within their arrays; a bad field is reset to a safe value.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"

uint32_t clock_next_alarm(void);

static int grant_ok(const struct grant *g)
{
    uint32_t span = g->access & GRANT_FORWARD ? (uint32_t)sizeof(struct grant_fwd) : g->len;
    return (g->access & ~(uint32_t)(GRANT_READ | GRANT_WRITE | GRANT_FORWARD)) == 0 &&
           (g->access & (GRANT_READ | GRANT_WRITE)) && g->len &&
           g->addr >= USER_BASE && g->addr + span - 1 >= g->addr && g->grantee >= 0;
}

int check_grants(struct proc *p)
{
    int n = 0;
    for (int i = 0; i < NR_GRANTS; i++) {
        struct grant *g = &p->grants[i];
        if (g->seq && !grant_ok(g)) {
            stab_repair(SC_PROC, "%s: grant %d (addr %08x len %u access %u) revoked",
                        p->name, i, g->addr, g->len, g->access);
            memset(g, 0, sizeof(*g));
            n++;
        }
    }
    return n;
}

int check_timers(void)
{
    uint32_t first = 0, next = clock_next_alarm();
    if (!stab_on(STAB_CHECK))
        return 0;
    for (int i = 0; i < NR_PROCS; i++) {
        uint32_t at = proc_table[i].alarm_at;
        if (!(proc_table[i].flags & P_FREE) && at && (!first || at < first))
            first = at;
    }
    if (!first || (next && next <= first))
        return 0;
    stab_repair(SC_TIMER, "next alarm was tick %u, one is due at %u", next, first);
    clock_alarm_set(first);
    return 1;
}

int check_privs(void)
{
    int n = 0;
    if (!stab_on(STAB_CHECK) || nprivs < 1 || nprivs > NR_PRIVS)
        return 0;
    for (int i = 0; i < nprivs; i++) {         /* unused entries: nobody's */
        struct priv *pv = &priv_table[i];
        if (pv->id == i && pv->priority >= 0 && pv->priority < NR_SCHED_Q &&
            pv->quantum > 0 && pv->quantum <= 10 * HZ && pv->nio >= 0 &&
            pv->nio <= PC_MAX_IO && pv->nmem >= 0 && pv->nmem <= PC_MAX_MEM)
            continue;
        stab_repair(SC_PRIV, "entry %d (id %d prio %d quantum %d)", i, pv->id,
                    pv->priority, pv->quantum);
        pv->id = i;
        if (pv->priority < 0 || pv->priority >= NR_SCHED_Q)
            pv->priority = NR_SCHED_Q - 1;
        if (pv->quantum <= 0 || pv->quantum > 10 * HZ)
            pv->quantum = 8;
        if (pv->nio < 0 || pv->nio > PC_MAX_IO)
            pv->nio = 0;                /* fewer rights, never more */
        if (pv->nmem < 0 || pv->nmem > PC_MAX_MEM)
            pv->nmem = 0;
        pv->label[PC_LABEL - 1] = '\0';
        n++;
    }
    return n;
}

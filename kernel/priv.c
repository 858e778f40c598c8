/*
 * priv.c - privileges (least authority), built at boot from the service
 * descriptions (lib/common/privconf.c) and enforced here:
 *   - IPC targets: a bitmap of privilege ids per privilege;
 *   - kernel calls: a bitmap per privilege (system.c checks it);
 *   - I/O ports: the TSS I/O bitmap, rewritten for the process that runs
 *     (only the ranges of the old and new privilege are touched);
 *   - IRQ lines and device memory: checked by irqctl and mapdev.
 * Privilege id 0 is "user": ordinary processes may talk to pm, vfs and
 * inet only and make no kernel calls.  A violation is logged and answered
 * with ECALLDENIED.
 */
#include "kernel.h"
#include "proc.h"

struct priv priv_table[NR_PRIVS];
int nprivs;                         /* entries in use: 0 (user) .. nprivs-1 */
const struct priv *io_loaded;      /* whose ports the TSS bitmap allows; NULL: none */

/* What tss.iomap_base must be while 'running' runs (reloading its ports
 * if the bitmap holds somebody else's). */
uint16_t io_bitmap_expected(const struct proc *running)
{
    if (!running->priv->nio)
        return IOMAP_NONE;
    if (running->priv != io_loaded)
        io_bitmap_switch(running->priv);
    return IOMAP_ON;
}

struct priv *priv_by_label(const char *label)
{
    for (int i = 0; i < nprivs; i++)
        if (strcmp(priv_table[i].label, label) == 0)
            return &priv_table[i];
    return 0;
}

static void grant_ipc(struct priv *pv, const char *target)
{
    struct priv *t = priv_by_label(target);
    if (t)
        pv->ipc_to[t->id >> 5] |= 1u << (t->id & 31);
}

static void from_service(struct priv *pv, const struct pc_service *s)
{
    strlcpy(pv->label, s->label, sizeof(pv->label));
    pv->calls = s->calls;
    pv->irqs = s->irqs;
    pv->nio = s->nio;
    pv->nmem = s->nmem;
    memcpy(pv->io, s->io, sizeof(pv->io));
    memcpy(pv->mem, s->mem, sizeof(pv->mem));
    pv->priority = s->priority;
    pv->quantum = s->quantum;
}

void priv_boot(const struct privconf *pc)
{
    struct priv *user = &priv_table[USER_PRIV];
    strlcpy(user->label, "user", sizeof(user->label));
    user->priority = PC_NR_PRIO - 1;
    user->quantum = 10;
    user->calls = 1u << (SYS_GETINFO - SYS_BASE);  /* a few facts only (do_getinfo.c: user_may) */
    nprivs = 1;
    for (int i = 0; i < pc->nsvc; i++) {
        priv_table[nprivs].id = nprivs;
        from_service(&priv_table[nprivs], &pc->svc[i]);
        nprivs++;
    }
    grant_ipc(user, "pm");
    grant_ipc(user, "vfs");
    grant_ipc(user, "inet");
    for (int i = 0; i < pc->nsvc; i++) {
        struct priv *pv = &priv_table[i + 1];
        const struct pc_service *s = &pc->svc[i];
        if (s->ipc_all)
            pv->ipc_to[0] = pv->ipc_to[1] = ~0u;
        for (int j = 0; j < s->nipc; j++)
            grant_ipc(pv, s->ipc[j]);
    }
}

/* A denial is logged, at most DENIALS_PER_S a second: a program that
 * tries a million forbidden calls must not fill the serial log (or spend
 * the machine's time on it).  The ones left out are counted in the next
 * line that is logged. */
#define DENIALS_PER_S 8

int priv_denied(struct proc *p, const char *what, uint32_t detail)
{
    static uint32_t second, logged, unsaid;
    if (ticks / HZ != second) {
        second = ticks / HZ;
        logged = 0;
    }
    if (logged >= DENIALS_PER_S) {
        unsaid++;
        return -ECALLDENIED;
    }
    logged++;
    if (unsaid)
        kprintf("kernel: denied: %u more not logged\n", unsaid);
    unsaid = 0;
    kprintf("kernel: denied: %s (ep %d) %s %d (0x%x)\n", p->name,
            p->endpoint, what, (int)detail, detail);
    return -ECALLDENIED;
}

int io_allowed(const struct priv *pv, uint32_t port, uint32_t size)
{
    for (int i = 0; i < pv->nio; i++)
        if (port >= pv->io[i].base && port + size - 1 <= pv->io[i].last)
            return 1;
    return 0;
}

static void io_ranges(const struct priv *pv, int allow)
{
    for (int i = 0; pv && i < pv->nio; i++)
        for (uint32_t port = pv->io[i].base; port <= pv->io[i].last &&
             port < IOMAP_BYTES * 8; port++) {
            if (allow)
                tss.iomap[port / 8] &= (uint8_t)~(1u << (port % 8));
            else
                tss.iomap[port / 8] |= (uint8_t)(1u << (port % 8));
        }
}

/* Make the TSS I/O bitmap allow exactly pv's ports (io_bitmap_load in
 * proc.h calls this only when another owner's ports are loaded). */
void io_bitmap_switch(const struct priv *pv)
{
    io_ranges(io_loaded, 0);
    io_ranges(pv, 1);
    io_loaded = pv;
}

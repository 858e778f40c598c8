/*
 * check_proc.c - predicates and repairs for the process table and the
 * state derived from it.
 *
 * Primary state of a live slot: flags, gen, priv, pgdir, saved registers.
 * A slot whose primary state is impossible (unknown flag bits, a privilege
 * or page directory pointer outside its table, a saved EIP outside its own
 * text) cannot be repaired: it is killed and its supervisor notified.
 * Fixable fields (slot, endpoint, priority, quantum, selectors, EFLAGS) are
 * reset; bad grants revoked (check_tables.c).  Derived state is recomputed: the run queues from the flags
 * (check_runq), the caller queues from sendto (check_ipc), the kernel part
 * of every page directory from the kernel's (check_pgdirs).
 * Every walk is bounded by NR_PROCS and checks each pointer before use.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"

#define P_IPC (P_SENDING | P_RECEIVING | P_CALLING)
#define P_ALL (P_IPC | P_STOPPED)
#define EFLAGS_OK 0x00250dd5u       /* CF PF AF ZF SF TF DF OF, AC, ID; never IOPL, NT, VM */


static int live(const struct proc *p)
{
    return is_proc(p) && !(p->flags & P_FREE);
}

static int pgdir_ok(const uint32_t *pd)
{
    return pd && ((uint32_t)pd & 0xfff) == 0 && (uint32_t)pd < kernel_mem_top;
}

static void rebuild_queues(void);

/* End a slot that cannot be repaired; its supervisor gets a death report.
 * Its identity comes back from its checked copy first (ident.c), so the
 * report names it and reaches its supervisor, and a service keeps its
 * state region.  Nothing of the slot's own is trusted on the way out:
 * it leaves the run queues and caller queues by no link of its own: they
 * are rebuilt from the other processes' states after. */
static void stab_kill(struct proc *p, const char *why)
{
    int known = ident_restore(p);
    p->slot = (int)(p - proc_table);
    if (!known)
        p->pgdir = 0;                   /* not known to be its own: a new one (the
                                           frame checker frees what it leaves) */
    p->name[sizeof(p->name) - 1] = '\0';
    for (size_t i = 0; !known && p->name[i]; i++)
        if ((unsigned char)p->name[i] < 0x20 || (unsigned char)p->name[i] >= 0x7f)
            p->name[i] = '?';           /* garbage goes into the log as '?' */
    stab_repair(SC_KILLED, "%s (slot %d): %s; killed%s", p->name, p->slot, why,
                known ? "" : " (its identity is lost too)");
    if (!is_priv(p->priv))
        p->priv = &priv_table[USER_PRIV];
    if (!pgdir_ok(p->pgdir) && !(p->pgdir = as_create())) {
        p->flags = P_FREE;              /* no memory even for that: just free it */
        ident_clear((int)(p - proc_table));
        rebuild_queues();
        return;
    }
    if (!is_proc(p->callers))
        p->callers = 0;
    if (p->gen == 0 || p->gen > EP_GEN_MAX)
        p->gen = 1;
    if (!known)
        p->endpoint = ENDPOINT(p->gen, p->slot);
    p->next_ready = p->next_caller = 0;
    p->flags = P_RECEIVING;             /* proc_exit walks no queue by its links */
    p->getfrom = NONE;
    proc_exit(p, KSIG_KILLED, 0);
    rebuild_queues();                   /* the queues it was on, from the states */
    check_ipc();
}

/* Code runs from the program's pages: mapped for the user, below the
 * stack area (nothing executes from the stack: signal handlers return
 * through libc's restorer). */
static int user_text(struct proc *p, uint32_t va)
{
    uint32_t *pte;
    if (va < USER_BASE || va >= USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE ||
        !(p->pgdir[PDX(va)] & PTE_P) ||
        (p->pgdir[PDX(va)] & ~0xfffu) >= kernel_mem_top)
        return 0;
    pte = as_pte(p->pgdir, va);
    return pte && (*pte & (PTE_P | PTE_U)) == (PTE_P | PTE_U);
}

static int fix_regs(struct proc *p)
{
    struct trapframe *r = &p->regs;
    int bad = r->cs != UCODE_SEL || r->ss != UDATA_SEL ||
              (r->eflags & ~EFLAGS_OK) != EFLAGS_USER;
    uint32_t *seg[4] = { &r->ds, &r->es, &r->fs, &r->gs };
    for (int i = 0; i < 4; i++)
        bad |= *seg[i] != UDATA_SEL && *seg[i] != 0;
    if (!bad)
        return 0;
    stab_repair(SC_PROC, "%s: cs=%x ss=%x eflags=%x", p->name, r->cs, r->ss, r->eflags);
    r->cs = UCODE_SEL;
    r->ss = UDATA_SEL;
    for (int i = 0; i < 4; i++)
        if (*seg[i] != 0)
            *seg[i] = UDATA_SEL;
    r->eflags = (r->eflags & EFLAGS_OK) | EFLAGS_USER;
    return 1;
}

static int fix_fields(struct proc *p, int i)
{
    int n = 0;
    if (p->slot != i || p->gen == 0 || p->gen > EP_GEN_MAX ||
        p->endpoint != ENDPOINT(p->gen, i)) {
        stab_repair(SC_PROC, "slot %d: slot=%d gen=%u ep=%d", i, p->slot, p->gen, p->endpoint);
        p->slot = i;
        if (EP_SLOT(p->endpoint) == i && EP_GEN(p->endpoint) >= 1 && EP_GEN(p->endpoint) <= EP_GEN_MAX)
            p->gen = EP_GEN(p->endpoint);   /* keep the name others hold */
        else if (p->gen == 0 || p->gen > EP_GEN_MAX)
            p->gen = 1;
        p->endpoint = ENDPOINT(p->gen, i);
        n++;
    }
    if (p->priority < 0 || p->priority >= NR_SCHED_Q ||
        p->ticks_left < 0 || p->ticks_left > p->priv->quantum) {
        stab_repair(SC_PROC, "%s: priority %d, ticks %d", p->name, p->priority, p->ticks_left);
        if (p->priority < 0 || p->priority >= NR_SCHED_Q)
            p->priority = p->priv->priority >= 0 && p->priv->priority < NR_SCHED_Q ?
                          p->priv->priority : NR_SCHED_Q - 1;
        p->ticks_left = p->priv->quantum;
        n++;
    }
    return n + fix_regs(p);
}

static int check_slot(struct proc *p, int i)
{
    if (p->flags & P_FREE) {
        if (p->flags != P_FREE && ident_saved(i)) {
            stab_kill(p, "a live process's slot marked free");
            return 1;
        }
        if (p->flags != P_FREE || p->slot != i) {
            stab_repair(SC_PROC, "free slot %d: flags %x", i, p->flags);
            p->flags = P_FREE;
            p->slot = i;
            return 1;
        }
        return 0;
    }
    if ((p->flags & ~P_ALL) || ((p->flags & P_CALLING) && !(p->flags & P_RECEIVING))) {
        stab_kill(p, "impossible state");
        return 1;
    }
    if (!is_priv(p->priv) || !pgdir_ok(p->pgdir)) {
        stab_kill(p, "privilege or page directory pointer out of range");
        return 1;
    }
    if ((p->flags & P_STOPPED) && p->priv != &priv_table[USER_PRIV]) {
        stab_repair(SC_PROC, "%s: a service marked stopped", p->name);
        p->flags &= ~P_STOPPED;         /* only PM stops, and only user processes */
        if (!p->flags)
            ready(p);
        return 1;
    }
    if (!user_text(p, p->regs.eip) || p->regs.esp < USER_BASE) {
        stab_kill(p, "saved eip/esp outside its own regions");
        return 1;
    }
    return fix_fields(p, i) + check_grants(p);
}

int check_procs(int first, int n)
{
    int r = 0;
    if (!stab_on(STAB_CHECK))
        return 0;
    for (int i = first; i < first + n && i < NR_PROCS; i++)
        r += check_slot(&proc_table[i], i);
    return r;
}

/* Walk queue q: is it exactly the runnable processes of priority q, each
 * once, tail and bit right?  'seen' collects them. */
static int queue_ok(int q, uint32_t *seen)
{
    struct proc *p = rq_head[q], *last = 0;
    for (int n = 0; p; n++, p = p->next_ready) {
        if (n >= NR_PROCS || !live(p) || p->flags || p->priority != q ||
            (seen[p->slot / 32] >> (p->slot % 32) & 1))
            return 0;
        seen[p->slot / 32] |= 1u << (p->slot % 32);
        last = p;
    }
    return rq_tail[q] == last && !!(rq_nonempty & (1u << q)) == !!last;
}

static void rebuild_queues(void)
{
    for (int q = 0; q < NR_SCHED_Q; q++)
        rq_head[q] = rq_tail[q] = 0;
    rq_nonempty = 0;
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if (!(p->flags & P_FREE) && !p->flags)
            ready(p);
    }
}

int check_runq(void)
{
    uint32_t seen[NOTIFY_WORDS] = { 0 };
    int ok = 1;
    if (!stab_on(STAB_CHECK))
        return 0;
    if (current && !live(current)) {
        stab_repair(SC_RUNQ, "current pointed at %08x", (uint32_t)current);
        current = 0;
    }
    for (int q = 0; q < NR_SCHED_Q && ok; q++)
        ok = queue_ok(q, seen);
    for (int i = 0; i < NR_PROCS && ok; i++)
        ok = (proc_table[i].flags != 0) || (seen[i / 32] >> (i % 32) & 1);
    if (ok)
        return 0;
    stab_repair(SC_RUNQ, "ready queues rebuilt from the process states");
    rebuild_queues();
    return 1;
}

static void wake_dead(struct proc *p)
{
    stab_repair(SC_IPC, "%s was blocked on a dead endpoint", p->name);
    p->flags &= ~P_IPC;
    p->regs.eax = (uint32_t)-EDEADSRCDST;
    if (!p->flags)
        ready(p);
}

/* Keep the valid prefix-ordered members of o's caller queue. */
static int clean_callers(struct proc *o, uint32_t *seen)
{
    struct proc *keep[NR_PROCS], *p = o->callers;
    int k = 0, changed = 0;
    for (int n = 0; p; n++, p = p->next_caller) {
        if (n >= NR_PROCS || !is_proc(p)) {
            changed = 1;
            break;
        }
        if ((p->flags & P_FREE) || !(p->flags & P_SENDING) || p->sendto != o->endpoint ||
            (seen[p->slot / 32] >> (p->slot % 32) & 1)) {
            changed = 1;
            continue;
        }
        seen[p->slot / 32] |= 1u << (p->slot % 32);
        keep[k++] = p;
    }
    if (!changed)
        return 0;
    stab_repair(SC_IPC, "caller queue of %s rebuilt", o->name);
    o->callers = k ? keep[0] : 0;
    for (int i = 0; i < k; i++)
        keep[i]->next_caller = i + 1 < k ? keep[i + 1] : 0;
    return 1;
}

static void append_caller(struct proc *dst, struct proc *p)
{
    struct proc **q = &dst->callers;
    while (*q)
        q = &(*q)->next_caller;
    p->next_caller = 0;
    *q = p;
}

int check_ipc(void)
{
    uint32_t seen[NOTIFY_WORDS] = { 0 };
    int n = 0;
    if (!stab_on(STAB_CHECK))
        return 0;
    for (int i = 0; i < NR_PROCS; i++)
        if (!(proc_table[i].flags & P_FREE))
            n += clean_callers(&proc_table[i], seen);
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i], *dst;
        if (p->flags & P_FREE)
            continue;
        if ((p->flags & P_SENDING) && !(seen[i / 32] >> (i % 32) & 1)) {
            if (ep_lookup(p->sendto, &dst) == OK && dst != p) {
                stab_repair(SC_IPC, "%s put back on the caller queue of %s", p->name, dst->name);
                append_caller(dst, p);
            } else {
                wake_dead(p);
            }
            n++;
        } else if ((p->flags & (P_SENDING | P_RECEIVING)) == P_RECEIVING && p->getfrom >= 0 &&
                   ep_lookup(p->getfrom, &dst) != OK) {
            wake_dead(p);
            n++;
        }
    }
    return n;
}

static int kernel_part_ok(const uint32_t *pd)
{
    for (uint32_t i = 0; i < PDX(KERNEL_LIMIT); i++)
        if ((pd[i] ^ kernel_pgdir[i]) & ~PTE_AD)
            return 0;
    return 1;
}

/* The kernel part of every page directory equals the kernel's, which
 * equals what paging_init made (kpde_template). */
int check_pgdirs(int first, int n)
{
    int r = 0;
    if (!stab_on(STAB_CHECK))
        return 0;
    if (first == 0)
        r += check_kernel_pgdir();
    for (int i = first; i < first + n && i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if ((p->flags & P_FREE) || !pgdir_ok(p->pgdir) || kernel_part_ok(p->pgdir))
            continue;
        stab_repair(SC_PGDIR, "kernel part of %s's page directory", p->name);
        memcpy(p->pgdir, kernel_pgdir, PDX(KERNEL_LIMIT) * 4);
        r++;
    }
    return r;
}

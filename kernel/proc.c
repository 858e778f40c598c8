/*
 * proc.c - the process table: endpoint lookup, creating a process from an
 * ELF image, and ending one (exit, kill, exception).
 *
 * Invariants: proc_table[i].slot == i; a free slot has P_FREE set and
 * keeps its generation, which proc_exit advances so that the slot's old
 * endpoint becomes stale; when the generations wrap, no grant names the
 * slot any more.  The kernel supervises RS: when RS ends, it is
 * started again from its boot module (boot.c).
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"
#include "elf.h"
#include "stabilize.h"

struct proc proc_table[NR_PROCS];

static int next_free;         /* where the search for a free slot starts */
static uint32_t gen_limit;    /* the last generation before a wrap */

/* EP_GEN_MAX, or with test hooks "epgenmax=N": tests make generations
 * wrap after a few exits to see that an old endpoint buys nothing. */
static uint32_t read_gen_limit(void)
{
    char v[12];
    uint32_t n = 0;
    if (!stab_on(STAB_HOOKS) || cmdline_get("epgenmax", v, sizeof(v)) <= 0)
        return EP_GEN_MAX;
    for (const char *c = v; *c >= '0' && *c <= '9'; c++)
        n = n * 10 + (uint32_t)(*c - '0');
    return n >= 2 && n <= EP_GEN_MAX ? n : EP_GEN_MAX;
}

void proc_init(void)
{
    gen_limit = read_gen_limit();
    for (int i = 0; i < NR_PROCS; i++) {
        memset(&proc_table[i], 0, sizeof(proc_table[i]));
        proc_table[i].slot = i;
        proc_table[i].flags = P_FREE;
        proc_table[i].gen = 1;
    }
}

/* A service (not an ordinary user process) by its label.  A user process
 * may be given any name (ln /bin/sleep /tmp/vfs): never a service's
 * identity, so it is never found here. */
struct proc *proc_by_label(const char *label)
{
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if (!(p->flags & P_FREE) && p->priv != &priv_table[USER_PRIV] &&
            strcmp(p->name, label) == 0)
            return p;
    }
    return 0;
}

static void init_regs(struct trapframe *r, uint32_t entry)
{
    memset(r, 0, sizeof(*r));
    r->cs = UCODE_SEL;
    r->ds = r->es = r->fs = r->gs = r->ss = UDATA_SEL;
    r->eflags = EFLAGS_USER;
    r->eip = entry;
    r->esp = USER_STACK_TOP;
}

/* Free slots are taken in turn, not lowest first, so that exits spread
 * over all slots and each slot's generations last NR_PROCS times longer. */
static struct proc *free_slot(void)
{
    for (int k = 0; k < NR_PROCS; k++) {
        int i = (next_free + k) % NR_PROCS;
        if (proc_table[i].flags & P_FREE) {
            next_free = (i + 1) % NR_PROCS;
            return &proc_table[i];
        }
    }
    return 0;
}

/* Slot 'slot' used up its generations and starts again at 1: an endpoint
 * it had long ago will name its next process.  No kernel record may keep
 * such a name: grants to any process that ever lived in the slot end. */
static void generations_wrapped(int slot)
{
    int n = 0;
    for (int i = 0; i < NR_PROCS; i++)
        n += grant_forget_slot(proc_table[i].grants, slot);
    kprintf("kernel: slot %d: endpoint generations start again at 1; %d grant(s) to it revoked\n",
            slot, n);
}

/* A process's name goes into the log: control bytes become '?', so a
 * program run as "x\nKERNEL PANIC" cannot forge a line of it. */
static void set_name(struct proc *p, const char *name)
{
    size_t i;
    for (i = 0; i + 1 < sizeof(p->name) && name[i]; i++)
        p->name[i] = (unsigned char)name[i] < 0x20 || name[i] == 0x7f ? '?' : name[i];
    p->name[i] = '\0';
}

/* Make a free slot a ready process running in 'pgdir' from 'entry'. */
static void proc_start(struct proc *p, const char *name, uint32_t *pgdir,
                       uint32_t entry, struct priv *priv)
{
    p->pgdir = pgdir;
    init_regs(&p->regs, entry);
    set_name(p, name);
    p->priv = priv;
    p->priority = priv->priority;
    p->ticks_left = priv->quantum;
    p->endpoint = ENDPOINT(p->gen, p->slot);
    p->supervisor = NONE;
    p->devmap_next = DEVMAP_BASE;
    p->flags = 0;
    ident_save(p);
    ready(p);
}

/* A new address space loaded with an ELF image, or NULL and *err. */
uint32_t *proc_load(const char *name, const struct elf_src *src,
                    uint32_t *entry, int *err)
{
    return proc_load_flags(name, src, entry, err, 0);
}

uint32_t *proc_load_flags(const char *name, const struct elf_src *src,
                          uint32_t *entry, int *err, int flags)
{
    uint32_t *pgdir = as_create();
    *err = -ENOMEM;
    if (!pgdir)
        return 0;
    *err = elf_load(pgdir, src, entry, flags);
    if (*err != OK) {
        as_destroy(pgdir);
        return 0;
    }
    return pgdir;
}

/* Create a ready process running the ELF image; *err says why not. */
struct proc *proc_spawn(const char *name, const struct elf_src *src,
                        struct priv *priv, int *err)
{
    struct proc *p = free_slot();
    uint32_t *pgdir, entry;
    int kept = is_priv(priv) && keep_has(priv);     /* its state region comes from keep.c */
    *err = -EAGAIN;
    if (!p)
        return 0;
    if (!(pgdir = proc_load_flags(name, src, &entry, err, kept ? ELF_NO_STATE : 0))) {
        kprintf("kernel: cannot load %s: error %d\n", name, *err);
        return 0;
    }
    proc_start(p, name, pgdir, entry, priv);
    p->state_pages = keep_give(p);
    if (kept && elf_state_holes(pgdir, src) != OK)
        kprintf("kernel: %s: no memory for part of its state region\n", name);
    return p;
}

/* Give p (blocked in a call, or NULL: a new user process) the address
 * space 'pgdir' starting at 'entry' with stack pointer 'sp': what exec
 * does once the new image is completely loaded. */
struct proc *proc_exec(struct proc *p, const char *name, uint32_t *pgdir,
                       uint32_t entry, uint32_t sp)
{
    uint32_t *old;
    if (!p) {
        if (!(p = free_slot()))
            return 0;
        proc_start(p, name, pgdir, entry, &priv_table[USER_PRIV]);
        p->regs.esp = sp;
        return p;
    }
    old = p->pgdir;
    p->pgdir = pgdir;
    as_destroy(old);
    irq_release(p);
    fpu_forget(p);
    p->fpu_used = 0;
    memset(p->grants, 0, sizeof(p->grants));
    init_regs(&p->regs, entry);
    p->regs.esp = sp;
    set_name(p, name);
    p->priv = &priv_table[USER_PRIV];       /* a new program: no privileges */
    p->priority = p->priv->priority;
    p->devmap_next = DEVMAP_BASE;
    p->flags = 0;
    ident_save(p);
    ready(p);
    return p;
}

/* A copy of 'parent' (which is blocked in a call to 'waiter'): same
 * memory contents, registers, name and privileges; the child waits for
 * the reply from 'waiter' too.  NULL and *err when it cannot be made. */
struct proc *proc_fork(struct proc *parent, struct proc *waiter, int *err)
{
    struct proc *c = free_slot();
    *err = -EAGAIN;
    if (!c)
        return 0;
    *err = -ENOMEM;
    if (!(c->pgdir = as_create()))
        return 0;
    if (as_copy(parent->pgdir, c->pgdir) != OK) {
        as_destroy(c->pgdir);
        c->pgdir = 0;
        return 0;
    }
    fpu_save(parent);
    c->regs = parent->regs;
    memcpy(c->name, parent->name, sizeof(c->name));
    c->priv = parent->priv;
    c->priority = parent->priority;
    c->ticks_left = parent->priv->quantum;
    c->endpoint = ENDPOINT(c->gen, c->slot);
    c->supervisor = waiter->endpoint;
    ident_save(c);
    c->devmap_next = DEVMAP_BASE;
    c->fpu_used = parent->fpu_used;
    memcpy(c->fpu, parent->fpu, sizeof(c->fpu));
    c->getfrom = waiter->endpoint;
    c->msgbuf = parent->msgbuf;
    c->flags = P_RECEIVING | P_CALLING;
    *err = OK;
    return c;
}

/* End p: wake everyone blocked on it, free its resources, report it. */
void proc_exit(struct proc *p, int reason, int status)
{
    uint32_t gen, limit;
    int slot, was_rs;
    endpoint_t old_ep;

    ksig_report(p, reason, status);
    if (!p->flags)
        unready(p);
    ipc_cleanup(p);
    irq_release(p);
    console_release_vga(p->endpoint);
    fpu_forget(p);
    if (read_cr3() == (uint32_t)p->pgdir)
        write_cr3((uint32_t)kernel_pgdir);
    keep_take(p);
    as_destroy(p->pgdir);
    slot = p->slot;
    limit = gen_limit >= 2 && gen_limit <= EP_GEN_MAX ? gen_limit : EP_GEN_MAX;
    gen = p->gen >= limit ? 1 : p->gen + 1;
    if (gen == 1)
        generations_wrapped(slot);
    was_rs = p->priv && strcmp(p->priv->label, "rs") == 0;
    old_ep = p->endpoint;
    memset(p, 0, sizeof(*p));
    ident_clear(slot);
    p->slot = slot;
    p->gen = gen;
    p->flags = P_FREE;
    if (current == p)
        current = 0;
    if (was_rs)
        boot_respawn_rs(old_ep);
}

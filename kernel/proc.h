/*
 * proc.h - the process table, privileges, scheduling and IPC state.
 *
 * A slot is free when P_FREE is set; otherwise it holds a live process
 * whose endpoint is ENDPOINT(gen, slot).  A process is runnable exactly
 * when flags == 0, and then it is on exactly one ready queue (that of its
 * priority).  P_SENDING means it sits on the caller queue of the process
 * named by sendto; P_RECEIVING means it waits for a message from getfrom
 * (a process endpoint, ANY, HARDWARE or SYSTEM).  P_STOPPED (job control)
 * only keeps it off the ready queues; its IPC goes on as usual.
 */
#ifndef KERNEL_PROC_H
#define KERNEL_PROC_H

#include "kernel.h"
#include "arch.h"
#include "../lib/common/privconf.h"
#include "grant.h"
#include "mm.h"
#include "../lib/include/proto/sys.h"

#define P_FREE      0x01
#define P_SENDING   0x02
#define P_RECEIVING 0x04
#define P_CALLING   0x08    /* receiving a call's reply: no notifications */
#define P_STOPPED   0x10    /* a user process PM stopped (do_stop.c): runs when continued */

#define NR_SCHED_Q  PC_NR_PRIO
#define NR_PRIVS    (PC_MAX_SVC + 1)
#define USER_PRIV   0       /* privilege id of ordinary user processes */
_Static_assert(NR_PRIVS <= 64, "ipc_to is a two-word mask of privilege ids");
#define NOTIFY_WORDS (NR_PROCS / 32)

struct priv {
    int id;
    char label[PC_LABEL];
    uint32_t ipc_to[2];             /* bit n%32 of word n/32: may send to priv id n */
    uint32_t calls;                 /* bit n: may make kernel call n */
    uint32_t irqs;
    int nio, nmem;
    struct pc_range io[PC_MAX_IO];
    struct pc_range mem[PC_MAX_MEM];
    int priority, quantum;
};

struct proc {
    struct trapframe regs;          /* first: esp0 points at its end */
    uint32_t *pgdir;
    int flags;
    int slot;
    uint32_t gen;
    endpoint_t endpoint;
    char name[PC_LABEL];
    struct priv *priv;

    /* scheduling */
    int priority;
    int ticks_left;
    uint32_t cpu_ticks;             /* clock ticks it was running at (top, ps) */
    struct proc *next_ready;

    /* IPC */
    endpoint_t sendto, getfrom;
    uint32_t msgbuf;                /* user address for the pending receive */
    struct msgmap msgmap;           /* its last message buffer, translated (mm.h) */
    uint32_t state_pages;           /* kept state pages it inherited (keep.c) */
    message sendmsg;                /* the message of a blocked send */
    struct proc *callers;           /* processes blocked sending to us */
    struct proc *next_caller;
    uint32_t notify_pending[NOTIFY_WORDS];
    uint32_t irq_pending;
    uint32_t sys_events;

    /* supervision, timers, devices, grants */
    endpoint_t supervisor;
    uint32_t fault_addr;            /* CR2 of the exception that ended it */
    uint32_t alarm_at;              /* tick of the alarm, 0 = none */
    uint32_t devmap_next;
    uint32_t grant_seq;
    struct grant grants[NR_GRANTS];
    int fpu_used;                   /* has its own FPU state (fpu.c) */
    uint8_t fpu[512] __attribute__((aligned(16)));
};

extern struct proc proc_table[NR_PROCS];

/* p's whole message at user address va as a kernel pointer (writable,
 * within one page: msg_in_page), or NULL; remembered in p->msgmap. */
static inline __attribute__((always_inline)) void *msg_map(struct proc *p, uint32_t va)
{
    struct msgmap *c = &p->msgmap;
    void *k;
    if (c->va == va && c->gen == as_gen)
        return c->k;
    if ((k = msg_in_page(p->pgdir, va, 1))) {
        c->va = va;
        c->gen = as_gen;
        c->k = k;
    }
    return k;
}
extern struct proc *current;        /* NULL while idle */
extern struct priv priv_table[NR_PRIVS];

/* The live process with endpoint ep: OK, -EBADEPT (not a process
 * endpoint) or -EDEADSRCDST (gone, or its slot reused). */
static inline __attribute__((always_inline)) int ep_lookup(endpoint_t ep, struct proc **out)
{
    struct proc *p;
    if (ep < 0 || EP_SLOT(ep) >= NR_PROCS)
        return -EBADEPT;
    p = &proc_table[EP_SLOT(ep)];
    if ((p->flags & P_FREE) || p->endpoint != ep)
        return -EDEADSRCDST;
    *out = p;
    return OK;
}

/* Does p point at a slot of the process table?  (For checkers, which must
 * not follow a corrupted pointer.) */
static inline int is_proc(const struct proc *p)
{
    uint32_t off = (uint32_t)p - (uint32_t)proc_table;
    return off < sizeof(proc_table) && off % sizeof(struct proc) == 0;
}

static inline int is_priv(const struct priv *pv)
{
    uint32_t off = (uint32_t)pv - (uint32_t)priv_table;
    return off < sizeof(priv_table) && off % sizeof(struct priv) == 0;
}

/* p is a live slot whose privilege pointer points into the table. */
static inline int proc_sane(const struct proc *p)
{
    return is_proc(p) && !(p->flags & P_FREE) && is_priv(p->priv);
}

/* ident.c: a checked copy of a live slot's identity, for stab_kill */
void ident_save(const struct proc *p);          /* after it was set by right */
void ident_clear(int slot);                     /* the slot is free */
int ident_restore(struct proc *p);              /* 1: put back from a sound copy */
int ident_saved(int slot);                      /* a live process's copy is there */

/* proc.c */
void proc_init(void);
struct proc *proc_by_label(const char *label);  /* services only */
struct elf_src;
struct proc *proc_spawn(const char *name, const struct elf_src *src,
                        struct priv *priv, int *err);
uint32_t *proc_load(const char *name, const struct elf_src *src,
                    uint32_t *entry, int *err);
uint32_t *proc_load_flags(const char *name, const struct elf_src *src,
                          uint32_t *entry, int *err, int flags);  /* elf.h ELF_* */
struct proc *proc_exec(struct proc *p, const char *name, uint32_t *pgdir,
                       uint32_t entry, uint32_t sp);
void proc_exit(struct proc *p, int reason, int status);
struct proc *proc_fork(struct proc *parent, struct proc *waiter, int *err);
void proc_fault(struct proc *p, struct trapframe *tf);

/* sched.c */
extern struct proc *rq_head[NR_SCHED_Q], *rq_tail[NR_SCHED_Q];
extern uint32_t rq_nonempty;        /* bit q set iff rq_head[q] != NULL */
void ready(struct proc *p);
void unready(struct proc *p);
void sched_tick(void);
void schedule(void) __attribute__((noreturn));
void switch_to(struct proc *p) __attribute__((noreturn));   /* p must be runnable */

/* ipc.c */
int ipc_send(struct proc *caller, endpoint_t dst_e, const message *m, int nonblock);
int ipc_receive(struct proc *caller, endpoint_t src_e, uint32_t va, int calling);
int ipc_reply(struct proc *caller, endpoint_t dst_e, const message *m);
int ipc_notify(struct proc *caller, endpoint_t dst_e);
void kernel_notify(struct proc *dst, endpoint_t src, uint32_t bits);
void ipc_cleanup(struct proc *dead);
int ipc_trap(struct proc *caller, struct trapframe *tf);
int kernel_call_trap(struct proc *caller, uint32_t va);    /* IPC_CALL to SYSTEM */

/* ipc_fast.c */
void ipc_trap_entry(struct trapframe *tf) __attribute__((noreturn));   /* ipc_fast.c */

/* priv.c */
extern int nprivs;                  /* priv_table entries in use */
void priv_boot(const struct privconf *pc);
struct priv *priv_by_label(const char *label);
static inline int may_send(const struct proc *src, const struct proc *dst)
{
    uint32_t id = (uint32_t)dst->priv->id;
    return (src->priv->ipc_to[(id >> 5) & 1] >> (id & 31)) & 1;
}
int priv_denied(struct proc *p, const char *what, uint32_t detail);
int io_allowed(const struct priv *pv, uint32_t port, uint32_t size);
void io_bitmap_switch(const struct priv *pv);
extern const struct priv *io_loaded;
/* On every switch: no bitmap at all for a process without ports (O(1));
 * the bitmap, rewritten only when another port owner's is loaded, for
 * one with ports. */
static inline void io_bitmap_load(const struct priv *pv)
{
    if (!pv->nio) {
        tss.iomap_base = IOMAP_NONE;
        return;
    }
    if (pv != io_loaded)
        io_bitmap_switch(pv);
    tss.iomap_base = IOMAP_ON;
}
uint16_t io_bitmap_expected(const struct proc *running);   /* for the checker */

/* ksig.c: death reports queued for supervisors */
void ksig_report(struct proc *p, int reason, int status);
int ksig_next(endpoint_t sup, struct sys_getksig *out);
void ksig_rehome(endpoint_t old_sup, endpoint_t new_sup);

/* keep.c: a service's state region across its restart */
void keep_take(struct proc *p);
uint32_t keep_give(struct proc *p);
int keep_has(const struct priv *pv);            /* a region is kept for pv's label */
uint64_t keep_ended(const struct priv *pv);     /* when pv's label last ended, 0 = never */
void keep_drop(const struct priv *pv);
int keep_claim(int id, int (*claim)(uint32_t pa));

/* boot.c */
void boot_processes(void);
void boot_respawn_rs(endpoint_t old_ep);
const struct pc_service *boot_service(const char *label);

/* system.c */
int kernel_call(struct proc *caller, message *m);
extern const uint32_t kcall_in_place_mask;
static inline int kernel_call_in_place(int type)
{
    uint32_t n = (uint32_t)type - SYS_BASE;
    return n < NR_SYS_CALLS && ((kcall_in_place_mask >> n) & 1);
}

/* fpu.c */
void fpu_init(void);
void fpu_write_ts(int on);
extern struct proc *fpu_owner;
extern int fpu_ts_on;
static inline void fpu_switch(struct proc *next)
{
    int ts = next != fpu_owner;
    if (ts != fpu_ts_on)
        fpu_write_ts(ts);
}
void fpu_trap(struct proc *p);
void fpu_forget(struct proc *p);
void fpu_save(struct proc *p);
void fpu_reset(struct proc *p);                 /* its next FPU use starts clean */
void fpu_set(struct proc *p, const uint8_t image[512]);  /* a signal frame's state back */
int fpu_ts_check(uint32_t cr0);

/* irq.c */
void irq_handle(int irq);
void irq_release(struct proc *p);
int irq_subscribe(struct proc *p, int irq);
int irq_owner_is(struct proc *p, int irq);

/* reserve.c: may p (NULL: a new user process; user: an ordinary user's)
 * take 'pages' more frames? */
int reserve_allows(const struct proc *p, uint32_t pages, int user);

#endif

/*
 * sched.c - priority round-robin: NR_SCHED_Q ready queues, the highest
 * non-empty one runs, each process for its quantum of ticks, then goes to
 * the back of its queue.  With nothing ready the kernel halts (idle).
 *
 * Invariants: a process is on a ready queue iff flags == 0; bit q of
 * 'rq_nonempty' is set iff queue q is not empty.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

struct proc *current;
struct proc *rq_head[NR_SCHED_Q], *rq_tail[NR_SCHED_Q];   /* checked by check_proc.c */
uint32_t rq_nonempty;       /* bit q set iff rq_head[q] != NULL */

void ready(struct proc *p)
{
    int q = p->priority;
    p->next_ready = 0;
    if (rq_tail[q])
        rq_tail[q]->next_ready = p;
    else
        rq_head[q] = p;
    rq_tail[q] = p;
    rq_nonempty |= 1u << q;
}

void unready(struct proc *p)
{
    int q = p->priority;
    struct proc **pp = &rq_head[q], *prev = 0;
    for (int n = 0; *pp && n < NR_PROCS; n++) {
        if (*pp == p) {
            *pp = p->next_ready;
            if (rq_tail[q] == p)
                rq_tail[q] = prev;
            if (!rq_head[q])
                rq_nonempty &= ~(1u << q);
            p->next_ready = 0;
            return;
        }
        prev = *pp;
        pp = &(*pp)->next_ready;
    }
}

/* Called every tick: the running process is charged the tick and uses up
 * its quantum. */
void sched_tick(void)
{
    struct proc *p = current;
    if (!p || p->flags)
        return;
    p->cpu_ticks++;
    if (--p->ticks_left <= 0) {
        p->ticks_left = p->priv->quantum;
        if (rq_head[p->priority] != rq_tail[p->priority]) {
            unready(p);
            ready(p);
        }
    }
}

static struct proc *pick(void)
{
    return rq_nonempty ? rq_head[__builtin_ctz(rq_nonempty)] : 0;
}

void switch_to(struct proc *p)
{
    current = p;
    tss.esp0 = (uint32_t)(&p->regs + 1);
    if (read_cr3() != (uint32_t)p->pgdir)
        write_cr3((uint32_t)p->pgdir);
    io_bitmap_load(p->priv);
    fpu_switch(p);
    restart(&p->regs);
}

void schedule(void)
{
    for (;;) {
        struct proc *p = pick();
        if (p)
            switch_to(p);
        current = 0;
        __asm__ volatile("sti; hlt; cli" : : : "memory");
    }
}

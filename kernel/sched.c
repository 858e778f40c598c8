/*
 * sched.c - priority round-robin: NR_SCHED_Q ready queues, the highest
 * non-empty one runs, each process for its quantum of ticks, then goes to
 * the back of its queue.  With nothing ready the kernel halts (idle).
 *
 * Invariants: a process is on a ready queue iff flags == 0; bit q of
 * 'nonempty' is set iff queue q is not empty.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

struct proc *current;
static struct proc *head[NR_SCHED_Q], *tail[NR_SCHED_Q];
static uint32_t nonempty;       /* bit q set iff head[q] != NULL */

void ready(struct proc *p)
{
    int q = p->priority;
    p->next_ready = 0;
    if (tail[q])
        tail[q]->next_ready = p;
    else
        head[q] = p;
    tail[q] = p;
    nonempty |= 1u << q;
}

void unready(struct proc *p)
{
    int q = p->priority;
    struct proc **pp = &head[q], *prev = 0;
    for (int n = 0; *pp && n < NR_PROCS; n++) {
        if (*pp == p) {
            *pp = p->next_ready;
            if (tail[q] == p)
                tail[q] = prev;
            if (!head[q])
                nonempty &= ~(1u << q);
            p->next_ready = 0;
            return;
        }
        prev = *pp;
        pp = &(*pp)->next_ready;
    }
}

/* Called every tick: the running process uses up its quantum. */
void sched_tick(void)
{
    struct proc *p = current;
    if (!p || p->flags)
        return;
    if (--p->ticks_left <= 0) {
        p->ticks_left = p->priv->quantum;
        if (head[p->priority] != tail[p->priority]) {
            unready(p);
            ready(p);
        }
    }
}

static struct proc *pick(void)
{
    return nonempty ? head[__builtin_ctz(nonempty)] : 0;
}

static void switch_to(struct proc *p)
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

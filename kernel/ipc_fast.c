/*
 * ipc_fast.c - where every IPC trap (int IPC_VECTOR) from user mode
 * lands (entry.asm), and the IPC fast path.
 *
 * ipc_trap_entry() first tries the fast path: IPC_CALL to a process
 * already waiting in receive, and IPC_REPLYRECV to a process waiting for
 * our reply when nothing waits for us, each between two processes whose
 * message buffers lie within one page.  It moves the message, blocks the
 * caller, and switches straight to the receiver when the scheduler would
 * pick it anyway.  Anything else (a queued sender, a pending
 * notification, a message across pages, a receiver of lower priority
 * than someone ready) falls to the general path: a kernel call
 * (kernel_call_trap) or ipc_trap, then schedule().
 *
 * Invariants: the fast path's outcome is exactly the general path's
 * (ipc.c, sched.c): the same message delivered, the same flags, queues
 * and eax/edx results, the same process run next.  Every check comes
 * before the first change, so falling through changes nothing.  Message
 * buffers are translated through msg_map (proc.h), which walks the page
 * tables again whenever a mapping may have changed.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

/* Would the scheduler run dst once caller blocks?  Only when caller heads
 * its ready queue (the running process does) and no other ready process
 * has dst's priority or better. */
static inline __attribute__((always_inline)) int hands_over(const struct proc *caller, const struct proc *dst)
{
    uint32_t rq = rq_nonempty;
    if (rq_head[caller->priority] != caller)
        return 0;
    if (!caller->next_ready)
        rq &= ~(1u << caller->priority);
    return (rq & ((2u << dst->priority) - 1)) == 0;
}

/* Nothing a receive(ANY) would take at once: no notification, no sender. */
static inline __attribute__((always_inline)) int nothing_pending(const struct proc *p)
{
    uint32_t any = p->irq_pending | p->sys_events;
    for (int w = 0; w < NOTIFY_WORDS; w++)
        any |= p->notify_pending[w];
    return !any && !p->callers;
}

/* The change itself: caller blocks in 'flags' waiting for 'from'; dst
 * gets the message, becomes the only ready process of its priority (its
 * queue is empty: hands_over) and runs. */
static inline __attribute__((always_inline)) void transfer(struct proc *caller, struct proc *dst, const message *m,
                            message *k, int flags, endpoint_t from, uint32_t va)
{
    int q = caller->priority, d = dst->priority;
    msg_copy(k, m);
    k->m_source = caller->endpoint;
    if (!(rq_head[q] = caller->next_ready)) {
        rq_tail[q] = 0;
        rq_nonempty &= ~(1u << q);
    }
    caller->next_ready = 0;
    caller->flags = flags;
    caller->getfrom = from;
    caller->msgbuf = va;
    dst->flags = 0;
    dst->regs.eax = OK;
    dst->next_ready = 0;
    rq_head[d] = rq_tail[d] = dst;
    rq_nonempty |= 1u << d;
    switch_to(dst);
}

static inline __attribute__((always_inline)) void fast_call(struct proc *caller, endpoint_t ep, uint32_t va)
{
    struct proc *dst;
    const message *m;
    message *k;
    if (ep_lookup(ep, &dst) != OK || dst == caller || dst->flags != P_RECEIVING)
        return;
    if (dst->getfrom != ANY && dst->getfrom != caller->endpoint)
        return;
    if (!may_send(caller, dst) || !hands_over(caller, dst))
        return;
    if (!(m = msg_map(caller, va)) || !(k = msg_map(dst, dst->msgbuf)))
        return;
    transfer(caller, dst, m, k, P_RECEIVING | P_CALLING, ep, va);
}

static inline __attribute__((always_inline)) void fast_replyrecv(struct proc *caller, struct trapframe *tf,
                                  endpoint_t ep, uint32_t va)
{
    struct proc *dst;
    const message *m;
    message *k;
    if (ep_lookup(ep, &dst) != OK || dst->flags != (P_RECEIVING | P_CALLING) ||
        dst->getfrom != caller->endpoint)
        return;
    if (!nothing_pending(caller) || !hands_over(caller, dst))
        return;
    if (!(m = msg_map(caller, va)) || !(k = msg_map(dst, dst->msgbuf)))
        return;
    tf->edx = OK;                       /* the reply's status */
    transfer(caller, dst, m, k, P_RECEIVING, ANY, va);
}

void ipc_trap_entry(struct trapframe *tf)
{
    struct proc *p = current;
    int r;
    if (!p || tf != &p->regs)
        panic("IPC trap without a current process");
    if ((endpoint_t)tf->ebx >= 0 && !p->flags) {    /* to a process: */
        if (tf->eax == IPC_CALL)
            fast_call(p, (endpoint_t)tf->ebx, tf->ecx);
        else if (tf->eax == IPC_REPLYRECV)
            fast_replyrecv(p, tf, (endpoint_t)tf->ebx, tf->ecx);
    }
    if (tf->eax == IPC_CALL && (endpoint_t)tf->ebx == SYSTEM)
        r = kernel_call_trap(p, tf->ecx);
    else
        r = ipc_trap(p, tf);
    if (!(p->flags & P_FREE))
        p->regs.eax = (uint32_t)r;
    schedule();
}

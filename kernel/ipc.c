/*
 * ipc.c - synchronous message passing (DESIGN.md section 3).
 *
 * send blocks until the destination receives; a blocked sender's message
 * waits in its own table entry (sendmsg) on the destination's caller
 * queue.  receive takes pending notifications first, then queued senders
 * in arrival order.  notify never blocks: it delivers at once or sets one
 * pending bit per source (coalescing).  A send that would close a cycle
 * of blocked processes fails with ELOCKED instead of deadlocking.
 *
 * A process may send to those its privilege lists, and may always reply
 * to a process blocked in a call to it.
 * Invariants: P_SENDING <=> on exactly one caller queue (that of sendto);
 * a process with P_SENDING set is never delivered to; every wake-up sets
 * the woken process's eax (its trap's return value).
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

static void wake(struct proc *p, int clear, int result)
{
    p->flags &= ~clear;
    p->regs.eax = (uint32_t)result;
    if (!p->flags)
        ready(p);
}

/* Is dst blocked in a receive that a message (or notification) from src
 * satisfies right now? */
static int waiting_for(const struct proc *dst, endpoint_t src, int notification)
{
    if ((dst->flags & (P_RECEIVING | P_SENDING)) != P_RECEIVING)
        return 0;
    if (notification && (dst->flags & P_CALLING))
        return 0;
    return dst->getfrom == ANY || dst->getfrom == src;
}

/* Is dst blocked in a call to src, waiting for its reply?  A call gives
 * the callee the right to answer it, whatever the callee's IPC mask says
 * (like seL4's reply capability): a server needs no mask entry per client. */
static int awaits_reply_from(const struct proc *dst, const struct proc *src)
{
    return (dst->flags & P_CALLING) && dst->getfrom == src->endpoint;
}

/* Copy m (from 'src') into dst's receive buffer and wake it. */
static void deliver(struct proc *dst, const message *m, endpoint_t src)
{
    message *k = msg_in_page(dst->pgdir, dst->msgbuf, 1);
    int r = OK;
    if (k) {
        memcpy(k, m, sizeof(*m));
        k->m_source = src;
    } else {
        message tmp = *m;
        tmp.m_source = src;
        r = copy_to_user(dst->pgdir, dst->msgbuf, &tmp, sizeof(tmp));
    }
    wake(dst, P_RECEIVING | P_CALLING, r);
}

/* Following "waits for" edges from dst: do we come back to caller? */
static int would_deadlock(const struct proc *caller, struct proc *dst)
{
    struct proc *xp = dst;
    for (int n = 0; n < NR_PROCS; n++) {
        endpoint_t next;
        if (xp->flags & P_SENDING)
            next = xp->sendto;
        else if ((xp->flags & P_RECEIVING) && xp->getfrom >= 0)
            next = xp->getfrom;
        else
            return 0;
        if (next == caller->endpoint)
            return 1;
        if (ep_lookup(next, &xp) != OK)
            return 0;
    }
    return 0;
}

/* m may point into the caller's own memory: it is only read. */
int ipc_send(struct proc *caller, endpoint_t dst_e, const message *m, int nonblock)
{
    struct proc *dst, **q;
    int r = ep_lookup(dst_e, &dst);
    if (r != OK)
        return r;
    if (!may_send(caller, dst) && !awaits_reply_from(dst, caller))
        return priv_denied(caller, "ipc to", (uint32_t)dst_e);
    if (dst == caller)
        return -ELOCKED;
    if (waiting_for(dst, caller->endpoint, 0)) {
        deliver(dst, m, caller->endpoint);
        return OK;
    }
    if (nonblock)
        return -ENOTREADY;
    if (would_deadlock(caller, dst))
        return -ELOCKED;
    caller->sendmsg = *m;
    caller->sendmsg.m_source = caller->endpoint;
    caller->sendto = dst_e;
    caller->next_caller = 0;
    for (q = &dst->callers; *q; q = &(*q)->next_caller)
        ;
    *q = caller;
    if (!caller->flags)
        unready(caller);
    caller->flags |= P_SENDING;
    return OK;
}

/* The reply half of IPC_REPLYRECV: delivered only to a process blocked
 * in a call to the caller; anybody else gets nothing (ENOTREADY). */
int ipc_reply(struct proc *caller, endpoint_t dst_e, const message *m)
{
    struct proc *dst;
    int r = ep_lookup(dst_e, &dst);
    if (r != OK)
        return r;
    if (!awaits_reply_from(dst, caller))
        return -ENOTREADY;
    deliver(dst, m, caller->endpoint);
    return OK;
}

static void notify_message(message *m, endpoint_t src, uint32_t bits)
{
    memset(m, 0, sizeof(*m));
    m->m_source = src;
    m->m_type = NOTIFY_MESSAGE;
    m->m.u32[0] = bits;
    m->m.u32[1] = ticks;
}

/* Take one pending notification acceptable to a receive from src. */
static int take_notification(struct proc *p, endpoint_t src, message *m)
{
    uint32_t any = p->irq_pending | p->sys_events;
    for (int w = 0; w < NOTIFY_WORDS; w++)
        any |= p->notify_pending[w];
    if (!any)
        return 0;
    if ((src == ANY || src == HARDWARE) && p->irq_pending) {
        notify_message(m, HARDWARE, p->irq_pending);
        p->irq_pending = 0;
        return 1;
    }
    if ((src == ANY || src == SYSTEM) && p->sys_events) {
        notify_message(m, SYSTEM, p->sys_events);
        p->sys_events = 0;
        return 1;
    }
    for (int w = 0; w < NOTIFY_WORDS; w++) {
        uint32_t bits = p->notify_pending[w];
        for (int b = 0; bits && b < 32; b++, bits >>= 1) {
            struct proc *s = &proc_table[w * 32 + b];
            if (!(bits & 1) || (src != ANY && src != s->endpoint))
                continue;
            p->notify_pending[w] &= ~(1u << b);
            notify_message(m, s->endpoint, 0);
            return 1;
        }
    }
    return 0;
}

int ipc_receive(struct proc *caller, endpoint_t src_e, uint32_t va, int calling)
{
    struct proc *src, **q;
    message m;
    if (src_e != ANY && src_e != HARDWARE && src_e != SYSTEM) {
        int r = ep_lookup(src_e, &src);
        if (r != OK)
            return r;
    }
    if (!calling && take_notification(caller, src_e, &m))
        return copy_to_user(caller->pgdir, va, &m, sizeof(m));
    for (q = &caller->callers; *q; q = &(*q)->next_caller) {
        struct proc *s = *q;
        if (src_e != ANY && s->endpoint != src_e)
            continue;
        if (copy_to_user(caller->pgdir, va, &s->sendmsg, sizeof(message)) != OK)
            return -EFAULT;
        *q = s->next_caller;
        s->next_caller = 0;
        wake(s, P_SENDING, OK);
        return OK;
    }
    if (!caller->flags)
        unready(caller);
    caller->flags |= P_RECEIVING | (calling ? P_CALLING : 0);
    caller->getfrom = src_e;
    caller->msgbuf = va;
    return OK;
}

int ipc_notify(struct proc *caller, endpoint_t dst_e)
{
    struct proc *dst;
    message m;
    int r = ep_lookup(dst_e, &dst);
    if (r != OK)
        return r;
    if (!may_send(caller, dst))
        return priv_denied(caller, "notify to", (uint32_t)dst_e);
    if (waiting_for(dst, caller->endpoint, 1)) {
        notify_message(&m, caller->endpoint, 0);
        deliver(dst, &m, caller->endpoint);
        return OK;
    }
    dst->notify_pending[caller->slot / 32] |= 1u << (caller->slot % 32);
    return OK;
}

/* A notification from the kernel itself (HARDWARE or SYSTEM). */
void kernel_notify(struct proc *dst, endpoint_t src, uint32_t bits)
{
    message m;
    if (src == HARDWARE)
        dst->irq_pending |= bits;
    else
        dst->sys_events |= bits;
    if (waiting_for(dst, src, 1) && take_notification(dst, src, &m))
        deliver(dst, &m, m.m_source);
}

/* 'dead' is going away: unlink it and wake everyone blocked on it. */
void ipc_cleanup(struct proc *dead)
{
    struct proc *dst, **q;
    if ((dead->flags & P_SENDING) && ep_lookup(dead->sendto, &dst) == OK) {
        for (q = &dst->callers; *q; q = &(*q)->next_caller)
            if (*q == dead) {
                *q = dead->next_caller;
                break;
            }
    }
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if ((p->flags & P_FREE) || p == dead)
            continue;
        p->notify_pending[dead->slot / 32] &= ~(1u << (dead->slot % 32));
        if ((p->flags & P_SENDING) && p->sendto == dead->endpoint)
            wake(p, P_SENDING | P_RECEIVING | P_CALLING, -EDEADSRCDST);
        else if ((p->flags & P_RECEIVING) && p->getfrom == dead->endpoint)
            wake(p, P_RECEIVING | P_CALLING,    /* a call it took: it may be done */
                 (p->flags & P_CALLING) ? -ENOREPLY : -EDEADSRCDST);
    }
    dead->callers = 0;
}

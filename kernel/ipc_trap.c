/*
 * ipc_trap.c - decode the IPC trap (int IPC_VECTOR): eax = operation,
 * ebx = endpoint, ecx = message address (grants: ecx = address,
 * edx = length, esi = access).  The message buffer is checked against the
 * caller's address space before anything else happens.  A call to SYSTEM
 * is a kernel call: it is handled here and answered at once.
 * IPC_REPLYRECV = reply + receive(ANY), reporting the reply's status in
 * edx (a dead or busy client must not make a server miss its next request).
 * The reply is delivered only to a process waiting in a call to the caller.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

_Static_assert(GRANT_LOW == USER_BASE && GRANT_HIGH == DEVMAP_BASE - 1,
               "ipc.h's user range is the program's memory");

/* A call to SYSTEM: in the caller's own message when the call allows it
 * (system.c) and the message lies in one writable page, else through a
 * kernel copy. */
int kernel_call_trap(struct proc *caller, uint32_t va)
{
    message tmp, *m = msg_map(caller, va);
    int r;
    if (!m || !kernel_call_in_place(m->m_type)) {
        if (copy_from_user(caller->pgdir, va, &tmp, sizeof(tmp)) != OK)
            return -EFAULT;
        m = &tmp;
    }
    r = kernel_call(caller, m);
    if (r == EDONTREPLY)
        return OK;
    m->m_source = SYSTEM;
    m->m_type = r;
    return m == &tmp ? copy_to_user(caller->pgdir, va, m, sizeof(*m)) : OK;
}

/* The caller's message: straight from its page when the buffer lies in
 * one page (the common case), else through a checked copy into *tmp.
 * 'write' also demands a writable buffer (a reply will land there). */
static const message *user_msg(struct proc *caller, uint32_t va, int write,
                               message *tmp)
{
    const message *k = msg_in_page(caller->pgdir, va, write);
    if (k)
        return k;
    if (copy_from_user(caller->pgdir, va, tmp, sizeof(*tmp)) != OK ||
        (write && user_check(caller->pgdir, va, sizeof(*tmp), 1) != OK))
        return 0;
    return tmp;
}

static int send_like(struct proc *caller, int op, endpoint_t ep, uint32_t va)
{
    message tmp;
    const message *m;
    int r;
    if (ep == SYSTEM)
        return op == IPC_CALL ? kernel_call_trap(caller, va) : -EBADREQUEST;
    if (!(m = user_msg(caller, va, op == IPC_CALL, &tmp)))
        return -EFAULT;
    r = ipc_send(caller, ep, m, op == IPC_SENDNB);
    if (r != OK || op != IPC_CALL)
        return r;
    return ipc_receive(caller, ep, va, 1);
}

/* Reply (only to a process blocked in a call to us), then wait for the
 * next request.  The reply's status goes to edx; the trap's result is
 * the receive's. */
static int reply_receive(struct proc *caller, endpoint_t ep, uint32_t va,
                         struct trapframe *tf)
{
    message tmp;
    const message *m = user_msg(caller, va, 1, &tmp);
    if (!m)
        return -EFAULT;
    tf->edx = (uint32_t)ipc_reply(caller, ep, m);
    return ipc_receive(caller, ANY, va, 0);
}

int ipc_trap(struct proc *caller, struct trapframe *tf)
{
    endpoint_t ep = (endpoint_t)tf->ebx;
    switch (tf->eax) {
    case IPC_SEND:
    case IPC_SENDNB:
    case IPC_CALL:
        return send_like(caller, (int)tf->eax, ep, tf->ecx);
    case IPC_RECEIVE:
        if (user_check(caller->pgdir, tf->ecx, sizeof(message), 1) != OK)
            return -EFAULT;
        return ipc_receive(caller, ep, tf->ecx, 0);
    case IPC_NOTIFY:
        return ipc_notify(caller, ep);
    case IPC_GRANT:
        return grant_create(caller->grants, &caller->grant_seq, ep, tf->ecx,
                            tf->edx, tf->esi, GRANT_LOW, GRANT_HIGH);
    case IPC_REVOKE:
        return grant_revoke(caller->grants, ep);
    case IPC_REPLYRECV:
        return reply_receive(caller, ep, tf->ecx, tf);
    default:
        return -EBADREQUEST;
    }
}

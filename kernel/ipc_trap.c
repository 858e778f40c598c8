/*
 * ipc_trap.c - decode the IPC trap (int IPC_VECTOR): eax = operation,
 * ebx = endpoint, ecx = message address (grants: ecx = address,
 * edx = length, esi = access).  The message buffer is checked against the
 * caller's address space before anything else happens.  A call to SYSTEM
 * is a kernel call: it is handled here and answered at once.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

static int kernel_call_trap(struct proc *caller, uint32_t va, message *m)
{
    int r = kernel_call(caller, m);
    if (r == EDONTREPLY)
        return OK;
    m->m_source = SYSTEM;
    m->m_type = r;
    return copy_to_user(caller->pgdir, va, m, sizeof(*m));
}

static int send_like(struct proc *caller, int op, endpoint_t ep, uint32_t va)
{
    message m;
    int r;
    if (copy_from_user(caller->pgdir, va, &m, sizeof(m)) != OK)
        return -EFAULT;
    if (op == IPC_CALL && user_check(caller->pgdir, va, sizeof(m), 1) != OK)
        return -EFAULT;
    if (ep == SYSTEM)
        return op == IPC_CALL ? kernel_call_trap(caller, va, &m) : -EBADREQUEST;
    r = ipc_send(caller, ep, &m, op == IPC_SENDNB);
    if (r != OK || op != IPC_CALL)
        return r;
    return ipc_receive(caller, ep, va, 1);
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
                            tf->edx, tf->esi, USER_BASE, 0xffffffffu);
    case IPC_REVOKE:
        return grant_revoke(caller->grants, ep);
    default:
        return -EBADREQUEST;
    }
}

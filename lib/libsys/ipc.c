/*
 * ipc.c - user side of the IPC trap (libsys.h has the inline trap and
 * the two hot operations; ipc.h the register use).
 */
#include "libsys.h"

int ipc_send(endpoint_t dst, message *m)    { return ipc_trap(IPC_SEND, dst, (uint32_t)m, 0, 0); }
int ipc_sendnb(endpoint_t dst, message *m)  { return ipc_trap(IPC_SENDNB, dst, (uint32_t)m, 0, 0); }
int ipc_receive(endpoint_t src, message *m) { return ipc_trap(IPC_RECEIVE, src, (uint32_t)m, 0, 0); }
int ipc_notify(endpoint_t dst)              { return ipc_trap(IPC_NOTIFY, dst, 0, 0, 0); }

grant_id_t grant_create(endpoint_t grantee, const void *addr, uint32_t len, int access)
{
    return ipc_trap(IPC_GRANT, grantee, (uint32_t)addr, len, (uint32_t)access);
}

int grant_revoke(grant_id_t id)
{
    return ipc_trap(IPC_REVOKE, id, 0, 0, 0);
}

int kernel_call(int type, message *m)
{
    int r;
    m->m_type = type;
    r = ipc_call(SYSTEM, m);
    return r != OK ? r : m->m_type;
}

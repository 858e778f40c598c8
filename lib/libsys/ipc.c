/*
 * ipc.c - user side of the IPC trap (see ipc.h for the register use).
 */
#include "libsys.h"

static inline int trap(int op, endpoint_t ep, uint32_t a, uint32_t b, uint32_t c)
{
    int r;
    __asm__ volatile("int $0x30"
                     : "=a"(r)
                     : "a"(op), "b"(ep), "c"(a), "d"(b), "S"(c)
                     : "memory");
    return r;
}

int ipc_send(endpoint_t dst, message *m)    { return trap(IPC_SEND, dst, (uint32_t)m, 0, 0); }
int ipc_sendnb(endpoint_t dst, message *m)  { return trap(IPC_SENDNB, dst, (uint32_t)m, 0, 0); }
int ipc_receive(endpoint_t src, message *m) { return trap(IPC_RECEIVE, src, (uint32_t)m, 0, 0); }
int ipc_call(endpoint_t dst, message *m)    { return trap(IPC_CALL, dst, (uint32_t)m, 0, 0); }
int ipc_notify(endpoint_t dst)              { return trap(IPC_NOTIFY, dst, 0, 0, 0); }

/* Reply to dst (blocked in a call to us), then receive(ANY, m);
 * *reply_status gets the reply's status. */
int ipc_replyrecv(endpoint_t dst, message *m, int *reply_status)
{
    int r, rs;
    __asm__ volatile("int $0x30"
                     : "=a"(r), "=d"(rs)
                     : "a"(IPC_REPLYRECV), "b"(dst), "c"((uint32_t)m), "d"(0)
                     : "memory");
    if (reply_status)
        *reply_status = rs;
    return r;
}

grant_id_t grant_create(endpoint_t grantee, const void *addr, uint32_t len, int access)
{
    return trap(IPC_GRANT, grantee, (uint32_t)addr, len, (uint32_t)access);
}

int grant_revoke(grant_id_t id)
{
    return trap(IPC_REVOKE, id, 0, 0, 0);
}

int kernel_call(int type, message *m)
{
    int r;
    m->m_type = type;
    r = ipc_call(SYSTEM, m);
    return r != OK ? r : m->m_type;
}

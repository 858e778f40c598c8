/*
 * scen_priv.c - privilege denials (IPC target, kernel call, I/O port,
 * IRQ, device memory), device memory used as a grant or a message buffer
 * (the kernel copies only to and from ordinary pages), and wild pointers
 * handed to the kernel.  Each must
 * give an error, and the system must go on working.
 */
#include "ctl.h"

static void still_works(void)
{
    message m;
    cmd(A, AG_SERVE, NONE, 0, 1);
    memset(&m, 0, sizeof(m));
    m.m.u32[0] = 10;
    expect(ipc_call(ag[A], &m), OK, "a call after all that");
    check(m.m.u32[0] == 11, "and its reply is right");
    result(A);
}

void scen_privileges(void)
{
    struct ag_result res;
    struct sys_getksig ks;
    cmd(U, AG_SEND, ag[A], 1, 0);
    expect(result(U).status, -ECALLDENIED, "unprivileged send to agent_a");
    cmd(U, AG_NOTIFY, ag[A], 0, 1);
    expect(result(U).status, -ECALLDENIED, "unprivileged notify to agent_a");
    cmd(U, AG_KCALL, NONE, SYS_DEVIO, 0);
    expect(result(U).status, -ECALLDENIED, "kernel call devio not in its list");
    cmd(U, AG_KCALL, NONE, SYS_KILL, 0);
    expect(result(U).status, -ECALLDENIED, "kernel call kill not in its list");
    cmd(A, AG_KCALL, NONE, SYS_BASE + 0xff, 0);
    expect(result(A).status, -EBADREQUEST, "unknown kernel call");
    cmd(A, AG_DEVIN, NONE, 0x70, 0);
    expect(result(A).status, -ECALLDENIED, "devio on port 0x70 (not granted)");
    cmd(A, AG_DEVIN, NONE, 0x80, 0);
    expect(result(A).status, OK, "devio on port 0x80 (granted)");
    cmd(A, AG_INB, NONE, 0x80, 0);
    expect(result(A).status, OK, "direct inb on port 0x80 through the TSS bitmap");
    cmd(A, AG_IRQ, NONE, 5, 0);
    expect(result(A).status, -ECALLDENIED, "subscribe to IRQ 5 (not granted)");
    cmd(A, AG_IRQ, NONE, 3, 0);
    expect(result(A).status, OK, "subscribe to IRQ 3 (granted)");
    cmd(B, AG_IRQ, NONE, 3, 0);
    expect(result(B).status, -EBUSY, "IRQ 3 already owned");
    cmd(A, AG_MAPREAD, NONE, 0x100000, 0);
    expect(result(A).status, -ECALLDENIED, "map kernel memory");
    cmd(A, AG_MAPREAD, NONE, 0xb8000, 0);
    res = result(A);
    check(res.status == OK && ((res.value >> 8) & 0xff) == 0x07,
          "map VGA memory and read a text cell (attribute 0x%x)", (res.value >> 8) & 0xff);
    cmd(A, AG_DEVBUF, self_ep, 0xb8000, 0);
    res = result(A);
    expect(res.status, -EINVAL, "a grant of device memory");
    expect(res.value, -EFAULT, "a kernel call whose message is in device memory");
    cmd(U, AG_INB, NONE, 0x80, 0);
    memset(&ks, 0, sizeof(ks));
    next_ksig(&ks);
    check(ks.ep == ag[U] && ks.reason == KSIG_EXCEPTION && ks.vector == 13,
          "direct inb without the port: %s killed by vector %u", ks.label, ks.vector);
    still_works();
}

void scen_bad_pointers(void)
{
    static const message rodata_msg = { .m_type = 1 };
    message m;
    grant_id_t g;
    int r;
    memset(&m, 0, sizeof(m));
    expect(ipc_send(ag[A], (message *)0), -EFAULT, "send from address 0");
    expect(ipc_send(ag[A], (message *)0x100000), -EFAULT, "send from kernel memory");
    expect(ipc_send(ag[A], (message *)0x50000000), -EFAULT, "send from unmapped memory");
    expect(ipc_receive(ANY, (message *)&rodata_msg), -EFAULT, "receive into read-only memory");
    expect(ipc_call(ag[A], (message *)(0xe0000000u - 32)), -EFAULT,
           "call with a message crossing the stack top");
    expect(ipc_send(SYSTEM, &m), -EBADREQUEST, "plain send to SYSTEM");
    __asm__ volatile("int $0x30" : "=a"(r) : "a"(99), "b"(0), "c"(&m) : "memory");
    expect(r, -EBADREQUEST, "unknown IPC operation");
    g = grant_create(self_ep, &m, sizeof(m), GRANT_READ | GRANT_WRITE);
    expect(sys_safecopyfrom(self_ep, g, 0, (void *)0x100000, 8), -EFAULT,
           "safecopy into kernel memory");
    expect(sys_safecopyfrom(self_ep, g, 0, (void *)&rodata_msg, 8), -EFAULT,
           "safecopy into read-only memory");
    expect(sys_safecopyto(self_ep, g, 0, (void *)0, 8), -EFAULT, "safecopy from address 0");
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_diag)->len = 1000;
    expect(kernel_call(SYS_DIAG, &m), -EINVAL, "diag with a length of 1000");
    still_works();
}

/*
 * scen_dead.c - send cycles refused with ELOCKED; a process killed while
 * others are blocked on it; messages to stale and invalid endpoints.
 */
#include "ctl.h"

void scen_deadlock(void)
{
    struct ag_result res;
    cmd(A, AG_SEND, ag[B], 1, 0);
    check(wait_flags(ag[A], PI_SENDING), "a blocks sending to b");
    cmd(B, AG_SEND, ag[A], 2, 0);
    expect(result(B).status, -ELOCKED, "cycle of 2: b sends to a");
    cmd(B, AG_RECEIVE, ag[A], 0, 0);
    check(result(B).value == 1, "b then receives a's message");
    expect(result(A).status, OK, "a's send");

    cmd(A, AG_SEND, ag[B], 1, 0);
    check(wait_flags(ag[A], PI_SENDING), "a blocks sending to b");
    cmd(B, AG_SEND, ag[C], 2, 0);
    check(wait_flags(ag[B], PI_SENDING), "b blocks sending to c");
    cmd(C, AG_SEND, ag[A], 3, 0);
    expect(result(C).status, -ELOCKED, "cycle of 3: c sends to a");
    cmd(C, AG_CALL, ag[A], 3, 0);
    expect(result(C).status, -ELOCKED, "cycle of 3 by call");
    cmd(C, AG_RECEIVE, ag[B], 0, 0);
    res = result(C);
    check(res.value == 2, "c receives b's message");
    expect(result(B).status, OK, "b's send");
    cmd(B, AG_RECEIVE, ag[A], 0, 0);
    check(result(B).value == 1, "b receives a's message");
    expect(result(A).status, OK, "a's send");
    cmd(A, AG_SEND, ag[A], 0, 0);
    expect(result(A).status, -ELOCKED, "send to oneself");
}

void scen_dead_peer(void)
{
    struct sys_getksig ks;
    struct sys_procinfo pi;
    endpoint_t d = ag[D];
    uint32_t free0, free1, total;
    message m;
    cmd(A, AG_SEND, d, 1, 0);
    check(wait_flags(ag[A], PI_SENDING), "a blocks sending to d");
    cmd(B, AG_CALL, d, 2, 0);
    check(wait_flags(ag[B], PI_SENDING), "b blocks calling d");
    cmd(C, AG_RECEIVE, d, 0, 0);
    check(wait_flags(ag[C], PI_RECEIVING), "c blocks receiving from d");
    sys_procpages(EP_SLOT(d), &pi);
    sys_meminfo(&free0, &total);
    expect(sys_kill(d), OK, "kill d");
    sys_meminfo(&free1, &total);
    check(pi.pages > 16 && free1 - free0 == pi.pages,
          "all %u frames of d came back (%u)", pi.pages, free1 - free0);
    expect(result(A).status, -EDEADSRCDST, "a woken");
    expect(result(B).status, -EDEADSRCDST, "b woken");
    expect(result(C).status, -EDEADSRCDST, "c woken");
    memset(&ks, 0, sizeof(ks));
    next_ksig(&ks);
    check(ks.ep == d && ks.reason == KSIG_KILLED,
          "supervisor report: %s reason %d", ks.label, ks.reason);
    cmd(A, AG_SEND, d, 1, 0);
    expect(result(A).status, -EDEADSRCDST, "send to the stale endpoint");
    cmd(A, AG_NOTIFY, d, 0, 1);
    expect(result(A).status, -EDEADSRCDST, "notify to the stale endpoint");
    cmd(A, AG_RECEIVE, d, 0, 0);
    expect(result(A).status, -EDEADSRCDST, "receive from the stale endpoint");
    memset(&m, 0, sizeof(m));
    expect(ipc_send(ENDPOINT(EP_GEN(ag[B]) + 1, EP_SLOT(ag[B])), &m), -EDEADSRCDST,
           "send to a live slot with the wrong generation");
    expect(ipc_send(ENDPOINT(1, 200), &m), -EBADEPT, "send to slot 200");
    expect(ipc_send(ANY, &m), -EBADEPT, "send to ANY");
    /* a call that was taken: the callee dies before it replies */
    cmd(A, AG_CALL, ag[C], 3, 0);
    check(wait_flags(ag[A], PI_SENDING), "a blocks calling c");
    cmd(C, AG_RECEIVE, ag[A], 0, 0);
    check(result(C).value == 3, "c takes a's call");
    expect(sys_kill(ag[C]), OK, "kill c");
    expect(result(A).status, -ENOREPLY, "a's call, taken by c, which then died");
}

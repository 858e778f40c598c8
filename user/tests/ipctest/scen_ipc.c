/*
 * scen_ipc.c - scenarios for the basic primitives: ping-pong, call
 * semantics, receive from ANY and from one source, notify coalescing,
 * sendnb.
 */
#include "ctl.h"

void scen_pingpong(void)
{
    message m;
    int bad = 0, r = OK;
    struct ag_result res;
    cmd(A, AG_SERVE, NONE, 0, 1000);
    for (int i = 0; i < 1000 && r == OK; i++) {
        memset(&m, 0, sizeof(m));
        m.m_type = AG_DATA;
        m.m.u32[0] = (uint32_t)i;
        r = ipc_call(ag[A], &m);
        bad += m.m_source != ag[A] || m.m.u32[0] != (uint32_t)i + 1;
    }
    expect(r, OK, "1000 calls to agent_a");
    check(bad == 0, "every reply came from agent_a with value+1 (%d wrong)", bad);
    res = result(A);
    check(res.count == 1000, "agent_a served %d requests", res.count);
}

void scen_call_semantics(void)
{
    struct ag_result res;
    cmd(C, AG_CALL, ag[A], 41, 0);                  /* c calls a */
    check(wait_flags(ag[C], PI_SENDING | PI_RECEIVING), "caller blocks until a receives");
    cmd(B, AG_RECEIVE, ANY, 0, 0);                  /* b waits for anybody */
    check(wait_flags(ag[B], PI_RECEIVING), "b waits in receive(ANY)");
    cmd(A, AG_RECEIVE, ANY, 0, 0);                  /* a takes c's request */
    res = result(A);
    check(res.status == OK && res.source == ag[C] && res.value == 41,
          "a received the call from c (value %d)", res.value);
    check(wait_flags(ag[C], PI_RECEIVING), "c now waits for the reply from a only");
    cmd(D, AG_SENDNB, ag[C], 7, 0);
    expect(result(D).status, -ENOTREADY, "sendnb from d to c during its call");
    cmd(D, AG_SEND, ag[C], 8, 0);
    check(wait_flags(ag[D], PI_SENDING), "d's send to c blocks during the call");
    cmd(A, AG_SEND, ag[C], 99, 0);                  /* the reply */
    expect(result(A).status, OK, "a's reply to c");
    res = result(C);
    check(res.status == OK && res.source == ag[A] && res.value == 99,
          "c got the reply from a (source %d value %d)", res.source, res.value);
    check(wait_flags(ag[B], PI_RECEIVING), "b (receive ANY) did not get the reply");
    cmd(C, AG_RECEIVE, ANY, 0, 0);
    res = result(C);
    check(res.source == ag[D] && res.value == 8, "after the call, c receives d's message");
    expect(result(D).status, OK, "d's send completes");
    cmd(A, AG_SEND, ag[B], 5, 0);                   /* release b */
    expect(result(A).status, OK, "a's send to b");
    check(result(B).value == 5, "b finally got its own message");
}

void scen_receive_any_specific(void)
{
    struct ag_result res;
    cmd(A, AG_SEND, ag[C], 1, 0);
    check(wait_flags(ag[A], PI_SENDING), "a blocks sending to c");
    cmd(B, AG_SEND, ag[C], 2, 0);
    check(wait_flags(ag[B], PI_SENDING), "b blocks sending to c");
    cmd(C, AG_RECEIVE, ag[B], 0, 0);
    res = result(C);
    check(res.source == ag[B] && res.value == 2, "receive(b) takes b's message although a sent first");
    expect(result(B).status, OK, "b's send");
    check(wait_flags(ag[A], PI_SENDING), "a is still blocked");
    cmd(C, AG_RECEIVE, ANY, 0, 0);
    res = result(C);
    check(res.source == ag[A] && res.value == 1, "receive(ANY) then takes a's message");
    expect(result(A).status, OK, "a's send");
    cmd(C, AG_RECEIVE, ag[D], 0, 0);
    check(wait_flags(ag[C], PI_RECEIVING), "c waits for d only");
    cmd(A, AG_SENDNB, ag[C], 3, 0);
    expect(result(A).status, -ENOTREADY, "sendnb from a to c waiting for d");
    cmd(D, AG_SEND, ag[C], 4, 0);
    expect(result(D).status, OK, "d's send");
    check(result(C).value == 4, "c got d's message");
}

void scen_notify(void)
{
    struct ag_result res;
    cmd(C, AG_RECEIVE, ag[B], 0, 0);
    check(wait_flags(ag[C], PI_RECEIVING), "c waits for b only");
    cmd(A, AG_NOTIFY, ag[C], 0, 5);
    res = result(A);
    check(res.status == OK && res.count == 5, "5 notifies to a busy c do not block");
    check(wait_flags(ag[C], PI_RECEIVING), "c is still waiting for b");
    cmd(B, AG_SEND, ag[C], 3, 0);
    expect(result(B).status, OK, "b's send");
    check(result(C).value == 3, "c got b's message first");
    cmd(C, AG_RECEIVE, ANY, 0, 0);
    res = result(C);
    check(res.type == NOTIFY_MESSAGE && res.source == ag[A],
          "the pending notification from a is delivered (type 0x%x)", res.type);
    cmd(C, AG_RECEIVE, ANY, 0, 0);
    sleep_ticks(5);
    check(wait_flags(ag[C], PI_RECEIVING), "the 5 notifies were coalesced into one");
    cmd(B, AG_SEND, ag[C], 4, 0);
    res = result(C);
    check(res.source == ag[B] && res.value == 4, "next message is b's, not another notification");
    expect(result(B).status, OK, "b's send");
    cmd(C, AG_RECEIVE, ANY, 0, 0);
    check(wait_flags(ag[C], PI_RECEIVING), "c waits in receive(ANY)");
    cmd(A, AG_NOTIFY, ag[C], 0, 1);
    expect(result(A).status, OK, "notify to a waiting c");
    res = result(C);
    check(res.type == NOTIFY_MESSAGE && res.source == ag[A], "delivered at once");
}

void scen_sendnb(void)
{
    struct ag_result res;
    cmd(A, AG_SENDNB, ag[B], 1, 0);
    expect(result(A).status, -ENOTREADY, "sendnb to b, which waits for the controller");
    cmd(B, AG_RECEIVE, ANY, 0, 0);
    check(wait_flags(ag[B], PI_RECEIVING), "b waits in receive(ANY)");
    cmd(A, AG_SENDNB, ag[B], 5, 0);
    expect(result(A).status, OK, "sendnb to a receiving b");
    res = result(B);
    check(res.source == ag[A] && res.value == 5, "b got the sendnb message");
}

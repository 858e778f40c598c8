/*
 * scen_rs.c - RS itself: killed and restarted by the kernel (its table is
 * rebuilt from the running processes and DS), and malformed or
 * unprivileged requests (errors, nothing changes).
 */
#include "svctest.h"

#define NR_LIST 64

struct snapshot { int n; struct rs_entry e[NR_LIST]; };
static struct snapshot before, after;

static void snap(struct snapshot *s)
{
    for (s->n = 0; s->n < NR_LIST && rs_entry(s->n, &s->e[s->n]) == OK; s->n++)
        ;
}

static int same(const struct snapshot *a, const struct snapshot *b, int skip_rs)
{
    if (a->n != b->n)
        return 0;
    for (int i = skip_rs; i < a->n; i++)
        if (strcmp(a->e[i].label, b->e[i].label) || a->e[i].ep != b->e[i].ep ||
            a->e[i].state != b->e[i].state || a->e[i].restarts != b->e[i].restarts)
            return 0;
    return 1;
}

void scen_rskill(void)
{

    endpoint_t rs0, rs1 = NONE, ep;
    uint32_t v = 0;
    ep = wait_label("victim", NONE, 300);
    rs_request(RS_FI, "victim", RS_FI_CRASH);           /* one restart on record */
    wait_label("victim", ep, 300);
    snap(&before);
    sys_lookup("rs", &rs0);
    expect(sys_kill(rs0), OK, "kill rs");
    for (int i = 0; i < 300 && (sys_lookup("rs", &rs1) != OK || rs1 == rs0); i++)
        sleep_ticks(1);
    check(rs1 != NONE && rs1 != rs0, "the kernel restarted rs (ep %d -> %d)", rs0, rs1);
    snap(&after);
    check(after.n == before.n && after.n >= 4, "service list has all %d entries", after.n);
    check(same(&before, &after, 1), "every service kept its endpoint, state and restart count");
    for (int i = 0; i < after.n; i++)
        printf("svctest: %s ep %d state %d restarts %d\n", after.e[i].label,
               after.e[i].ep, after.e[i].state, after.e[i].restarts);
    check(counter(wait_label("counter", NONE, 100), COUNTER_INC, &v) == OK, "counter works");
    ep = wait_label("victim", NONE, 100);
    rs_request(RS_FI, "victim", RS_FI_CRASH);
    check(wait_label("victim", ep, 300) != NONE, "the new rs restarts a crashed service");
}

void scen_malformed(void)
{

    endpoint_t rs = NONE;
    message m;
    snap(&before);
    sys_lookup("rs", &rs);
    memset(&m, 0, sizeof(m));
    m.m_type = RS_DOWN;
    memset(MSG_BODY(&m, struct rs_req)->label, 'x', 16);        /* no NUL */
    ipc_call(rs, &m);
    expect(m.m_type, -EINVAL, "label without a NUL");
    expect(rs_request(RS_DOWN, "nosuchservice", 0), -ESRCH, "unknown label");
    expect(rs_request(RS_FI, "victim", 9), -EINVAL, "unknown fault kind");
    expect(rs_request(RS_BASE + 0x7f, "victim", 0), -EBADREQUEST, "unknown request type");
    expect(rs_request(RS_FI_REQ, "victim", RS_FI_CRASH), -EBADREQUEST,
           "a fault-injection order sent to rs itself");
    memset(&m, 0, sizeof(m));
    m.m_type = RS_LIST;
    MSG_BODY(&m, struct rs_entry)->index = 99;
    ipc_call(rs, &m);
    expect(m.m_type, -ESRCH, "list index past the end");
    MSG_BODY(&m, struct rs_entry)->index = -1;
    m.m_type = RS_LIST;
    ipc_call(rs, &m);
    expect(m.m_type, -ESRCH, "negative list index");
    snap(&after);
    check(same(&before, &after, 0), "the service list did not change");
}

/* Run as svcuser: a service that is not an administrator. */
void scen_nonadmin(void)
{
    struct rs_entry e;
    expect(rs_request(RS_DOWN, "counter", 0), -EPERM, "down from a non-administrator");
    expect(rs_request(RS_FI, "counter", RS_FI_CRASH), -EPERM, "fi from a non-administrator");
    expect(rs_entry(0, &e), -EPERM, "list from a non-administrator");
    check(wait_label("counter", NONE, 100) != NONE, "counter is still published");
}

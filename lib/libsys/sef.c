/*
 * sef.c - the server skeleton (see sef.h): startup handshake with RS and
 * the receive/dispatch loop.
 *
 * RS is found by label through the kernel; when RS restarts, its endpoint
 * changes, so a notification from an unknown source makes us look it up
 * again before deciding it is not a heartbeat.  Without RS (services
 * started directly by the kernel in tests) a service starts fresh.
 * A heartbeat is answered after the server's self-check (table->check);
 * table->again and table->answered keep the record for requests sent
 * again; table->settle runs when a message has been handled in full,
 * before the reply leaves or the server blocks for the next one.  The
 * boot argument recover=off switches those four off (the benchmarks'
 * "without": make bench measures what they cost).
 *
 * The request in hand is kept in the state region (inhand): who sent it
 * and whether its handler is still running.  A restarted instance whose
 * predecessor failed inside a handler cannot know how much of that
 * request was done, so the repeat of it fails with EIO instead of being
 * done again (sef_cut_short, used by the 'again' hooks; docs/recovery.md).
 * RS_FI_MIDWAY makes exactly that failure: the next request's handler
 * runs, and the server crashes before the reply and its record.
 */
#include "sef.h"

static endpoint_t rs_ep = NONE;
static int recover = 1;                 /* boot argument recover=off: no records, no self-checks */
static int just_checked;                /* the restart callback has just run the checks */
static int midway;                      /* RS_FI_MIDWAY asked: fail in the next request */
static struct {
    endpoint_t src;                     /* the sender of the request in hand */
    uint32_t busy;                      /* its handler is running */
} inhand STATE;
static endpoint_t cut_src = NONE;       /* whose request the last instance died in */

int sef_cut_short(endpoint_t src)
{
    if (cut_src == NONE || src != cut_src)
        return 0;
    cut_src = NONE;
    return 1;
}

int sef_recover_on(void)
{
    return recover;
}

endpoint_t sef_rs(void)
{
    if (sys_lookup("rs", &rs_ep) != OK)
        rs_ep = NONE;
    return rs_ep;
}

/* Fault injection for the tests (boot argument fi_restart=<label>): the
 * first restarted instance of <label> fails at the end of its recovery,
 * after its restart callback has inherited and checked its state, before
 * it serves anything; the next instance must recover from that. */
static void fail_in_recovery(const struct sef_init *info)
{
    char want[16], self[16];
    endpoint_t ep;
    if (info->type != SEF_INIT_RESTART || info->restarts != 1 ||
        sys_getarg("fi_restart", want, sizeof(want)) != OK ||
        sys_self(&ep, self) != OK || strcmp(want, self) != 0)
        return;
    printf("sef: %s fails during its recovery (fi_restart)\n", self);
    sys_exit(70);
}

void sef_startup(sef_init_cb fresh, sef_init_cb restart)
{
    struct sef_init info = { SEF_INIT_FRESH, 0, sys_state(0) };
    char v[8];
    message m;
    if (sys_getarg("recover", v, sizeof(v)) == OK && strcmp(v, "off") == 0)
        recover = 0;
    if (sef_rs() != NONE) {
        memset(&m, 0, sizeof(m));
        m.m_type = RS_INIT;
        if (ipc_call(rs_ep, &m) == OK && m.m_type == OK) {
            info.type = MSG_BODY(&m, struct rs_init)->type;
            info.restarts = MSG_BODY(&m, struct rs_init)->restarts;
        }
    }
    if ((info.type == SEF_INIT_RESTART && restart ? restart : fresh)(&info) != OK) {
        printf("sef: initialisation failed\n");
        sys_exit(1);
    }
    fail_in_recovery(&info);
    just_checked = info.type == SEF_INIT_RESTART;
}

void sef_fail(const struct srv_table *t, int kind)
{
    if (kind == RS_FI_CORRUPT) {
        if (t->corrupt)
            t->corrupt();
        else
            printf("sef: nothing to corrupt here\n");
        return;
    }
    if (kind == RS_FI_MIDWAY)
        midway = 1;
    if (kind == RS_FI_CRASH)
        sys_exit(70);
    if (kind == RS_FI_EXCEPTION)
        *(volatile int *)0 = 1;
    if (kind == RS_FI_HANG)
        for (;;)
            ;
}

/* Is m from RS?  RS's endpoint changes when the kernel restarts it, so
 * an RS-looking message from another endpoint makes us look RS up again. */
static int is_rs(const message *m)
{
    if (m->m_source == rs_ep)
        return 1;
    if (m->m_source < 0 || (!IS_NOTIFY(m) && m->m_type != RS_FI_REQ))
        return 0;
    return sef_rs() == m->m_source;
}

/* A message from RS that the skeleton handles itself?  A heartbeat is
 * answered after the server's self-check. */
static int from_rs(const struct srv_table *t, const message *m)
{
    if (!is_rs(m))
        return 0;
    if (IS_NOTIFY(m)) {
        if (t->check && !just_checked)
            t->check();
        just_checked = 0;
        ipc_notify(rs_ep);                  /* heartbeat answer */
        return 1;
    }
    if (m->m_type == RS_FI_REQ) {
        sef_fail(t, MSG_BODY(m, const struct rs_req)->kind);
        return 1;
    }
    return 0;
}

static int dispatch(const struct srv_table *t, message *m)
{
    int i = m->m_type - t->base;
    if (i < 0 || i >= t->count || !t->handlers[i])
        return -EBADREQUEST;
    return t->handlers[i](m);
}

/* The next message, once the last one is settled (srv_table.settle:
 * before blocking, so the tables are copied while the server waits). */
static int next(const struct srv_table *t, message *m)
{
    if (t->settle)
        t->settle();
    return ipc_receive(ANY, m);
}

void server_loop(const struct srv_table *table)
{
    struct srv_table local = *table;
    const struct srv_table *t = &local;
    message m;
    int r;
    if (!recover) {                     /* recover=off: the table without the hooks */
        local.again = 0;
        local.answered = 0;
        local.check = 0;
        local.settle = 0;
    }
    if (inhand.busy) {
        cut_src = inhand.src;
        inhand.busy = 0;
    }
    r = next(t, &m);
    for (;;) {
        endpoint_t src = m.m_source;
        int status;
        if (r != OK || from_rs(t, &m)) {
            r = next(t, &m);
            continue;
        }
        if (IS_NOTIFY(&m)) {
            if (t->notify)
                t->notify(&m);
            r = next(t, &m);
            continue;
        }
        status = t->again ? t->again(&m) : SRV_GO_ON;
        if (status == SRV_GO_ON) {
            inhand.src = src;
            inhand.busy = 1;
            status = dispatch(t, &m);
            if (midway && status != EDONTREPLY)
                sys_exit(70);           /* RS_FI_MIDWAY: done, neither recorded nor answered */
            inhand.busy = 0;
        }
        if (status == EDONTREPLY) {
            r = next(t, &m);
            continue;
        }
        m.m_type = status;
        if (t->answered)
            t->answered(src, &m);
        if (t->settle)
            t->settle();                /* settled before it blocks in replyrecv */
        r = ipc_replyrecv(src, &m, 0);
    }
}

/*
 * ctl.c - the ipctest controller: find the agents, run the scenario the
 * command line names, print a verdict line and power off with status 0
 * (all checks passed) or 1.
 */
#include "ctl.h"

endpoint_t ag[NR_AGENTS];
endpoint_t self_ep;
static int checks, failures;
static const char *const agent_labels[NR_AGENTS] = {
    "agent_a", "agent_b", "agent_c", "agent_d", "agent_u",
};

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "pingpong", scen_pingpong },
    { "call", scen_call_semantics },
    { "receive", scen_receive_any_specific },
    { "notify", scen_notify },
    { "sendnb", scen_sendnb },
    { "deadlock", scen_deadlock },
    { "deadpeer", scen_dead_peer },
    { "grants", scen_grants },
    { "privileges", scen_privileges },
    { "badptr", scen_bad_pointers },
};

void check(int cond, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    checks++;
    if (!cond)
        failures++;
    printf("%s - %s\n", cond ? "ok" : "not ok", buf);
}

void expect(int got, int want, const char *what)
{
    check(got == want, "%s: %s (want %s)", what, errname(got), errname(want));
}

void cmd(int agent, int op, endpoint_t target, int32_t value, int32_t count)
{
    message m;
    struct ag_cmd *c = MSG_BODY(&m, struct ag_cmd);
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = op;
    c->target = target;
    c->value = value;
    c->count = count;
    r = ipc_send(ag[agent], &m);
    if (r != OK)
        check(0, "command to %s: %s", agent_labels[agent], errname(r));
}

void cmd_copy(int agent, int op, endpoint_t owner, grant_id_t g,
              uint32_t offset, uint32_t len, int32_t value)
{
    message m;
    struct ag_cmd *c = MSG_BODY(&m, struct ag_cmd);
    memset(&m, 0, sizeof(m));
    m.m_type = op;
    c->target = owner;
    c->grant = g;
    c->offset = offset;
    c->len = len;
    c->value = value;
    ipc_send(ag[agent], &m);
}

struct ag_result result(int agent)
{
    message m;
    struct ag_result res;
    int r = ipc_receive(ag[agent], &m);
    memset(&res, 0, sizeof(res));
    if (r != OK || m.m_type != AG_RESULT) {
        check(0, "result from %s: %s type 0x%x", agent_labels[agent], errname(r), m.m_type);
        res.status = r ? r : -EBADREQUEST;
        return res;
    }
    return *MSG_BODY(&m, struct ag_result);
}

void sleep_ticks(uint32_t n)
{
    message m;
    sys_setalarm(n);
    do {
        if (ipc_receive(SYSTEM, &m) != OK)
            return;
    } while (!(m.m.u32[0] & SYSEV_ALARM));
}

int wait_flags(endpoint_t ep, int flags)
{
    struct sys_procinfo pi;
    for (int i = 0; i < 200; i++) {
        if (sys_procinfo(EP_SLOT(ep), &pi) == OK && pi.ep == ep &&
            (pi.flags & flags) == flags)
            return 1;
        sleep_ticks(1);
    }
    return 0;
}

int next_ksig(struct sys_getksig *out)
{
    message m;
    for (int i = 0; i < 100; i++) {
        if (sys_getksig(out) == OK)
            return 1;
        sys_setalarm(10);
        ipc_receive(SYSTEM, &m);
    }
    return 0;
}

int ctl_main(void)
{
    char name[40];
    sys_self(&self_ep, 0);
    for (int i = 0; i < NR_AGENTS; i++)
        if (sys_lookup(agent_labels[i], &ag[i]) != OK)
            ag[i] = NONE;
    if (sys_getarg("ipctest", name, sizeof(name)) != OK)
        strlcpy(name, "(none)", sizeof(name));
    for (unsigned i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        if (strcmp(scenarios[i].name, name) != 0)
            continue;
        printf("ipctest %s: start\n", name);
        scenarios[i].run();
        printf("ipctest %s: %s (%d checks, %d failed)\n", name,
               failures || !checks ? "FAIL" : "PASS", checks, failures);
        sys_shutdown(SD_POWEROFF, failures || !checks);
    }
    printf("ipctest: unknown scenario '%s'\n", name);
    sys_shutdown(SD_POWEROFF, 2);
    return 1;
}

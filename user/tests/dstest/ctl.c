/*
 * ctl.c - the dstest controller: find DS and the agents, run the
 * scenario the command line names, print a verdict line and power off
 * with status 0 (all checks passed) or 1.
 */
#include "ctl.h"

endpoint_t ag[NR_AGENTS];
endpoint_t self_ep, ds_ep;
static int checks, failures;
static const char *const agent_labels[NR_AGENTS] = { "dsother", "dssub", "dsunpriv" };
static uint8_t image[512 * 1024];       /* dstest's module, to respawn agents */

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "types", scen_types },
    { "overwrite", scen_overwrite },
    { "delete", scen_delete },
    { "ownership", scen_ownership },
    { "restart", scen_restart },
    { "subscribe", scen_subscribe },
    { "full", scen_full },
    { "malformed", scen_malformed },
    { "unpriv", scen_unpriv },
};

const char *dserr(int err)
{
    switch (err) {
    case -E2BIG:  return "E2BIG";
    case -EAGAIN: return "EAGAIN";
    case -EEXIST: return "EEXIST";
    default:      return errname(err);
    }
}

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
    check(got == want, "%s: %s (want %s)", what, dserr(got), dserr(want));
}

struct ag_result agent(int who, int op, const char *key, int type,
                       uint32_t value, const char *str)
{
    message m;
    struct ag_cmd *c = MSG_BODY(&m, struct ag_cmd);
    struct ag_result res;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = op;
    strlcpy(c->key, key, sizeof(c->key));
    c->type = type;
    c->value = value;
    strlcpy(c->str, str ? str : "", sizeof(c->str));
    memset(&res, 0, sizeof(res));
    if ((r = ipc_send(ag[who], &m)) == OK)
        r = ipc_receive(ag[who], &m);
    if (r != OK || m.m_type != AG_RESULT) {
        check(0, "command to %s: %s type 0x%x", agent_labels[who], dserr(r), m.m_type);
        res.status = r ? r : -EBADREQUEST;
        return res;
    }
    return *MSG_BODY(&m, struct ag_result);
}

int agent_kill(int who)
{
    return sys_kill(ag[who]);
}

int agent_spawn(int who)
{
    uint32_t size = 0;
    int r = sys_getmodule(-1, "dstest", 0, image, sizeof(image), &size);
    if (r != OK)
        return r;
    return sys_spawn(agent_labels[who], image, size, 0, &ag[who]);
}

static void sleep_ticks(uint32_t n)
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

/* DS_CHECK through agent 'who' until ESRCH; see ctl.h. */
int drain_checks(int who, const char *const *keys, int n, uint32_t *mask,
                 uint32_t *deleted, int *dups)
{
    int count = 0;
    *mask = *deleted = 0;
    *dups = 0;
    for (int guard = 0; guard < 200; guard++) {
        struct ag_result res = agent(who, AG_CHECK, "", 0, 0, 0);
        int i;
        if (res.status != OK)
            return res.status == -ESRCH ? count : res.status;
        count++;
        for (i = 0; i < n && strcmp(keys[i], res.key) != 0; i++)
            ;
        if (i == n)
            i = 31;
        *dups += i < 31 && ((*mask >> i) & 1);
        *mask |= 1u << i;
        if (res.deleted)
            *deleted |= 1u << i;
    }
    return count;
}

struct ds_req *raw_req(message *m, int type, const char *key, int vtype)
{
    struct ds_req *d = MSG_BODY(m, struct ds_req);
    memset(m, 0, sizeof(*m));
    m->m_type = type;
    memcpy(d->key, key, strlen(key) < DS_KEY_MAX ? strlen(key) + 1 : DS_KEY_MAX);
    d->type = vtype;
    return d;
}

int raw_call(message *m)
{
    int r = ipc_call(ds_ep, m);
    return r != OK ? r : m->m_type;
}

int ctl_main(void)
{
    char name[40];
    sys_self(&self_ep, 0);
    if (sys_lookup("ds", &ds_ep) != OK)
        ds_ep = NONE;
    for (int i = 0; i < NR_AGENTS; i++)
        if (sys_lookup(agent_labels[i], &ag[i]) != OK)
            ag[i] = NONE;
    if (sys_getarg("dstest", name, sizeof(name)) != OK)
        strlcpy(name, "(none)", sizeof(name));
    for (unsigned i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        if (strcmp(scenarios[i].name, name) != 0)
            continue;
        printf("dstest %s: start\n", name);
        scenarios[i].run();
        printf("dstest %s: %s (%d checks, %d failed)\n", name,
               failures || !checks ? "FAIL" : "PASS", checks, failures);
        sys_shutdown(SD_POWEROFF, failures || !checks);
    }
    printf("dstest: unknown scenario '%s'\n", name);
    sys_shutdown(SD_POWEROFF, 2);
    return 1;
}

/*
 * svctest - helpers and the scenario dispatcher (see svctest.h).
 */
#include "svctest.h"

static int checks, failures;

void check(int cond, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    checks++;
    failures += !cond;
    printf("%s - %s\n", cond ? "ok" : "not ok", buf);
}

void expect(int got, int want, const char *what)
{
    check(got == want, "%s: %s (want %s)", what, errname(got), errname(want));
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

static endpoint_t rs(void)
{
    endpoint_t ep = NONE;
    sys_lookup("rs", &ep);
    return ep;
}

int rs_request(int type, const char *label, int kind)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    strlcpy(MSG_BODY(&m, struct rs_req)->label, label, 16);
    MSG_BODY(&m, struct rs_req)->kind = kind;
    r = ipc_call(rs(), &m);
    return r != OK ? r : m.m_type;
}

int rs_entry(int index, struct rs_entry *e)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = RS_LIST;
    MSG_BODY(&m, struct rs_entry)->index = index;
    r = ipc_call(rs(), &m);
    if (r == OK && m.m_type == OK)
        *e = *MSG_BODY(&m, struct rs_entry);
    return r != OK ? r : m.m_type;
}

int rs_find(const char *label, struct rs_entry *e)
{
    for (int i = 0; rs_entry(i, e) == OK; i++)
        if (strcmp(e->label, label) == 0)
            return OK;
    return -ESRCH;
}

/* Poll DS until label names an endpoint other than 'old'. */
endpoint_t wait_label(const char *label, endpoint_t old, uint32_t max_ticks)
{
    uint32_t t0 = sys_uptime();
    endpoint_t ep;
    do {
        if (ds_retrieve_label(label, &ep) == OK && ep != old)
            return ep;
        sleep_ticks(1);
    } while (sys_uptime() - t0 < max_ticks);
    return NONE;
}

int echo(endpoint_t ep, uint32_t v)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = ECHO_REQ;
    m.m.u32[0] = v;
    r = ipc_call(ep, &m);
    if (r != OK)
        return r;
    return m.m_type == OK && m.m.u32[0] == v + 1 ? OK : -EBADREQUEST;
}

int counter(endpoint_t ep, int type, uint32_t *value)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    r = ipc_call(ep, &m);
    if (r == OK && m.m_type == OK)
        *value = m.m.u32[0];
    return r != OK ? r : m.m_type;
}

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "crash20", scen_crash20 }, { "heartbeat", scen_heartbeat },
    { "exception", scen_exception }, { "rskill", scen_rskill },
    { "malformed", scen_malformed }, { "updown", scen_updown },
    { "recovery", scen_recovery }, { "nonadmin", scen_nonadmin },
    { "dscrash", scen_dscrash },
};

int main(void)
{
    char name[40];
    if (sys_getarg("svctest", name, sizeof(name)) != OK)
        strlcpy(name, "(none)", sizeof(name));
    for (unsigned i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        if (strcmp(scenarios[i].name, name) != 0)
            continue;
        printf("svctest %s: start\n", name);
        scenarios[i].run();
        printf("svctest %s: %s (%d checks, %d failed)\n", name,
               failures || !checks ? "FAIL" : "PASS", checks, failures);
        sys_shutdown(SD_POWEROFF, failures || !checks);
    }
    printf("svctest: unknown scenario '%s'\n", name);
    sys_shutdown(SD_POWEROFF, 2);
    return 1;
}

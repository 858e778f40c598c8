/*
 * rs - the reincarnation server (DESIGN.md section 4): parent and
 * supervisor of every service.  Startup: read the service descriptions,
 * adopt services that are already running (when the kernel has restarted
 * RS after a failure; DS kept their failure rows, and which of the others
 * were stopped or left down) and start the ones that should run, in
 * description order; then serve requests, death reports and the periodic tick.
 * rs_start=a,b,... on the kernel command line replaces the "boot yes" set.
 */
#include "rs.h"

endpoint_t self_ep;

static int wanted(const struct pc_service *d)
{
    char list[40];
    if (sys_getarg("rs_start", list, sizeof(list)) != OK)
        return d->boot;
    for (char *p = list; *p;) {
        char *item = p;
        while (*p && *p != ',')
            p++;
        if ((size_t)(p - item) == strlen(d->label) &&
            strncmp(item, d->label, (size_t)(p - item)) == 0)
            return 1;
        if (*p)
            p++;
    }
    return 0;
}

/* After a restart of RS: take over a service that is still running. */
static int adopt(struct service *s, int ds_ok)
{
    char key[DS_KEY_MAX];
    uint32_t n = 0;
    endpoint_t ep;
    if (sys_lookup(s->desc->label, &ep) != OK)
        return 0;
    s->ep = ep;
    s->state = RS_STATE_UP;
    s->initialized = 1;
    s->answered = 1;
    s->up_since = sys_uptime();
    s->next_ping = s->up_since + (uint32_t)s->desc->period;
    fmt_snprintf(key, sizeof(key), "rs.n.%s", s->desc->label);
    if (ds_ok && ds_retrieve_u32(key, &n) == OK)
        s->restarts = (int)n;
    printf("rs: adopted %s (ep %d)\n", s->desc->label, ep);
    return 1;
}

/* After a restart of RS: what DS kept of a service's row (lifecycle.c);
 * a service that does not run and was stopped or left down stays so, a
 * fault not yet delivered to one that runs is delivered. */
static int recall(struct service *s)
{
    char key[DS_KEY_MAX];
    uint32_t v = 0, state;
    fmt_snprintf(key, sizeof(key), "rs.s.%s", s->desc->label);
    if (ds_retrieve_u32(key, &v) != OK)
        return 0;
    s->failures = (int)(v & 0xffff);
    state = (v >> 16) & 0xff;
    if (s->ep != NONE && v >> 24 >= RS_FI_CRASH && v >> 24 <= RS_FI_MIDWAY) {
        s->fi_pending = (int)(v >> 24);     /* rs_tick delivers it */
        printf("rs: the fault asked for %s before my restart is still to come\n",
               s->desc->label);
    }
    if (s->ep != NONE || (state != RS_STATE_DOWN && state != RS_STATE_FAILED))
        return 0;
    s->state = (int)state;
    strlcpy(s->reason, state == RS_STATE_DOWN ? "stopped" : "failed too often", sizeof(s->reason));
    printf("rs: %s stays %s\n", s->desc->label, state == RS_STATE_DOWN ? "stopped" : "failed");
    return 1;
}

/* A restarted RS times itself, as it times the services it restarts
 * (rs_pong): from its predecessor's end to its own receive loop. */
static void say_serving(uint64_t ended, uint64_t started)
{
    uint64_t now = sys_uptime_us(), us = now - ended;
    if (ended)
        printf("rs: rs serving again %u.%03u ms after it died (its own start %u us)\n",
               (unsigned)(us / 1000), (unsigned)(us % 1000), (unsigned)(now - started));
}

int main(void)
{
    endpoint_t old;
    int adopted = 0, stays_down[MAX_SERVICES] = { 0 };
    uint64_t started = sys_uptime_us(), ended;
    sys_state(&ended);
    sys_self(&self_ep, 0);
    if (config_load() != OK)
        return 1;
    int ds_ok = ds_ready();             /* a hung DS would hang RS too */
    for (int i = 0; i < nservices; i++)
        adopted += adopt(&services[i], ds_ok);
    if (adopted && ds_ok && ds_retrieve_label("rs", &old) == OK && old != self_ep)
        printf("rs: restarted by the kernel (was ep %d); %d services adopted\n",
               old, adopted);
    for (int i = 0; adopted && ds_ok && i < nservices; i++)
        stays_down[i] = recall(&services[i]);
    if (adopted && ds_ok)
        publish_all();
    for (int i = 0; i < nservices; i++)
        if (services[i].ep == NONE && !stays_down[i] && wanted(services[i].desc))
            service_start(&services[i]);
    sys_setalarm(RS_TICK);
    say_serving(ended, started);
    server_loop(&rs_table);
}

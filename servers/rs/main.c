/*
 * rs - the reincarnation server (DESIGN.md section 4): parent and
 * supervisor of every service.  Startup: read the service descriptions,
 * adopt services that are already running (when the kernel has restarted
 * RS after a failure) and start the ones that should run, in description
 * order; then serve requests, death reports and the periodic tick.
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
static int adopt(struct service *s)
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
    if (ds_retrieve_u32(key, &n) == OK)
        s->restarts = (int)n;
    printf("rs: adopted %s (ep %d)\n", s->desc->label, ep);
    return 1;
}

int main(void)
{
    endpoint_t old;
    int adopted = 0;
    sys_self(&self_ep, 0);
    if (config_load() != OK)
        return 1;
    for (int i = 0; i < nservices; i++)
        adopted += adopt(&services[i]);
    if (adopted && ds_retrieve_label("rs", &old) == OK && old != self_ep)
        printf("rs: restarted by the kernel (was ep %d); %d services adopted\n",
               old, adopted);
    if (adopted)
        publish_all();
    for (int i = 0; i < nservices; i++)
        if (services[i].ep == NONE && wanted(services[i].desc))
            service_start(&services[i]);
    sys_setalarm(RS_TICK);
    server_loop(&rs_table);
}

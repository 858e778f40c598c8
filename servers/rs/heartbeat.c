/*
 * heartbeat.c - RS's periodic work (every RS_TICK ticks): start services
 * whose backoff has expired, reset the failure count of stable services,
 * deliver injected faults whose target was busy, and ping every
 * initialised service that has a heartbeat period.  A
 * service that has not answered two pings in a row (two periods) is
 * killed; its death then goes through the normal restart policy.
 */
#include "rs.h"

static void ping(struct service *s, uint32_t now)
{
    if (!s->desc->period || !s->initialized || now < s->next_ping)
        return;
    s->missed = s->answered ? 0 : s->missed + 1;
    if (s->missed >= 2) {
        printf("rs: %s missed 2 heartbeats (%d ticks each); killing it\n",
               s->desc->label, s->desc->period);
        s->kill_reason = "no heartbeat";
        sys_kill(s->ep);
        return;
    }
    s->answered = 0;
    s->next_ping = now + (uint32_t)s->desc->period;
    ipc_notify(s->ep);
}

void rs_tick(void)
{
    uint32_t now = sys_uptime();
    for (int i = 0; i < nservices; i++) {
        struct service *s = &services[i];
        if (s->state == RS_STATE_WAITING && now >= s->restart_at)
            service_start(s);
        else if (s->state == RS_STATE_UP && s->ep != NONE) {
            if (s->failures && now - s->up_since >= RS_STABLE)
                s->failures = 0;
            if (s->fi_pending)
                fi_retry(s);
            ping(s, now);
        }
    }
    sys_setalarm(RS_TICK);
}

void rs_pong(endpoint_t from)
{
    struct service *s = service_by_ep(from);
    if (s)
        s->answered = 1;
}

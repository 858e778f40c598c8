/*
 * heartbeat.c - RS's periodic work (every RS_TICK ticks): start services
 * whose backoff has expired, reset the failure count of stable services,
 * deliver injected faults whose target was busy (or RS itself), check
 * RS's own table (check.c), and ping every initialised service that has
 * a heartbeat period.  A
 * service that has not answered two pings in a row (two periods) is
 * killed; its death then goes through the normal restart policy.  One
 * that is found dead then, its label naming nobody, died without a death
 * report (its kernel slot was damaged beyond knowing whose it was): it
 * is taken as dead (gone).
 *
 * A service blocked in a call to another supervised service is waiting,
 * not hung (VFS in a call to a hung ramfs): the blame goes down the chain
 * of calls to the first service that is not blocked in one, and that one
 * is found by its own heartbeats.  A chain that comes back to where it
 * started is a deadlock: each member is killed as hung.  Likewise a
 * service may be starved, not hung, while a service of higher priority
 * is runnable (a hung DS at priority 2 keeps ramfs, VFS and PM at 3 from
 * running): it is spared while that one is, and the culprit is found by
 * its own heartbeats.
 */
#include "rs.h"

/* The service s is blocked in a call to (sending to, or waiting for the
 * reply of), or NULL. */
static struct service *calling(const struct service *s)
{
    struct sys_procinfo pi;
    endpoint_t to = NONE;
    if (s->ep == NONE || sys_procinfo(EP_SLOT(s->ep), &pi) != OK || pi.ep != s->ep)
        return 0;
    if (pi.flags & PI_SENDING)
        to = pi.sendto;
    else if ((pi.flags & PI_RECEIVING) && pi.getfrom != ANY)
        to = pi.getfrom;
    return to == NONE || to == self_ep ? 0 : service_by_ep(to);
}

/* Is s waiting for a live service further down a chain of calls? */
static int waiting(const struct service *s)
{
    const struct service *t = calling(s), *next;
    for (int steps = 0; t && steps < nservices; steps++) {
        if (t == s || t->state != RS_STATE_UP)
            return 0;                   /* a cycle (deadlock), or a dead end */
        if (!(next = calling(t)))
            return 1;
        t = next;
    }
    return 0;
}

static int runnable(const struct service *s)
{
    struct sys_procinfo pi;
    return s->ep != NONE && sys_procinfo(EP_SLOT(s->ep), &pi) == OK && pi.ep == s->ep &&
           !(pi.flags & (PI_FREE | PI_SENDING | PI_RECEIVING));
}

/* Could s have been kept from running by a busy service above it?  One
 * that has not answered a ping sent before this tick (one pinged just now
 * is runnable for a moment) and is runnable, or was just killed by us. */
static int starved(const struct service *s, uint32_t now)
{
    for (int i = 0; i < nservices; i++) {
        const struct service *t = &services[i];
        if (t != s && t->state == RS_STATE_UP && t->ep != self_ep && !t->answered &&
            t->pinged_at < now && t->desc->priority < s->desc->priority &&
            (t->kill_reason || runnable(t)))
            return 1;
    }
    return 0;
}

/* s is not alive and no death report came for it (the kernel could not
 * tell whose the slot was): it died all the same. */
static void gone(struct service *s)
{
    struct sys_getksig ks;
    memset(&ks, 0, sizeof(ks));
    ks.ep = s->ep;
    ks.reason = KSIG_KILLED;
    strlcpy(ks.label, s->desc->label, sizeof(ks.label));
    printf("rs: %s is gone without a death report; taken as dead\n", s->desc->label);
    service_died(&ks);
}

static void ping(struct service *s, uint32_t now)
{
    endpoint_t live;
    if (!s->desc->period || !s->initialized || now < s->next_ping)
        return;
    s->missed = s->answered ? 0 : s->missed + 1;
    if (s->missed >= 2 && (waiting(s) || starved(s, now)))
        s->missed = 1;                  /* the culprit's own heartbeats will tell */
    if (s->missed >= 2) {
        printf("rs: %s missed 2 heartbeats (%d ticks each); killing it\n",
               s->desc->label, s->desc->period);
        s->kill_reason = "no heartbeat";
        if (sys_kill(s->ep) != OK && sys_lookup(s->desc->label, &live) != OK)
            gone(s);
        return;
    }
    s->answered = 0;
    s->pinged_at = now;
    s->next_ping = now + (uint32_t)s->desc->period;
    ipc_notify(s->ep);
}

void rs_tick(void)
{
    uint32_t now = sys_uptime();
    rows_flush();                       /* before a fault of RS's own: kept */
    if (rs_self_fault) {
        int kind = rs_self_fault;
        rs_self_fault = 0;
        sef_fail(&rs_table, kind);
    }
    if (sef_recover_on() && now % RS_CHECK_TICKS < RS_TICK)
        rs_check();
    image_scrub();
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
    if (!s)
        return;
    s->answered = 1;
    if (s->probing) {                   /* the answer to the ping at RS_INIT */
        uint64_t now = sys_uptime_us(), us = now - s->died_us;
        s->probing = 0;
        printf("rs: %s serving again %u.%03u ms after it died (image check %u us, "
               "spawn %u us, its own start %u us)\n", s->desc->label,
               (unsigned)(us / 1000), (unsigned)(us % 1000), (unsigned)s->image_us,
               (unsigned)s->spawn_us, (unsigned)(now - s->spawned_us));
        return;                         /* "served" takes a regular heartbeat */
    }
    s->served |= s->initialized;
}

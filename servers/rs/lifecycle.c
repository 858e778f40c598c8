/*
 * lifecycle.c - starting services, reacting to their deaths, and keeping
 * DS informed.
 *
 * Restart policy: the first failure restarts at once; the k-th failure in
 * a row waits min(2^(k-2), backoff) ticks; more than "restarts" failures
 * in a row leave the service FAILED (down, with the reason).  A failure
 * is "in a row" unless the instance that failed had served: completed
 * RS_INIT and then answered a heartbeat; a service that has stayed up
 * RS_STABLE ticks (one without heartbeats) also counts from zero again.
 * So a crash loop is stopped, and a server that fails now and then
 * however often, with service in between, is always restarted.  A
 * service is published in DS (label -> endpoint, and its restart count
 * under "rs.n.<label>") when it completes RS_INIT, that is, when it is
 * ready to serve.  Its failures in a row, and whether a service that does
 * not run was stopped or left down, and a fault asked for and not yet
 * delivered, are kept in DS too ("rs.s.<label>": fault << 24 | state << 16
 * | failures) for an RS the kernel restarts (main.c).  A restarted service inherits the state
 * region of its previous instance (kernel/keep.c), however often it
 * fails, unless its last RS_FRESH_AFTER instances all died before they
 * completed RS_INIT: then the kept state may be what kills it, and it
 * starts fresh.
 */
#include "rs.h"

struct service services[MAX_SERVICES];
int nservices;

struct service *service_by_ep(endpoint_t ep)
{
    for (int i = 0; i < nservices; i++)
        if (services[i].ep == ep && ep != NONE)
            return &services[i];
    return 0;
}

struct service *service_by_label(const char *label)
{
    for (int i = 0; i < nservices; i++)
        if (strcmp(services[i].desc->label, label) == 0)
            return &services[i];
    return 0;
}

int service_start(struct service *s)
{
    const struct pc_service *d = s->desc;
    uint64_t t0 = sys_uptime_us(), t1;
    int r;
    if (!(s->img = image_get(d->program))) {
        printf("rs: no image for %s (%s)\n", d->label, d->program);
        s->state = RS_STATE_FAILED;
        strlcpy(s->reason, "no image", sizeof(s->reason));
        return -ENOENT;
    }
    if (s->early_deaths >= RS_FRESH_AFTER)
        printf("rs: %s starts fresh: it died %d times before it was ready; its kept state "
               "is dropped\n", d->label, s->early_deaths);
    t1 = sys_uptime_us();
    r = sys_spawn(d->label, s->img->data, s->img->size,
                  s->early_deaths >= RS_FRESH_AFTER ? SPAWN_FRESH : 0, &s->ep);
    s->spawned_us = sys_uptime_us();
    s->image_us = (uint32_t)(t1 - t0);
    s->spawn_us = (uint32_t)(s->spawned_us - t1);
    if (r != OK) {
        printf("rs: cannot start %s: %s\n", d->label, errname(r));
        s->ep = NONE;
        s->state = RS_STATE_FAILED;
        fmt_snprintf(s->reason, sizeof(s->reason), "start: %s", errname(r));
        return r;
    }
    s->state = RS_STATE_UP;
    s->up_since = sys_uptime();
    s->initialized = 0;
    s->served = 0;
    s->probing = 0;
    s->kill_reason = 0;
    s->answered = 1;
    s->missed = 0;
    s->next_ping = s->up_since + (uint32_t)d->period;
    if (s->restarts)
        printf("rs: %s up again (ep %d, restart %d, %u ticks after it died)\n",
               d->label, s->ep, s->restarts, s->up_since - s->died_at);
    else
        printf("rs: %s up (ep %d)\n", d->label, s->ep);
    return OK;
}

static void publish(struct service *s)
{
    char key[DS_KEY_MAX];
    fmt_snprintf(key, sizeof(key), "rs.n.%s", s->desc->label);
    ds_publish_label(s->desc->label, s->ep);
    ds_publish_u32(key, (uint32_t)s->restarts);
}

/* After a service's RS_INIT: it is ready; tell DS.  When DS itself has
 * started with an empty store (it does not know RS), publish everything
 * again; a DS that kept its store only gets its own new endpoint. */
void service_initialized(struct service *s)
{
    endpoint_t rs;
    s->initialized = 1;
    if (strcmp(s->desc->label, "ds") == 0 &&
        (ds_retrieve_label("rs", &rs) != OK || rs != self_ep)) {
        publish_all();
        return;
    }
    publish(s);                         /* a DS that kept its store needs only its own */
}

void publish_all(void)
{
    ds_publish_label("rs", self_ep);
    for (int i = 0; i < nservices; i++)
        if (services[i].ep != NONE && services[i].initialized)
            publish(&services[i]);
}

static void describe(char *buf, size_t len, const struct sys_getksig *ks,
                     const char *kill_reason)
{
    if (kill_reason)
        strlcpy(buf, kill_reason, len);
    else if (ks->reason == KSIG_EXIT)
        fmt_snprintf(buf, len, "exit %d", ks->status);
    else if (ks->reason == KSIG_EXCEPTION)
        fmt_snprintf(buf, len, "exception %u", ks->vector);
    else
        strlcpy(buf, "killed", len);
}

static uint32_t backoff(const struct service *s)
{
    uint32_t d = 1;
    if (s->failures <= 1)
        return 0;
    for (int k = 2; k < s->failures && d < (uint32_t)s->desc->backoff; k++)
        d <<= 1;
    return d < (uint32_t)s->desc->backoff ? d : (uint32_t)s->desc->backoff;
}

/* Would DS take a call at once?  RS never waits for a DS that may hang
 * (finding a hung DS is RS's own job; the kernel would find RS hung). */
int ds_ready(void)
{
    endpoint_t ep;
    struct sys_procinfo pi;
    return sys_lookup("ds", &ep) == OK && sys_procinfo(EP_SLOT(ep), &pi) == OK &&
           pi.ep == ep && (pi.flags & PI_RECEIVING);
}

/* Put the rows that changed into DS, when DS is ready (rs_tick retries). */
void rows_flush(void)
{
    char key[DS_KEY_MAX];
    for (int i = 0; i < nservices; i++) {
        struct service *s = &services[i];
        uint32_t down = s->state == RS_STATE_DOWN || s->state == RS_STATE_FAILED ?
                        (uint32_t)s->state : 0;
        if (!s->row_dirty || !ds_ready())
            continue;
        fmt_snprintf(key, sizeof(key), "rs.s.%s", s->desc->label);
        if (ds_publish_u32(key, (uint32_t)(s->fi_pending & 0xff) << 24 | down << 16 |
                                ((uint32_t)s->failures & 0xffff)) == OK)
            s->row_dirty = 0;
    }
}

/* Marked only: the next rs_tick puts it into DS, so a restart does not
 * wait for a DS round trip. */
void keep_row(struct service *s)
{
    s->row_dirty = 1;
}

static void failed(struct service *s)
{
    uint32_t delay;
    s->failures++;
    if (s->failures > s->desc->restarts) {
        s->state = RS_STATE_FAILED;
        printf("rs: %s failed %d times in a row; left down (last: %s)\n",
               s->desc->label, s->failures, s->reason);
        ds_delete(s->desc->label);
        keep_row(s);
        return;
    }
    keep_row(s);
    s->restarts++;
    delay = backoff(s);
    printf("rs: %s died (%s); restart %d in %u ticks\n", s->desc->label,
           s->reason, s->restarts, delay);
    if (delay == 0) {
        service_start(s);
        return;
    }
    s->state = RS_STATE_WAITING;
    s->restart_at = s->died_at + delay;
}

void service_died(const struct sys_getksig *ks)
{
    struct service *s = service_by_ep(ks->ep);
    if (!s)
        return;
    s->ep = NONE;
    s->fi_pending = 0;
    s->early_deaths = s->initialized ? 0 : s->early_deaths + 1;
    if (s->served)
        s->failures = 0;                /* it came back and served: a new row */
    s->initialized = s->served = 0;
    s->died_at = sys_uptime();
    s->died_us = sys_uptime_us();
    describe(s->reason, sizeof(s->reason), ks, s->kill_reason);
    if (s->want_down) {
        s->want_down = 0;
        s->state = RS_STATE_DOWN;
        strlcpy(s->reason, "stopped", sizeof(s->reason));
        printf("rs: %s stopped\n", s->desc->label);
        ds_delete(s->desc->label);
        keep_row(s);
    } else if (s->want_restart) {
        s->want_restart = 0;
        s->restarts++;
        strlcpy(s->reason, "restarted", sizeof(s->reason));
        service_start(s);
    } else {
        failed(s);
    }
}

/* Their image was damaged and has been fetched again: the services that
 * run from it may run the damaged bytes, so they start again. */
void image_repaired(const struct image *im)
{
    for (int i = 0; i < nservices; i++) {
        struct service *s = &services[i];
        if (s->img == im && s->state == RS_STATE_UP && s->ep != NONE) {
            printf("rs: restarting %s: it runs from the damaged image\n", s->desc->label);
            s->want_restart = 1;
            sys_kill(s->ep);
        }
    }
}

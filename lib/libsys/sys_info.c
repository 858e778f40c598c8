/* sys_info.c - kernel-call wrappers: identity, lookup, time, log, args,
 * memory and self-stabilization counters. */
#include "libsys.h"

static int getinfo(int what, message *m)
{
    MSG_BODY(m, struct sys_getinfo)->what = what;
    return kernel_call(SYS_GETINFO, m);
}

int sys_self(endpoint_t *ep, char *label)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = getinfo(GI_SELF, &m);
    if (r == OK) {
        *ep = MSG_BODY(&m, struct sys_getinfo)->ep;
        if (label)
            strlcpy(label, MSG_BODY(&m, struct sys_getinfo)->label, 16);
    }
    return r;
}

int sys_lookup(const char *label, endpoint_t *ep)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    strlcpy(MSG_BODY(&m, struct sys_getinfo)->label, label, 16);
    r = getinfo(GI_LOOKUP, &m);
    if (r == OK)
        *ep = MSG_BODY(&m, struct sys_getinfo)->ep;
    return r;
}

endpoint_t sys_lookup_new(const char *label, endpoint_t dead, uint32_t ticks)
{
    uint32_t t0 = sys_uptime();
    endpoint_t ep;
    do {
        if (sys_lookup(label, &ep) == OK && ep != dead)
            return ep;
    } while (sys_uptime() - t0 < ticks);
    return NONE;
}

/* Microseconds since boot (the kernel's TSC clock); 0 on failure. */
uint64_t sys_uptime_us(void)
{
    message m;
    struct sys_clock *c = MSG_BODY(&m, struct sys_clock);
    return getinfo(GI_CLOCK, &m) == OK ? (uint64_t)c->usec_hi << 32 | c->usec_lo : 0;
}

/* The epoch second at which sys_uptime_us was 0 (the CMOS clock read at
 * boot); 0 on failure or when the clock read nonsense. */
uint32_t sys_boot_epoch(void)
{
    message m;
    struct sys_clock *c = MSG_BODY(&m, struct sys_clock);
    return getinfo(GI_CLOCK, &m) == OK ? c->boot_epoch : 0;
}

/* Pages of the state region inherited from our previous instance; if
 * ended is not null, when that instance ended (sys_uptime_us), 0 if we are
 * our label's first. */
uint32_t sys_state(uint64_t *ended)
{
    message m;
    struct sys_state *st = MSG_BODY(&m, struct sys_state);
    int ok = getinfo(GI_STATE, &m) == OK;
    if (ended)
        *ended = ok ? (uint64_t)st->ended_hi << 32 | st->ended_lo : 0;
    return ok ? st->pages : 0;
}

/* Only 'what' matters to GI_UPTIME: no memset on this hot path. */
uint32_t sys_uptime(void)
{
    message m;
    return getinfo(GI_UPTIME, &m) == OK ? MSG_BODY(&m, struct sys_getinfo)->ticks : 0;
}

int sys_klog(uint32_t offset, char *buf, uint32_t *len, uint32_t *total)
{
    message m;
    struct sys_klog *k = MSG_BODY(&m, struct sys_klog);
    int r;
    memset(&m, 0, sizeof(m));
    k->offset = offset;
    r = getinfo(GI_KLOG, &m);
    if (r == OK) {
        memcpy(buf, k->data, k->len);
        *len = k->len;
        *total = k->offset;
    }
    return r;
}

int sys_getarg(const char *key, char *value, size_t len)
{
    message m;
    struct sys_getarg *a = MSG_BODY(&m, struct sys_getarg);
    int r;
    memset(&m, 0, sizeof(m));
    strlcpy(a->key, key, sizeof(a->key));
    r = getinfo(GI_ARG, &m);
    if (r == OK)
        strlcpy(value, a->value, len < sizeof(a->value) ? len : sizeof(a->value));
    return r;
}

int sys_diag(const char *text, uint32_t len)
{
    message m;
    struct sys_diag *d = MSG_BODY(&m, struct sys_diag);
    memset(&m, 0, sizeof(m));
    if (len > sizeof(d->text))
        len = sizeof(d->text);
    memcpy(d->text, text, len);
    d->len = len;
    return kernel_call(SYS_DIAG, &m);
}

static int procinfo(int slot, int pages, struct sys_procinfo *out)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_procinfo)->slot = slot;
    MSG_BODY(&m, struct sys_procinfo)->pages = (uint32_t)pages;
    r = getinfo(GI_PROC, &m);
    if (r == OK)
        *out = *MSG_BODY(&m, struct sys_procinfo);
    return r;
}

int sys_procinfo(int slot, struct sys_procinfo *out)
{
    return procinfo(slot, 0, out);
}

int sys_procpages(int slot, struct sys_procinfo *out)
{
    return procinfo(slot, 1, out);
}

int sys_meminfo(uint32_t *free_pages, uint32_t *total_pages)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_meminfo)->what = GI_MEM;
    r = kernel_call(SYS_GETINFO, &m);
    if (r == OK) {
        *free_pages = MSG_BODY(&m, struct sys_meminfo)->free_pages;
        *total_pages = MSG_BODY(&m, struct sys_meminfo)->total_pages;
    }
    return r;
}

/* A GI_* answer whose payload starts with the 'what' word, copied whole. */
static int getinfo_into(int what, void *out, size_t len)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    *MSG_BODY(&m, int32_t) = what;
    r = kernel_call(SYS_GETINFO, &m);
    if (r == OK)
        memcpy(out, m.m.raw, len);
    return r;
}

int sys_stab(struct sys_stab *out)
{
    return getinfo_into(GI_STAB, out, sizeof(*out));
}

int sys_acct(struct sys_acct *out)
{
    return getinfo_into(GI_ACCT, out, sizeof(*out));
}

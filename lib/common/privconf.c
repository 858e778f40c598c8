/*
 * privconf.c - parse service descriptions (format in privconf.h).
 *
 * Pure code: no allocation, no globals, no libc beyond what is written
 * here, so the same file builds into the kernel and into host tests.
 * Every keyword and value is validated; the first error stops the parse
 * and reports its line.
 */
#include "privconf.h"

static const char *const call_names[] = {
    "exit", "kill", "safecopyfrom", "safecopyto", "irqctl", "devio",
    "mapdev", "getinfo", "diag", "shutdown", "getksig", "setalarm",
    "spawn", "getmodule", "console", "fork", "vmctl", "exec", "sigframe",
    "sigreturn", "stop",
};
#define NR_CALL_NAMES ((int)(sizeof(call_names) / sizeof(call_names[0])))

#define MAX_WORDS 24

struct cursor {                 /* the current line, split into words */
    const char *w[MAX_WORDS];
    int wl[MAX_WORDS];
    int nw;
};

static int streq(const char *a, int alen, const char *b)
{
    int i;
    for (i = 0; i < alen; i++)
        if (b[i] == '\0' || a[i] != b[i])
            return 0;
    return b[alen] == '\0';
}

static int fail(struct pc_error *err, int line, const char *msg)
{
    int i;
    err->line = line;
    for (i = 0; msg[i] && i < (int)sizeof(err->msg) - 1; i++)
        err->msg[i] = msg[i];
    err->msg[i] = '\0';
    return -1;
}

int privconf_call_number(const char *name, int len)
{
    int i;
    for (i = 0; i < NR_CALL_NAMES; i++)
        if (streq(name, len, call_names[i]))
            return i;
    return -1;
}

/* Split a line into words; -1 when it has more than MAX_WORDS. */
static int split(const char *s, const char *end, struct cursor *c)
{
    c->nw = 0;
    while (s < end) {
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
            s++;
        if (s >= end || *s == '#')
            break;
        if (c->nw == MAX_WORDS)
            return -1;
        c->w[c->nw] = s;
        while (s < end && *s != ' ' && *s != '\t' && *s != '\r' && *s != '#')
            s++;
        c->wl[c->nw] = (int)(s - c->w[c->nw]);
        c->nw++;
    }
    return 0;
}

static int copy_label(char *dst, const char *src, int len)
{
    int i;
    if (len <= 0 || len >= PC_LABEL)
        return -1;
    for (i = 0; i < len; i++) {
        char ch = src[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-' || (ch >= 'A' && ch <= 'Z')))
            return -1;
        dst[i] = ch;
    }
    dst[len] = '\0';
    return 0;
}

/* Parse an unsigned number (decimal or 0x hex) filling exactly len chars. */
static int number(const char *s, int len, uint32_t *out)
{
    uint32_t v = 0, base = 10, d;
    int i = 0;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        i = 2;
    }
    if (i >= len)
        return -1;
    for (; i < len; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9') d = (uint32_t)(ch - '0');
        else if (base == 16 && ch >= 'a' && ch <= 'f') d = (uint32_t)(ch - 'a' + 10);
        else if (base == 16 && ch >= 'A' && ch <= 'F') d = (uint32_t)(ch - 'A' + 10);
        else return -1;
        if (v > (0xffffffffu - d) / base)
            return -1;
        v = v * base + d;
    }
    *out = v;
    return 0;
}

/* "a-b" or "a" -> range; rejects b < a. */
static int range(const char *s, int len, struct pc_range *r)
{
    int i;
    for (i = 0; i < len && s[i] != '-'; i++)
        ;
    if (number(s, i, &r->base) < 0)
        return -1;
    if (i == len) {
        r->last = r->base;
        return 0;
    }
    if (number(s + i + 1, len - i - 1, &r->last) < 0 || r->last < r->base)
        return -1;
    return 0;
}

static int yesno(const struct cursor *c, int *out)
{
    if (c->nw != 2) return -1;
    if (streq(c->w[1], c->wl[1], "yes")) { *out = 1; return 0; }
    if (streq(c->w[1], c->wl[1], "no"))  { *out = 0; return 0; }
    return -1;
}

static int small(const struct cursor *c, int lo, int hi, int *out)
{
    uint32_t v;
    if (c->nw != 2 || number(c->w[1], c->wl[1], &v) < 0 ||
        v < (uint32_t)lo || v > (uint32_t)hi)
        return -1;
    *out = (int)v;
    return 0;
}

static const char *key_ipc(const struct cursor *c, struct pc_service *s)
{
    int i;
    for (i = 1; i < c->nw; i++) {
        if (streq(c->w[i], c->wl[i], "ALL")) { s->ipc_all = 1; continue; }
        if (s->nipc >= PC_MAX_IPC) return "too many ipc targets";
        if (copy_label(s->ipc[s->nipc], c->w[i], c->wl[i]) < 0)
            return "bad ipc target label";
        s->nipc++;
    }
    return 0;
}

static const char *key_calls(const struct cursor *c, struct pc_service *s)
{
    int i, n;
    for (i = 1; i < c->nw; i++) {
        if (streq(c->w[i], c->wl[i], "ALL")) {
            s->calls = (1u << NR_CALL_NAMES) - 1;
            continue;
        }
        n = privconf_call_number(c->w[i], c->wl[i]);
        if (n < 0) return "unknown kernel call";
        s->calls |= 1u << n;
    }
    return 0;
}

static const char *key_ranges(const struct cursor *c, struct pc_range *r,
                              int *n, int max, uint32_t limit)
{
    int i;
    for (i = 1; i < c->nw; i++) {
        if (*n >= max) return "too many ranges";
        if (range(c->w[i], c->wl[i], &r[*n]) < 0 || r[*n].last > limit)
            return "bad range";
        (*n)++;
    }
    return 0;
}

static const char *key_irq(const struct cursor *c, struct pc_service *s)
{
    int i;
    uint32_t v;
    for (i = 1; i < c->nw; i++) {
        if (number(c->w[i], c->wl[i], &v) < 0 || v > 15)
            return "bad irq line (0..15)";
        s->irqs |= 1u << v;
    }
    return 0;
}

static const char *keyword(const struct cursor *c, struct pc_service *s)
{
    const char *k = c->w[0];
    int kl = c->wl[0];
    if (c->nw < 2) return "keyword without a value";
    if (streq(k, kl, "program"))
        return c->nw == 2 && copy_label(s->program, c->w[1], c->wl[1]) == 0
               ? 0 : "bad program name";
    if (streq(k, kl, "parent"))
        return c->nw == 2 && copy_label(s->parent, c->w[1], c->wl[1]) == 0
               ? 0 : "bad parent label";
    if (streq(k, kl, "boot"))
        return yesno(c, &s->boot) == 0 ? 0 : "boot takes yes or no";
    if (streq(k, kl, "priority"))
        return small(c, 0, PC_NR_PRIO - 1, &s->priority) == 0 ? 0 : "priority is 0..7";
    if (streq(k, kl, "quantum"))
        return small(c, 1, 1000, &s->quantum) == 0 ? 0 : "quantum is 1..1000";
    if (streq(k, kl, "period"))
        return small(c, 0, 100000, &s->period) == 0 ? 0 : "period is 0..100000 ticks";
    if (streq(k, kl, "restarts"))
        return small(c, 0, 100000, &s->restarts) == 0 ? 0 : "restarts is 0..100000";
    if (streq(k, kl, "backoff"))
        return small(c, 1, 100000, &s->backoff) == 0 ? 0 : "backoff is 1..100000 ticks";
    if (streq(k, kl, "admin"))
        return yesno(c, &s->admin) == 0 ? 0 : "admin takes yes or no";
    if (streq(k, kl, "ipc"))   return key_ipc(c, s);
    if (streq(k, kl, "calls")) return key_calls(c, s);
    if (streq(k, kl, "irq"))   return key_irq(c, s);
    if (streq(k, kl, "io"))
        return key_ranges(c, s->io, &s->nio, PC_MAX_IO, 0xffff);
    if (streq(k, kl, "mem"))
        return key_ranges(c, s->mem, &s->nmem, PC_MAX_MEM, 0xffffffffu);
    return "unknown keyword";
}

static void defaults(struct pc_service *s)
{
    int i;
    for (i = 0; i < (int)sizeof(*s); i++)
        ((char *)s)[i] = 0;
    s->boot = 1;
    s->priority = 4;
    s->quantum = 10;
    s->period = PC_DEF_PERIOD;
    s->restarts = PC_DEF_RESTARTS;
    s->backoff = PC_DEF_BACKOFF;
    s->parent[0] = 'r';
    s->parent[1] = 's';
}

static int start_service(const struct cursor *c, struct privconf *out,
                         struct pc_error *err, int line)
{
    struct pc_service *s;
    int i;
    if (c->nw != 2)
        return fail(err, line, "service takes exactly one label");
    if (out->nsvc >= PC_MAX_SVC)
        return fail(err, line, "too many services");
    s = &out->svc[out->nsvc];
    defaults(s);
    if (copy_label(s->label, c->w[1], c->wl[1]) < 0)
        return fail(err, line, "bad service label");
    for (i = 0; i < out->nsvc; i++)
        if (streq(s->label, c->wl[1], out->svc[i].label))
            return fail(err, line, "duplicate service label");
    for (i = 0; i <= c->wl[1]; i++)
        s->program[i] = s->label[i];
    out->nsvc++;
    return 0;
}

int privconf_parse(const char *text, uint32_t len, struct privconf *out,
                   struct pc_error *err)
{
    const char *p = text, *end = text + len, *eol;
    struct cursor c;
    const char *why;
    int line = 0, first = out->nsvc;

    while (p < end) {
        line++;
        for (eol = p; eol < end && *eol != '\n'; eol++)
            if (*eol == '\0')
                return fail(err, line, "NUL byte in text");
        if (split(p, eol, &c) < 0)
            return fail(err, line, "too many words on one line");
        p = eol + 1;
        if (c.nw == 0)
            continue;
        if (streq(c.w[0], c.wl[0], "service")) {
            if (start_service(&c, out, err, line) < 0)
                return -1;
            continue;
        }
        if (out->nsvc == first)
            return fail(err, line, "keyword outside a service block");
        why = keyword(&c, &out->svc[out->nsvc - 1]);
        if (why)
            return fail(err, line, why);
    }
    return out->nsvc;
}

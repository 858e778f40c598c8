/*
 * twin.c - a second copy of a server's table (twin.h).
 *
 * Invariants, between two twin_check calls: every copy whose checksum
 * is right holds the entry as it was at the last call, and the entry
 * was sound then.  A copy and a checksum never written are zero, and the
 * checksum of zeros is zero: an entry free at the last call goes back to
 * free.  So a damaged entry is put back as it was at the last
 * heartbeat: what changed since is lost for that entry alone (a process
 * forked since then, a file created since then), never the whole table.
 *
 * The check costs a compare of the table with its copy per heartbeat.  A
 * server may also copy each entry it changed when the request is done
 * (twin_keep): then damage after the change puts back the changed entry,
 * not the one of the last heartbeat.  An entry unused
 * in both table and copy (the twin's unused hook) is passed over on the
 * spot: most of a table is free.  A sound entry that differs from its
 * copy changed by right (or was damaged into another sound shape, which
 * no predicate can tell): it is copied.
 */
#include "../common/kstring.h"
#include "twin.h"

/* From libsys.h and sef.h, declared alone so that the host unit test
 * (tests/unit/twin_mend.c) builds this file without the i386 IPC stubs. */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int sef_recover_on(void);

#define SAY_MAX 4                       /* entries logged by name per call */

uint32_t twin_sum(const void *p, size_t n)
{
    const uint32_t *w = p;
    uint32_t h = 0;
    for (size_t i = 0; i < n / 4; i++)
        h = (h ^ w[i]) * 0x01000193u;   /* odd: every step is one to one */
    return h;
}

/* Whole words, stopping at the first that differs (size % 4 == 0). */
static int same(const void *a, const void *b, size_t size)
{
    const uint32_t *x = a, *y = b;
    for (size_t i = 0; i < size / 4; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

static void keep(const struct twin *t, int i, const void *e)
{
    uint8_t *c = (uint8_t *)t->copy + (size_t)i * t->size;
    memcpy(c, e, t->size);
    t->sum[i] = twin_sum(c, t->size);
}

/* Entry i is damaged (why): its copy, when sound, else zero. */
static int restore(const struct twin *t, int i, const char *why, int said, int on)
{
    uint8_t *e = (uint8_t *)t->table + (size_t)i * t->size;
    const uint8_t *c = (const uint8_t *)t->copy + (size_t)i * t->size;
    int from_copy = on && t->sum[i] == twin_sum(c, t->size) && !t->damaged(c);
    if (from_copy)
        memcpy(e, c, t->size);
    else if (t->fresh)
        t->fresh(e, i);
    else
        memset(e, 0, t->size);
    if (said < SAY_MAX)
        printf("%s: entry %d: %s: %s\n", t->what, i, why,
               from_copy ? "put back from its copy" : "dropped (its copy is damaged too)");
    if (!from_copy && on)
        keep(t, i, e);
    return from_copy;
}

void twin_keep(const struct twin *t, int i)
{
    const uint8_t *e = (const uint8_t *)t->table + (size_t)i * t->size;
    if (sef_recover_on() && i >= 0 && i < t->n && !t->damaged(e))
        keep(t, i, e);
}

struct twin_count twin_check(const struct twin *t)
{
    struct twin_count n = { 0, 0, 0 };
    int on = sef_recover_on();
    for (int i = 0; i < t->n; i++) {
        const uint8_t *e = (const uint8_t *)t->table + (size_t)i * t->size;
        const uint8_t *c = (const uint8_t *)t->copy + (size_t)i * t->size;
        const char *why;
        if (on && t->unused && t->unused(e) && t->unused(c))
            continue;
        if ((why = t->damaged(e))) {
            if (restore(t, i, why, n.mended + n.dropped, on))
                n.mended++;
            else
                n.dropped++;
        } else if (on && !same(e, c, t->size)) {
            keep(t, i, e);
            n.copied++;
        }
    }
    if (n.mended + n.dropped > SAY_MAX)
        printf("%s: %d entries put back from their copies, %d dropped\n", t->what, n.mended,
               n.dropped);
    return n;
}

/*
 * twin.h - a second copy of a server's table, entry by entry, kept in the
 * state region beside it (lib/libsys/twin.c).  A server whose table is
 * filled with random bytes (a stray write, a flipped bit, an arbitrary
 * state) gets each damaged entry back from its copy instead of losing it.
 *
 * The server gives a predicate that tells a sound entry from a damaged
 * one (the shape its invariants state) and calls twin_check between
 * requests: on every heartbeat, and when a restarted instance finds what
 * it inherited damaged.  An all-zero entry is a free one, unless the
 * server says what a dropped entry becomes (fresh: a tty's minor is
 * never free, it starts again with the default settings).
 */
#ifndef TWIN_H
#define TWIN_H

#include <stddef.h>
#include <stdint.h>

struct twin {
    const char *what;                       /* "pm: process table": for log lines */
    void *table;                            /* n entries of size bytes */
    void *copy;                             /* the same, in STATE */
    uint32_t *sum;                          /* n checksums of the copies, in STATE */
    size_t size;                            /* a multiple of 4 */
    int n;
    const char *(*damaged)(const void *entry);   /* NULL: sound, else what is wrong */
    void (*fresh)(void *entry, int i);      /* what a dropped entry becomes; NULL: zeros */
    int (*unused)(const void *entry);       /* free, sound whatever else it holds; NULL: none is */
};

struct twin_count { int copied, mended, dropped; };

/* Every entry: sound, it is copied if it changed; damaged, it is put back
 * from its copy when that copy is sound, else dropped (zeroed, or made
 * fresh).  Each mended or dropped entry is logged with its index and why.  With
 * recover=off nothing is kept: a damaged entry is dropped. */
struct twin_count twin_check(const struct twin *t);

/* Entry i was just changed by right: its copy is taken now, if the entry
 * is sound (a damaged one waits for twin_check to put it back).  A server
 * that calls it for every entry it changes, once the request is done
 * (srv_table.settle), loses nothing to damage that comes after. */
void twin_keep(const struct twin *t, int i);

/* A word-wise checksum: any change of one word changes it, any change of
 * random bytes with near certainty (not a defence against intent); zeros
 * sum to zero.  n is a multiple of 4. */
uint32_t twin_sum(const void *p, size_t n);

#endif

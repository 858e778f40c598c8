/*
 * store.c - the entry table: one slot per key, live or a tombstone.
 *
 * Interface:
 *   store_find(key)   the entry holding key, live or tombstone, or NULL
 *   store_live(key)   the live entry holding key, or NULL
 *   store_at(i)       slot i, NULL when i is outside the table
 *   store_put(...)    set key's value (new entry, overwrite, or revive a
 *                     tombstone) with owner; -ENOSPC and no change when
 *                     the table or the pool is full
 *   store_remove(e)   drop a live entry's value; it becomes a tombstone
 *   store_settle(e)   free a tombstone whose dirty mask is 0
 * Invariants: at most one non-free entry per key; a free entry is all
 * zero (so a new entry starts with no dirty bits); string and blob
 * entries own pool bytes [off, off+len), other entries own none; a
 * tombstone keeps its key, type and dirty bits and owns no pool bytes.
 * store_put checks every limit before it changes anything.
 * store_twin_check puts a damaged entry back from its second copy (twin.h)
 * on every heartbeat and before a restarted DS serves.
 */
#include "ds.h"
#include "twin.h"

static struct entry table[DS_NR_ENTRIES] STATE;    /* kept across a restart */
static struct entry copies[DS_NR_ENTRIES] STATE;   /* the second copy (twin.h) */
static uint32_t sums[DS_NR_ENTRIES] STATE;

void store_init(void)
{
    memset(table, 0, sizeof(table));
    pool_init();
}

static int all_zero(const void *p, size_t n)
{
    const uint32_t *w = p;                  /* entries are word-aligned and -sized */
    for (size_t i = 0; i < n / 4; i++)
        if (w[i])
            return 0;
    return 1;
}
_Static_assert(sizeof(struct entry) % 4 == 0, "all_zero reads whole words");

const char *store_entry_damaged(const void *entry)
{
    const struct entry *e = entry;
    if (e->state == E_FREE)
        return all_zero(e, sizeof(*e)) ? NULL : "a free entry that is not zero";
    if (e->state != E_LIVE && e->state != E_DELETED)
        return "an entry in no known state";
    if (req_key(e->key) != OK || strnlen(e->owner, sizeof(e->owner)) == sizeof(e->owner))
        return "a key or owner without its NUL";
    if (req_type(e->type) != OK)
        return "an entry of no known type";
    if (e->state == E_DELETED || !store_is_mem(e->type))
        return e->off || e->len ? "pool bytes owned by a non-string entry" : NULL;
    return e->off > pool_used() || e->len > pool_used() - e->off ?
           "a value outside the pool" : NULL;
}

/* The invariants above, on a table inherited from a previous instance:
 * NULL when they hold, else what is wrong. */
const char *store_check(void)
{
    static uint8_t used[DS_NR_ENTRIES];     /* the non-free entries, by index */
    uint32_t owned = 0;
    int n = 0;
    for (int i = 0; i < DS_NR_ENTRIES; i++) {
        const char *why = store_entry_damaged(&table[i]);
        if (why)
            return why;
        if (table[i].state != E_FREE) {
            owned += table[i].len;
            used[n++] = (uint8_t)i;
        }
    }
    for (int x = 0; x < n; x++) {            /* pairs of non-free entries only */
        const struct entry *a = &table[used[x]];
        for (int y = x + 1; y < n; y++) {
            const struct entry *b = &table[used[y]];
            if (strcmp(a->key, b->key) == 0)
                return "two entries for one key";
            if (a->len && b->len && a->off < b->off + b->len && b->off < a->off + a->len)
                return "two values sharing pool bytes";
        }
    }
    return owned == pool_used() ? NULL : "pool bytes that no entry owns";
}

static const struct twin twin = {
    .what = "ds: self-check: key table", .table = table, .copy = copies, .sum = sums,
    .size = sizeof(struct entry), .n = DS_NR_ENTRIES, .damaged = store_entry_damaged,
};

static uint32_t touched[(DS_NR_ENTRIES + 31) / 32];    /* changed by this request */

void store_twin_check(void)
{
    twin_check(&twin);
}

void store_touch(const struct entry *e)
{
    int i = (int)(e - table);
    if (i >= 0 && i < DS_NR_ENTRIES)
        touched[i / 32] |= 1u << (i % 32);
}

/* srv_table.settle: the entries this request changed get their copies. */
void store_keep(void)
{
    for (int w = 0; w < (DS_NR_ENTRIES + 31) / 32; w++)
        for (int b = 0; touched[w]; b++)
            if (touched[w] & (1u << b)) {
                touched[w] &= ~(1u << b);
                twin_keep(&twin, w * 32 + b);
            }
}

int store_is_mem(int32_t type)
{
    return type == DST_STR || type == DST_BLOB;
}

struct entry *store_at(int i)
{
    return i >= 0 && i < DS_NR_ENTRIES ? &table[i] : NULL;
}

struct entry *store_find(const char *key)
{
    for (int i = 0; i < DS_NR_ENTRIES; i++)
        if (table[i].state != E_FREE && strcmp(table[i].key, key) == 0)
            return &table[i];
    return NULL;
}

struct entry *store_live(const char *key)
{
    struct entry *e = store_find(key);
    return e && e->state == E_LIVE ? e : NULL;
}

static struct entry *free_slot(void)
{
    for (int i = 0; i < DS_NR_ENTRIES; i++)
        if (table[i].state == E_FREE)
            return &table[i];
    return NULL;
}

/* Give back e's pool bytes and move the offsets of the values above. */
static void drop_value(struct entry *e)
{
    if (e->state != E_LIVE || !store_is_mem(e->type))
        return;
    pool_take(e->off, e->len);
    for (int i = 0; i < DS_NR_ENTRIES; i++) {
        struct entry *o = &table[i];
        if (o != e && o->state == E_LIVE && store_is_mem(o->type) && o->off > e->off) {
            o->off -= e->len;
            store_touch(o);
        }
    }
    e->off = e->len = 0;
}

/* Pool bytes the new value needs beyond what e gives back. */
static int fits(const struct entry *e, const struct value *v)
{
    uint32_t room = pool_room();
    if (!store_is_mem(v->type))
        return 1;
    if (e && e->state == E_LIVE && store_is_mem(e->type))
        room += e->len;
    return v->len <= room;
}

int store_put(const char *key, const char *owner, const struct value *v,
              struct entry **out)
{
    struct entry *e = store_find(key);
    if (!e && !(e = free_slot()))
        return -ENOSPC;
    if (!fits(e, v))
        return -ENOSPC;
    drop_value(e);
    store_touch(e);
    if (e->state == E_FREE)
        strlcpy(e->key, key, sizeof(e->key));
    e->state = E_LIVE;
    strlcpy(e->owner, owner, sizeof(e->owner));
    e->type = v->type;
    e->value = store_is_mem(v->type) ? 0 : v->value;
    if (store_is_mem(v->type) && pool_put(v->data, v->len, &e->off) == OK)
        e->len = v->len;
    *out = e;
    return OK;
}

void store_remove(struct entry *e)
{
    drop_value(e);
    store_touch(e);
    e->state = E_DELETED;
    e->value = 0;
    e->owner[0] = '\0';
}

void store_settle(struct entry *e)
{
    store_touch(e);                     /* its dirty mask changed: the callers */
    if (e->state == E_DELETED && e->dirty == 0)
        memset(e, 0, sizeof(*e));
}

/*
 * ds.h - the data store's internal interface (servers/ds).
 *
 * The store is a fixed table of entries (store.c) whose string and blob
 * bytes live in one fixed pool (pool.c); requests are checked by
 * request.c, served by values.c (publish, retrieve, delete) and
 * subscribe.c (subscribe, check), dispatched through table.c.
 *
 * Capacity limits (every one answers -ENOSPC when reached; nothing ever
 * writes past an array):
 *   DS_NR_ENTRIES      keys, tombstones included
 *   DS_POOL_SIZE       bytes of all string and blob values together
 *   DS_NR_SUBSCRIBERS  distinct subscribing labels
 *   DS_NR_PATTERNS     (subscriber, pattern) pairs
 *
 * Entry states: E_FREE (unused slot), E_LIVE (has a value), E_DELETED (a
 * tombstone: deleted, but some subscriber has not yet been told; freed
 * by the DS_CHECK that clears its last dirty bit).
 */
#ifndef DS_DS_H
#define DS_DS_H

#include "sef.h"
#include "proto/ds.h"

#define DS_NR_ENTRIES      128
#define DS_POOL_SIZE       16384
#define DS_NR_SUBSCRIBERS  16
#define DS_NR_PATTERNS     32
#define DS_LABEL_MAX       16          /* a service label, NUL included */

_Static_assert(DS_NR_SUBSCRIBERS <= 32, "entry.dirty is a 32-bit mask");

enum { E_FREE, E_LIVE, E_DELETED };

struct entry {
    int state;                  /* E_FREE, E_LIVE, E_DELETED */
    char key[DS_KEY_MAX];
    char owner[DS_LABEL_MAX];   /* label of the publisher */
    int32_t type;               /* DST_*; kept in a tombstone */
    uint32_t value;             /* DST_U32 value, DST_LABEL endpoint */
    uint32_t off, len;          /* DST_STR, DST_BLOB: pool bytes [off, off+len) */
    uint32_t dirty;             /* bit s: subscriber s not told of the last change */
};

/* A checked new value; data points into a private copy for STR/BLOB. */
struct value {
    int32_t type;
    uint32_t value;
    const uint8_t *data;
    uint32_t len;
};

/* pool.c, store.c and subscribe.c keep their tables in the state region
 * (sef.h STATE): a restarted DS finds them again, and checks them with
 * store_check and sub_check (NULL: sound, else what is wrong) first. */

/* pool.c */
void pool_init(void);
uint32_t pool_used(void);
uint32_t pool_room(void);
int pool_put(const void *data, uint32_t len, uint32_t *off);
void pool_take(uint32_t off, uint32_t len);
const uint8_t *pool_at(uint32_t off);

/* store.c */
void store_init(void);
const char *store_check(void);
const char *store_entry_damaged(const void *entry); /* one entry's shape */
void store_twin_check(void);                        /* damaged entries from their copies */
void store_touch(const struct entry *e);            /* e changed: copy it when the request is done */
void store_keep(void);                              /* srv_table.settle: copy what changed */
struct entry *store_find(const char *key);          /* live or tombstone */
struct entry *store_live(const char *key);          /* live only */
struct entry *store_at(int i);                      /* NULL outside the table */
int store_put(const char *key, const char *owner, const struct value *v,
              struct entry **out);
void store_remove(struct entry *e);                 /* live -> tombstone */
void store_settle(struct entry *e);                 /* free a tombstone nobody needs */
int store_is_mem(int32_t type);                     /* value in the pool? */

/* request.c */
int req_key(const char *key);
int req_type(int32_t type);
int req_caller(endpoint_t src, char label[DS_LABEL_MAX]);

/* values.c */
int do_publish(message *m);
int do_retrieve(message *m);
int do_delete(message *m);

/* subscribe.c */
void sub_init(void);
const char *sub_check(void);
int sub_repair(void);
void sub_corrupt(void);

/* check.c: the self-check on every heartbeat */
void ds_selfcheck(void);
void sub_changed(struct entry *e);
int do_subscribe(message *m);
int do_check(message *m);

/* table.c */
extern const struct srv_table ds_table;

#endif

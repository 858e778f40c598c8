/*
 * pool.c - the value pool: the bytes of every string and blob value,
 * packed back to back in one fixed array of DS_POOL_SIZE bytes.
 *
 * Interface:
 *   pool_room()          bytes still free
 *   pool_put(d, n, &off) append n bytes, -ENOSPC if they do not fit
 *   pool_take(off, n)    remove [off, off+n) and close the gap
 *   pool_at(off)         the bytes at off
 * Invariants: pool[0..used) holds exactly the values of the live string
 * and blob entries, without gaps or overlaps, and used <= DS_POOL_SIZE.
 * Taking a range moves every later byte down by its length, so the
 * caller (store.c) lowers the offsets above it by the same amount.  There
 * is never fragmentation: a value fits whenever pool_room() allows it.
 */
#include "ds.h"

static uint8_t pool[DS_POOL_SIZE] STATE;      /* kept across a restart */
static uint32_t used STATE;

void pool_init(void)
{
    used = 0;
}

uint32_t pool_room(void)
{
    return DS_POOL_SIZE - used;
}

int pool_put(const void *data, uint32_t len, uint32_t *off)
{
    if (len > pool_room())
        return -ENOSPC;
    memcpy(pool + used, data, len);
    *off = used;
    used += len;
    return OK;
}

void pool_take(uint32_t off, uint32_t len)
{
    if (off > used || len > used - off)
        return;                         /* not a range of the pool */
    memmove(pool + off, pool + off + len, used - off - len);
    used -= len;
}

/* The pool's bytes in use (inherit.c checks them against the entries). */
uint32_t pool_used(void)
{
    return used;
}

const uint8_t *pool_at(uint32_t off)
{
    return pool + (off < DS_POOL_SIZE ? off : 0);
}

/*
 * grant.c - grant table operations (see grant.h).  Pure logic on a table
 * the caller owns; the kernel keeps one table per process.
 */
#include "grant.h"
#include "../lib/include/errnums.h"

#define IDX_MASK ((1u << GRANT_IDX_BITS) - 1)

static const struct grant *lookup(const struct grant *table, grant_id_t id)
{
    const struct grant *g;
    if (id <= 0)
        return 0;
    g = &table[(uint32_t)id & IDX_MASK];
    if (g->seq == 0 || g->seq != (uint32_t)id >> GRANT_IDX_BITS)
        return 0;
    return g;
}

int grant_check(const struct grant *table, grant_id_t id, endpoint_t caller,
                uint32_t offset, uint32_t len, uint32_t access, uint32_t *addr)
{
    const struct grant *g = lookup(table, id);
    if (!g)
        return -EINVAL;
    if (g->grantee != caller)
        return -EPERM;
    if ((g->access & access) != access || access == 0 ||
        (access & ~(uint32_t)(GRANT_READ | GRANT_WRITE)))
        return -EPERM;
    if (offset > g->len || len > g->len - offset)
        return -ERANGE;
    if (g->access & GRANT_FORWARD) {
        *addr = g->addr;
        return GRANT_FORWARDED;
    }
    *addr = g->addr + offset;
    return OK;
}

int grant_create(struct grant *table, uint32_t *seq, endpoint_t grantee,
                 uint32_t addr, uint32_t len, uint32_t access,
                 uint32_t user_lo, uint32_t user_hi)
{
    uint32_t span = access & GRANT_FORWARD ? (uint32_t)sizeof(struct grant_fwd) : len;
    if (!(access & (GRANT_READ | GRANT_WRITE)) ||
        (access & ~(uint32_t)(GRANT_READ | GRANT_WRITE | GRANT_FORWARD)))
        return -EINVAL;
    if (grantee < 0 || len == 0 || addr < user_lo || addr - 1 + span < addr ||
        addr - 1 + span > user_hi)
        return -EINVAL;
    for (uint32_t i = 0; i < NR_GRANTS; i++) {
        struct grant *g = &table[i];
        if (g->seq)
            continue;
        *seq = (*seq + 1) & (0x7fffffffu >> GRANT_IDX_BITS);
        if (*seq == 0)
            *seq = 1;
        g->seq = *seq;
        g->grantee = grantee;
        g->addr = addr;
        g->len = len;
        g->access = access;
        return (grant_id_t)(g->seq << GRANT_IDX_BITS | i);
    }
    return -ENOSPC;
}

int grant_revoke(struct grant *table, grant_id_t id)
{
    struct grant *g = (struct grant *)lookup(table, id);
    if (!g)
        return -EINVAL;
    g->seq = 0;
    g->len = 0;
    return OK;
}

int grant_forget_slot(struct grant *table, int slot)
{
    int n = 0;
    for (uint32_t i = 0; i < NR_GRANTS; i++)
        if (table[i].seq && EP_SLOT(table[i].grantee) == slot) {
            table[i].seq = 0;
            table[i].len = 0;
            n++;
        }
    return n;
}

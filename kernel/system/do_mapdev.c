/*
 * do_mapdev.c - SYS_MAPDEV: map a physical device range, allowed by the
 * caller's "mem" privileges, uncached into the caller's device window.
 *
 * The request is checked whole before anything changes: the range may not
 * wrap past 4 GiB, must lie inside one allowed "mem" range and must fit in
 * what is left of the window.  Page tables are added first; only when all
 * exist are the pages mapped, so a failure maps nothing.
 */
#include "system.h"
#include "../mm.h"

static int mem_allowed(const struct priv *pv, uint32_t base, uint32_t last)
{
    for (int i = 0; i < pv->nmem; i++)
        if (base >= pv->mem[i].base && last <= pv->mem[i].last)
            return 1;
    return 0;
}

int do_mapdev(struct proc *caller, message *m)
{
    struct sys_mapdev *rq = MSG_BODY(m, struct sys_mapdev);
    uint64_t end = (uint64_t)rq->phys + rq->len;          /* exclusive */
    uint32_t base = rq->phys & ~0xfffu, off = rq->phys & 0xfffu;
    uint64_t span = (end - base + 0xfff) & ~(uint64_t)0xfff;
    uint32_t at = caller->devmap_next;
    if (rq->len == 0 || end > (1ull << 32))
        return -EINVAL;
    if (!mem_allowed(caller->priv, rq->phys, (uint32_t)(end - 1)))
        return priv_denied(caller, "device memory", rq->phys);
    if (at < DEVMAP_BASE || at > DEVMAP_END || (at & 0xfff) || span > DEVMAP_END - at)
        return -ENOMEM;
    for (uint32_t i = 0; i < span; i += PAGE_SIZE)
        if (as_reserve(caller->pgdir, at + i) != OK)
            return -ENOMEM;     /* only empty page tables were added */
    for (uint32_t i = 0; i < span; i += PAGE_SIZE)
        as_map(caller->pgdir, at + i, base + i, PTE_U | PTE_W | PTE_PCD | PTE_DEVICE);
    rq->vaddr = at + off;
    caller->devmap_next = at + (uint32_t)span;
    return OK;
}

/*
 * do_mapdev.c - SYS_MAPDEV: map a physical device range, allowed by the
 * caller's "mem" privileges, uncached into the caller's device window.
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
    uint32_t base = rq->phys & ~0xfffu, off = rq->phys & 0xfffu;
    uint32_t len = (rq->len + off + 0xfff) & ~0xfffu;
    if (rq->len == 0 || rq->phys + rq->len - 1 < rq->phys || len > DEVMAP_END - DEVMAP_BASE)
        return -EINVAL;
    if (!mem_allowed(caller->priv, rq->phys, rq->phys + rq->len - 1))
        return priv_denied(caller, "device memory", rq->phys);
    if (caller->devmap_next + len > DEVMAP_END)
        return -ENOMEM;
    for (uint32_t i = 0; i < len; i += PAGE_SIZE)
        if (!as_pte(caller->pgdir, caller->devmap_next + i) &&
            as_map(caller->pgdir, caller->devmap_next + i, 0, PTE_DEVICE) != OK)
            return -ENOMEM;     /* only page tables were added: nothing user-visible */
    for (uint32_t i = 0; i < len; i += PAGE_SIZE)
        as_map(caller->pgdir, caller->devmap_next + i, base + i,
               PTE_U | PTE_W | PTE_PCD | PTE_DEVICE);
    rq->vaddr = caller->devmap_next + off;
    caller->devmap_next += len;
    return OK;
}

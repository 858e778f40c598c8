/*
 * do_vmctl.c - SYS_VMCTL: PM maps zeroed pages into a process, or frees
 * them (brk, later mmap).  The range must be page-aligned and lie between
 * USER_BASE and the stack's guard page, outside the state region (keep.c); VM_MAP needs every page unmapped
 * and allocates all frames before mapping any, VM_UNMAP needs every page
 * mapped and owned: a request either fully happens or changes nothing.
 * A user process may not map into the services' reserve (reserve.c).
 */
#include "system.h"
#include "../mm.h"
#include "../arch.h"

#define VM_TOP (USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE)
#define VM_MAX_PAGES 4096           /* 16 MiB per request */

static uint32_t frames[VM_MAX_PAGES];

static int mapped(uint32_t *pgdir, uint32_t va)
{
    uint32_t *pte = as_pte(pgdir, va);
    return pte && (*pte & PTE_P);
}

static int map(struct proc *p, uint32_t addr, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (mapped(p->pgdir, addr + i * PAGE_SIZE))
            return -EEXIST;
    for (uint32_t i = 0; i < n; i++)
        if (!(frames[i] = frame_alloc(&kframes))) {
            while (i--)
                frame_free(&kframes, frames[i]);
            return -ENOMEM;
        }
    for (uint32_t i = 0; i < n; i++) {
        memset((void *)frames[i], 0, PAGE_SIZE);
        if (as_map(p->pgdir, addr + i * PAGE_SIZE, frames[i], PTE_U | PTE_W) != OK) {
            /* a page table could not be allocated: undo what was mapped */
            for (uint32_t j = 0; j < n; j++) {
                uint32_t *pte = as_pte(p->pgdir, addr + j * PAGE_SIZE);
                if (j < i && pte)
                    *pte = 0;
                frame_free(&kframes, frames[j]);
            }
            write_cr3(read_cr3());
            as_changed();
            return -ENOMEM;
        }
    }
    return OK;
}

static int unmap(struct proc *p, uint32_t addr, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t *pte = as_pte(p->pgdir, addr + i * PAGE_SIZE);
        if (!pte || !(*pte & PTE_P) || (*pte & PTE_DEVICE))
            return -EFAULT;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t *pte = as_pte(p->pgdir, addr + i * PAGE_SIZE);
        frame_free(&kframes, *pte & ~0xfffu);
        *pte = 0;
    }
    write_cr3(read_cr3());              /* flush stale translations */
    as_changed();
    return OK;
}

int do_vmctl(struct proc *caller, message *m)
{
    struct sys_vmctl *rq = MSG_BODY(m, struct sys_vmctl);
    struct proc *p;
    uint32_t n = rq->len / PAGE_SIZE;
    int r = ep_lookup(rq->ep, &p);
    if (r != OK)
        return r;
    if ((rq->addr | rq->len) & 0xfff || n == 0 || n > VM_MAX_PAGES ||
        rq->addr < USER_BASE || rq->addr > VM_TOP || rq->len > VM_TOP - rq->addr ||
        (rq->addr < STATE_END && rq->addr + rq->len > STATE_BASE))
        return -EINVAL;
    if (rq->op == VM_MAP && !reserve_allows(p, n, rq->user))
        return -ENOMEM;                 /* leave the services' reserve alone */
    if (rq->op == VM_MAP)
        return map(p, rq->addr, n);
    if (rq->op == VM_UNMAP)
        return unmap(p, rq->addr, n);
    return -EINVAL;
}

/*
 * paging.c - the kernel mapping and per-process address spaces.
 *
 * kernel_pgdir maps physical memory 0..min(RAM, KERNEL_LIMIT) at the same
 * virtual addresses, supervisor only: the first 4 MiB through a page table
 * (page 0 unmapped to catch NULL, kernel text and rodata read-only with
 * CR0.WP set), the rest with 4 MiB pages.  Every process page directory
 * starts as a copy of its kernel part, so the kernel is mapped everywhere
 * and a trap never needs to switch CR3.
 */
#include "kernel.h"
#include "mm.h"
#include "arch.h"

extern char _kernel_start[], _rom_end[];

uint32_t *kernel_pgdir;
static uint32_t kpt0[1024] __attribute__((aligned(4096)));
static uint32_t kpd[1024] __attribute__((aligned(4096)));

static int has_pge(void)
{
    uint32_t a = 1, b, c, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    return (d >> 13) & 1;
}

void paging_init(uint32_t mem_top)
{
    uint32_t g = has_pge() ? PTE_G : 0, cr0, cr4;
    uint32_t rom_lo = (uint32_t)_kernel_start, rom_hi = (uint32_t)_rom_end;

    if (mem_top > KERNEL_LIMIT)
        mem_top = KERNEL_LIMIT;
    for (uint32_t i = 1; i < 1024; i++) {
        uint32_t pa = i * PAGE_SIZE;
        uint32_t w = (pa >= rom_lo && pa < rom_hi) ? 0 : PTE_W;
        kpt0[i] = pa | PTE_P | w | g;
    }
    kpt0[0] = 0;
    kpd[0] = (uint32_t)kpt0 | PTE_P | PTE_W;
    for (uint32_t i = 1; i < PDX(KERNEL_LIMIT); i++)
        kpd[i] = i * 0x400000u < mem_top ? (i << 22) | PTE_P | PTE_W | PTE_PS | g : 0;
    kernel_pgdir = kpd;

    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    cr4 |= 0x10 | (g ? 0x80 : 0);           /* PSE, PGE */
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    write_cr3((uint32_t)kpd);
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 |= 0x80010000u;                     /* PG, WP */
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0) : "memory");
}

uint32_t *as_create(void)
{
    uint32_t *pd = (uint32_t *)frame_alloc(&kframes);
    if (!pd)
        return 0;
    memcpy(pd, kernel_pgdir, PDX(KERNEL_LIMIT) * 4);
    memset(pd + PDX(KERNEL_LIMIT), 0, (1024 - PDX(KERNEL_LIMIT)) * 4);
    return pd;
}

/* The PTE for va, or NULL when its page table does not exist. */
uint32_t *as_pte(uint32_t *pgdir, uint32_t va)
{
    uint32_t pde = pgdir[PDX(va)];
    if (va < USER_BASE || !(pde & PTE_P))
        return 0;
    return (uint32_t *)(pde & ~0xfffu) + PTX(va);
}

int as_map(uint32_t *pgdir, uint32_t va, uint32_t pa, uint32_t flags)
{
    uint32_t *pde = &pgdir[PDX(va)];
    if (va < USER_BASE)
        return -EFAULT;
    if (!(*pde & PTE_P)) {
        uint32_t pt = frame_alloc(&kframes);
        if (!pt)
            return -ENOMEM;
        memset((void *)pt, 0, PAGE_SIZE);
        *pde = pt | PTE_P | PTE_W | PTE_U;
    }
    ((uint32_t *)(*pde & ~0xfffu))[PTX(va)] = pa | flags | PTE_P;
    return OK;
}

/* Frames owned by the address space: directory, page tables, pages. */
uint32_t as_count_pages(uint32_t *pgdir)
{
    uint32_t n = 1;
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++) {
        uint32_t *pt = (uint32_t *)(pgdir[i] & ~0xfffu);
        if (!(pgdir[i] & PTE_P))
            continue;
        n++;
        for (int j = 0; j < 1024; j++)
            n += (pt[j] & PTE_P) && !(pt[j] & PTE_DEVICE);
    }
    return n;
}

/* Copy every owned user page of 'from' into fresh frames of 'to' (same
 * addresses and flags; device mappings are not copied).  -ENOMEM leaves
 * 'to' partly filled: the caller destroys it. */
int as_copy(uint32_t *from, uint32_t *to)
{
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++) {
        uint32_t *pt = (uint32_t *)(from[i] & ~0xfffu);
        if (!(from[i] & PTE_P))
            continue;
        for (uint32_t j = 0; j < 1024; j++) {
            uint32_t page;
            if (!(pt[j] & PTE_P) || (pt[j] & PTE_DEVICE))
                continue;
            page = frame_alloc(&kframes);
            if (!page)
                return -ENOMEM;
            memcpy((void *)page, (void *)(pt[j] & ~0xfffu), PAGE_SIZE);
            if (as_map(to, (i << 22) | (j << 12), page, pt[j] & (PTE_U | PTE_W)) != OK) {
                frame_free(&kframes, page);
                return -ENOMEM;
            }
        }
    }
    return OK;
}

void as_destroy(uint32_t *pgdir)
{
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++) {
        uint32_t *pt;
        if (!(pgdir[i] & PTE_P))
            continue;
        pt = (uint32_t *)(pgdir[i] & ~0xfffu);
        for (int j = 0; j < 1024; j++)
            if ((pt[j] & PTE_P) && !(pt[j] & PTE_DEVICE))
                frame_free(&kframes, pt[j] & ~0xfffu);
        frame_free(&kframes, (uint32_t)pt);
    }
    frame_free(&kframes, (uint32_t)pgdir);
}

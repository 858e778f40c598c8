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
#include "stabilize.h"

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

uint32_t kernel_mem_top;            /* RAM mapped by the kernel (<= KERNEL_LIMIT) */
static uint32_t kglobal;            /* PTE_G when the CPU has PGE */

/* What entry i of the first kernel page table / the kernel directory must
 * hold (the checker compares against these: code is "ROM"). */
uint32_t kpt0_template(uint32_t i)
{
    uint32_t pa = i * PAGE_SIZE;
    if (i == 0)
        return 0;
    return pa | PTE_P | kglobal |
           ((pa >= (uint32_t)_kernel_start && pa < (uint32_t)_rom_end) ? 0 : PTE_W);
}

uint32_t kpd_template(uint32_t i)
{
    if (i == 0)
        return (uint32_t)kpt0 | PTE_P | PTE_W;
    if (i == PDX(IOAPIC_VA) && stab_on(STAB_NMI) && i * 0x400000u >= kernel_mem_top)
        return IOAPIC_PHYS | PTE_P | PTE_W | PTE_PS | PTE_PCD | 0x8;
    if (i == PDX(WDT_VA) && wdt_pde && i * 0x400000u >= kernel_mem_top)
        return wdt_pde;
    return i * 0x400000u < kernel_mem_top ? (i << 22) | PTE_P | PTE_W | PTE_PS | kglobal : 0;
}

/* Kernel page table and directory against their templates (the CPU's
 * accessed and dirty bits aside). */
int check_kernel_pgdir(void)
{
    int n = 0;
    for (uint32_t i = 0; i < 1024; i++) {
        uint32_t want = i < PDX(KERNEL_LIMIT) ? kpd_template(i) : 0;
        if ((kpt0[i] & ~PTE_AD) != kpt0_template(i)) {
            stab_repair(SC_PGDIR, "kernel page table entry %u was %08x", i, kpt0[i]);
            kpt0[i] = kpt0_template(i);
            n++;
        }
        if ((kpd[i] & ~PTE_AD) != want) {
            stab_repair(SC_PGDIR, "kernel page directory entry %u was %08x", i, kpd[i]);
            kpd[i] = want;
            n++;
        }
    }
    if (n)
        write_cr3(read_cr3());
    return n;
}

void paging_init(uint32_t mem_top)
{
    uint32_t cr0, cr4;
    kglobal = has_pge() ? PTE_G : 0;
    kernel_mem_top = mem_top > KERNEL_LIMIT ? KERNEL_LIMIT : mem_top;
    for (uint32_t i = 0; i < 1024; i++)
        kpt0[i] = kpt0_template(i);
    for (uint32_t i = 0; i < PDX(KERNEL_LIMIT); i++)
        kpd[i] = kpd_template(i);
    kernel_pgdir = kpd;

    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    cr4 |= 0x10 | (kglobal ? 0x80 : 0);     /* PSE, PGE */
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    write_cr3((uint32_t)kpd);
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 |= 0x80010000u;                     /* PG, WP */
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0) : "memory");
}

uint32_t as_gen;

uint32_t *as_create(void)
{
    uint32_t *pd = (uint32_t *)frame_alloc(&kframes);
    as_changed();
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

/* Make sure user address va has a page table; no page is mapped. */
int as_reserve(uint32_t *pgdir, uint32_t va)
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
    return OK;
}

int as_map(uint32_t *pgdir, uint32_t va, uint32_t pa, uint32_t flags)
{
    int r = as_reserve(pgdir, va);
    as_changed();
    if (r != OK)
        return r;
    ((uint32_t *)(pgdir[PDX(va)] & ~0xfffu))[PTX(va)] = pa | flags | PTE_P;
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

/* Free a page table (a present PDE's) and the pages it owns. */
void as_free_table(uint32_t pde)
{
    uint32_t *pt = (uint32_t *)(pde & ~0xfffu);
    as_changed();
    for (int j = 0; j < 1024; j++)
        if ((pt[j] & PTE_P) && !(pt[j] & PTE_DEVICE))
            frame_free(&kframes, pt[j] & ~0xfffu);
    frame_free(&kframes, (uint32_t)pt);
}

/* The pages a page table (a present PDE's) owns. */
uint32_t as_table_pages(uint32_t pde)
{
    const uint32_t *pt = (const uint32_t *)(pde & ~0xfffu);
    uint32_t n = 0;
    for (int j = 0; j < 1024; j++)
        n += (pt[j] & PTE_P) && !(pt[j] & PTE_DEVICE);
    return n;
}

void as_destroy(uint32_t *pgdir)
{
    as_changed();
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++)
        if (pgdir[i] & PTE_P)
            as_free_table(pgdir[i]);
    frame_free(&kframes, (uint32_t)pgdir);
}

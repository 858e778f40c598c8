/*
 * mm.h - physical frames, address spaces and checked user access.
 *
 * Virtual layout of every address space:
 *   0 .. KERNEL_LIMIT        physical memory identity-mapped, supervisor
 *                            only (page 0 unmapped, kernel text read-only)
 *   USER_BASE (1 GiB) ..     program text/data (user.ld)
 *   STATE_BASE (3 GiB) ..    a service's state region, kept when it restarts
 *                            (user.ld's .state section; keep.c)
 *   USER_STACK_TOP - 64K ..  the stack; the page below it stays unmapped
 *   DEVMAP_BASE ..           device memory mapped with sys_mapdev
 * Invariants: user pages are owned by exactly one address space unless
 * marked PTE_DEVICE; the kernel never touches a user address without
 * translating it through the owner's page tables (uaccess.c).
 */
#ifndef KERNEL_MM_H
#define KERNEL_MM_H

#include <stdint.h>
#include <stddef.h>
#include "frames.h"

#define PAGE_SIZE       4096u
#define KERNEL_LIMIT    0x40000000u
#define USER_BASE       0x40000000u
#define USER_STACK_TOP  0xe0000000u
#define USER_STACK_SIZE 0x10000u
#define STATE_BASE      0xc0000000u     /* a service's kept state (keep.c) */
#define STATE_END       0xd0000000u
#define DEVMAP_BASE     0xf0000000u
#define DEVMAP_END      0xff000000u

#define PTE_P       0x001
#define PTE_W       0x002
#define PTE_U       0x004
#define PTE_PCD     0x010
#define PTE_PS      0x080
#define PTE_G       0x100
#define PTE_DEVICE  0x200   /* available bit: not owned, never freed */
#define PTE_AD      0x060   /* accessed, dirty: set by the CPU */

#define PDX(va) ((va) >> 22)
#define PTX(va) (((va) >> 12) & 0x3ff)

extern struct frame_pool kframes;
extern uint32_t kframes_total;      /* frames that were free after boot setup */
extern uint32_t *kernel_pgdir;
extern uint32_t kernel_mem_top;

/* The IO-APIC's 4 MiB page, mapped supervisor-only just below USER_BASE
 * when the watchdog NMI is on (nmi.c). */
#define IOAPIC_PHYS     0xfec00000u
#define IOAPIC_VA       0x3fc00000u
#define WDT_VA          0x3f800000u     /* the i6300esb's 4 MiB (wdt.c) */
extern uint32_t wdt_pde;

/* paging.c */
void paging_init(uint32_t mem_top);
uint32_t kpd_template(uint32_t i);
int check_kernel_pgdir(void);
uint32_t *as_create(void);
void as_destroy(uint32_t *pgdir);
void as_free_table(uint32_t pde);
uint32_t as_table_pages(uint32_t pde);
int as_reserve(uint32_t *pgdir, uint32_t va);
int as_map(uint32_t *pgdir, uint32_t va, uint32_t pa, uint32_t flags);
uint32_t *as_pte(uint32_t *pgdir, uint32_t va);
uint32_t as_count_pages(uint32_t *pgdir);
int as_copy(uint32_t *from, uint32_t *to);

/* Kernel pointer for user address va, or NULL if it is not a present
 * user page (writable for writes) at or above USER_BASE.  A device page
 * (PTE_DEVICE) is never one: its physical address is not a kernel
 * address, and the kernel does not copy to or from device memory.
 * Inline: every IPC translates two message buffers. */
static inline uint8_t *user_translate(uint32_t *pgdir, uint32_t va, int write)
{
    uint32_t pde = pgdir[PDX(va)], pte;
    uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);
    if (va < USER_BASE || !(pde & PTE_P))
        return 0;
    pte = ((uint32_t *)(pde & ~0xfffu))[PTX(va)];
    if ((pte & (need | PTE_DEVICE)) != need)
        return 0;
    return (uint8_t *)((pte & ~0xfffu) | (va & 0xfff));
}

/* Kernel pointer to a whole 64-byte message at va when it lies within one
 * page (the usual case); NULL: use the checked copies below. */
static inline void *msg_in_page(uint32_t *pgdir, uint32_t va, int write)
{
    if ((va & 0xfff) > PAGE_SIZE - 64)
        return 0;
    return user_translate(pgdir, va, write);
}

/* A process's last message buffer, translated: valid while as_gen still
 * equals gen.  as_gen changes whenever any user mapping may have gone or
 * moved (as_map, as_create, as_destroy, an unmap, a checker repair) and
 * on every clock tick, so a stale or corrupted entry lives at most one
 * tick; the IPC fast path (ipc_fast.c) skips two page walks with it. */
struct msgmap {
    uint32_t va, gen;
    void *k;
};
extern uint32_t as_gen;
static inline void as_changed(void)
{
    as_gen++;
}

/* Copy one 64-byte message (16 words, no call). */
static inline void msg_copy(void *dst, const void *src)
{
    uint32_t n = 16;
    __asm__ volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

/* uaccess.c: all return OK or -EFAULT and copy nothing on -EFAULT. */
int user_check(uint32_t *pgdir, uint32_t va, size_t len, int write);
int copy_from_user(uint32_t *pgdir, uint32_t va, void *dst, size_t len);
int copy_to_user(uint32_t *pgdir, uint32_t va, const void *src, size_t len);
int copy_user_to_user(uint32_t *dpd, uint32_t dva, uint32_t *spd,
                      uint32_t sva, size_t len);

#endif

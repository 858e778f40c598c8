/*
 * gdt.c - the flat GDT (kernel and user code/data) and the one TSS.
 *
 * The TSS holds esp0 (set on every switch to a process, sched.c) and the
 * I/O permission bitmap, which io_bitmap_load (priv.c) rewrites for the
 * process about to run.  Every bit starts set: no port is allowed.
 */
#include "kernel.h"
#include "arch.h"

struct gdt_entry {
    uint16_t limit_lo, base_lo;
    uint8_t base_mid, access, gran, base_hi;
} __attribute__((packed));

struct dtr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

struct tss tss __attribute__((aligned(16)));
static struct gdt_entry gdt[6];

static void set_entry(int i, uint32_t base, uint32_t limit, uint8_t access,
                      uint8_t gran)
{
    gdt[i].limit_lo = limit & 0xffff;
    gdt[i].base_lo = base & 0xffff;
    gdt[i].base_mid = (base >> 16) & 0xff;
    gdt[i].access = access;
    gdt[i].gran = (uint8_t)((gran & 0xf0) | ((limit >> 16) & 0x0f));
    gdt[i].base_hi = (base >> 24) & 0xff;
}

void gdt_init(void)
{
    struct dtr d = { sizeof(gdt) - 1, (uint32_t)gdt };
    set_entry(0, 0, 0, 0, 0);
    set_entry(1, 0, 0xfffff, 0x9a, 0xc0);   /* kernel code */
    set_entry(2, 0, 0xfffff, 0x92, 0xc0);   /* kernel data */
    set_entry(3, 0, 0xfffff, 0xfa, 0xc0);   /* user code, DPL 3 */
    set_entry(4, 0, 0xfffff, 0xf2, 0xc0);   /* user data, DPL 3 */
    set_entry(5, (uint32_t)&tss, sizeof(tss) - 1, 0x89, 0x00);

    memset(&tss, 0, sizeof(tss));
    tss.ss0 = KDATA_SEL;
    tss.iomap_base = (uint16_t)offsetof(struct tss, iomap);
    memset(tss.iomap, 0xff, sizeof(tss.iomap));

    __asm__ volatile(
        "lgdt %0\n\t"
        "mov %1, %%ds\n\t mov %1, %%es\n\t mov %1, %%fs\n\t"
        "mov %1, %%gs\n\t mov %1, %%ss\n\t"
        "ljmp %2, $1f\n"
        "1:\n\t"
        "ltr %w3"
        : : "m"(d), "r"(KDATA_SEL), "i"(KCODE_SEL), "r"(TSS_SEL) : "memory");
}

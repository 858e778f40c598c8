/*
 * gdt.c - the flat GDT (kernel and user code/data), the main TSS and the
 * two TSSs of the NMI and double-fault tasks (nmi.c).
 *
 * Every descriptor is computed by gdt_template(i) (code is "ROM"), so the
 * checker (check_cpu.c) can compare the live table against it and rewrite
 * it.  The main TSS holds esp0 (set on every switch to a process,
 * sched.c), cr3 (kept equal to CR3 by write_cr3, for the return from the
 * NMI task) and the I/O permission bitmap, which io_bitmap_load (priv.c)
 * rewrites for the process about to run.  Every bit starts set.
 */
#include "kernel.h"
#include "arch.h"

struct tss tss __attribute__((aligned(16)));
uint64_t gdt[NR_GDT];

static uint64_t descriptor(uint32_t base, uint32_t limit, uint8_t access, uint8_t gran)
{
    uint64_t d = (limit & 0xffff) | ((uint64_t)(base & 0xffffff) << 16);
    d |= (uint64_t)access << 40;
    d |= (uint64_t)((gran & 0xf0) | ((limit >> 16) & 0x0f)) << 48;
    return d | (uint64_t)(base >> 24) << 56;
}

/* The value descriptor i must hold (TSS descriptors: not busy; segments
 * already "accessed", so the CPU never writes the table). */
uint64_t gdt_template(int i)
{
    switch (i) {
    case 1: return descriptor(0, 0xfffff, 0x9b, 0xc0);     /* kernel code */
    case 2: return descriptor(0, 0xfffff, 0x93, 0xc0);     /* kernel data */
    case 3: return descriptor(0, 0xfffff, 0xfb, 0xc0);     /* user code, DPL 3 */
    case 4: return descriptor(0, 0xfffff, 0xf3, 0xc0);     /* user data, DPL 3 */
    case 5: return descriptor((uint32_t)&tss, sizeof(tss) - 1, 0x89, 0);
    case 6: return descriptor((uint32_t)&nmi_tss, TASK_TSS_SIZE - 1, 0x89, 0);
    case 7: return descriptor((uint32_t)&df_tss, TASK_TSS_SIZE - 1, 0x89, 0);
    default: return 0;
    }
}

void gdt_load(void)
{
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) d =
        { sizeof(gdt) - 1, (uint32_t)gdt };
    __asm__ volatile(
        "lgdt %0\n\t"
        "mov %1, %%ds\n\t mov %1, %%es\n\t mov %1, %%fs\n\t"
        "mov %1, %%gs\n\t mov %1, %%ss\n\t"
        "ljmp %2, $1f\n"
        "1:"
        : : "m"(d), "r"(KDATA_SEL), "i"(KCODE_SEL) : "memory");
}

void gdt_init(void)
{
    for (int i = 0; i < NR_GDT; i++)
        gdt[i] = gdt_template(i);
    memset(&tss, 0, sizeof(tss));
    tss.ss0 = KDATA_SEL;
    tss.iomap_base = (uint16_t)offsetof(struct tss, iomap);
    memset(tss.iomap, 0xff, sizeof(tss.iomap));
    gdt_load();
    __asm__ volatile("ltr %w0" : : "r"(TSS_SEL));
}

/*
 * check_cpu.c - predicates and repairs for the constant CPU state: the
 * GDT and IDT against their templates (gdt_template, idt_template),
 * GDTR/IDTR/TR, the TSS's fixed fields, CR0/CR3/CR4, the PIC masks and
 * the PIT's mode and divisor.  All of it is rewritten, never reasoned
 * about: a template is code, and code is "ROM" (check_rom.c).
 *
 * in_nmi: 0 on the clock path; 1 inside the NMI task, 2 inside the
 * double-fault task.  There, the task's own TSS descriptor is busy and TR
 * names it, and so is the other task's when this one interrupted it (its
 * selector in our back link: an NMI during the double-fault task); the
 * main TSS's cr3 must be an address space we can return to.
 */
#include "kernel.h"
#include "arch.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"

#define BUSY (1ull << 41)               /* TSS descriptor busy bit */
#define CR0_MASK  0xe0010027u           /* PG CD NW WP NE EM MP PE */
#define CR0_WANT  0x80010023u           /* PG WP NE MP PE */

uint32_t cr4_expect;                    /* stab_init: CR4 as paging_init set it */
uint16_t pic_get_mask(void);
void pic_set_mask(uint16_t m);
void pit_program(void);

struct dtr { uint16_t limit; uint32_t base; } __attribute__((packed));

/* Whether TSS descriptor i is busy: the main task always is (the tasks
 * return to it), a task while it runs or waits for the one it called. */
static int tss_busy(int i, int in_nmi)
{
    if (i == 5)
        return 1;
    if (i == 6)
        return in_nmi == 1 || (in_nmi == 2 && df_tss.link == NMI_TSS_SEL);
    if (i == 7)
        return in_nmi == 2 || (in_nmi == 1 && nmi_tss.link == DF_TSS_SEL);
    return 0;
}

static int check_gdt(int in_nmi)
{
    int n = 0;
    struct dtr d;
    uint16_t tr;
    for (int i = 0; i < NR_GDT; i++) {
        uint64_t want = gdt_template(i);
        if (tss_busy(i, in_nmi))
            want |= BUSY;
        if (gdt[i] != want) {
            stab_repair(SC_GDT, "descriptor %d was %08x%08x", i,
                        (uint32_t)(gdt[i] >> 32), (uint32_t)gdt[i]);
            gdt[i] = want;
            n++;
        }
    }
    __asm__ volatile("sgdt %0; str %1" : "=m"(d), "=r"(tr));
    if (d.base != (uint32_t)gdt || d.limit != sizeof(gdt) - 1) {
        stab_repair(SC_CPUREG, "GDTR was %08x/%x", d.base, d.limit);
        gdt_load();
        n++;
    }
    if (!in_nmi && tr != TSS_SEL) {
        stab_repair(SC_CPUREG, "TR was %x", tr);
        gdt[5] &= ~BUSY;
        __asm__ volatile("ltr %w0" : : "r"(TSS_SEL));
        n++;
    }
    return n;
}

static int check_idt(void)
{
    int n = 0;
    struct dtr d;
    for (int v = 0; v < NR_IDT; v++) {
        uint64_t want = idt_template(v);
        if (idt[v] != want) {
            stab_repair(SC_IDT, "gate %d was %08x%08x", v,
                        (uint32_t)(idt[v] >> 32), (uint32_t)idt[v]);
            idt[v] = want;
            n++;
        }
    }
    __asm__ volatile("sidt %0" : "=m"(d));
    if (d.base != (uint32_t)idt || d.limit != sizeof(idt) - 1) {
        stab_repair(SC_CPUREG, "IDTR was %08x/%x", d.base, d.limit);
        idt_load();
        n++;
    }
    return n;
}

static int live_pgdir(uint32_t pd)
{
    if (pd == (uint32_t)kernel_pgdir)
        return 1;
    for (int i = 0; i < NR_PROCS; i++)
        if (!(proc_table[i].flags & P_FREE) && (uint32_t)proc_table[i].pgdir == pd)
            return 1;
    return 0;
}

static int check_tss(int in_nmi)
{
    int n = 0;
    uint32_t esp0 = current ? (uint32_t)(&current->regs + 1) : tss.esp0;
    int sane = proc_sane(current);      /* current itself is check_procs' job */
    uint16_t iomap = sane && !in_nmi ? io_bitmap_expected(current) :
                     tss.iomap_base == IOMAP_ON || tss.iomap_base == IOMAP_NONE ? tss.iomap_base :
                     sane && current->priv->nio ? IOMAP_ON : IOMAP_NONE;
    if (tss.ss0 != KDATA_SEL || tss.iomap_base != iomap ||
        (current && tss.esp0 != esp0 && !in_nmi)) {
        stab_repair(SC_TSS, "ss0=%x esp0=%08x iomap=%x", tss.ss0, tss.esp0, tss.iomap_base);
        tss.ss0 = KDATA_SEL;
        tss.iomap_base = iomap;
        tss.esp0 = esp0;
        n++;
    }
    if (in_nmi && current && tss.esp0 != esp0 && (tss.cs & 3)) {
        stab_repair(SC_TSS, "esp0 was %08x (user mode)", tss.esp0);
        tss.esp0 = esp0;
        n++;
    }
    if (in_nmi && !live_pgdir(tss.cr3)) {
        stab_repair(SC_TSS, "saved cr3 was %08x", tss.cr3);
        tss.cr3 = current && (tss.cs & 3) ? (uint32_t)current->pgdir : (uint32_t)kernel_pgdir;
        n++;
    }
    return n;
}

static int check_cregs(int in_nmi)
{
    uint32_t cr0, cr3, cr4;
    int n = 0;
    __asm__ volatile("mov %%cr0, %0; mov %%cr3, %1; mov %%cr4, %2"
                     : "=r"(cr0), "=r"(cr3), "=r"(cr4));
    if ((cr0 & CR0_MASK) != CR0_WANT) {
        stab_repair(SC_CPUREG, "CR0 was %08x", cr0);
        cr0 = (cr0 & ~CR0_MASK) | CR0_WANT;
        __asm__ volatile("mov %0, %%cr0" : : "r"(cr0) : "memory");
        n++;
    }
    if (fpu_ts_check(cr0)) {
        stab_repair(SC_CPUREG, "CR0.TS was clear for a process that does not own the FPU");
        n++;
    }
    if (cr4_expect && cr4 != cr4_expect) {
        stab_repair(SC_CPUREG, "CR4 was %08x", cr4);
        __asm__ volatile("mov %0, %%cr4" : : "r"(cr4_expect) : "memory");
        n++;
    }
    if (!in_nmi && (cr3 != tss.cr3 || !live_pgdir(cr3))) {
        stab_repair(SC_CPUREG, "CR3 was %08x", cr3);
        write_cr3(current ? (uint32_t)current->pgdir : (uint32_t)kernel_pgdir);
        n++;
    }
    return n;
}

/* PIC: the clock and cascade lines open, IMR as pic.c keeps it.  PIT:
 * channel 0 in mode 2 with a count no larger than the divisor. */
static int check_pic_pit(void)
{
    uint16_t want = pic_get_mask() & (uint16_t)~((1u << CLOCK_IRQ) | (1u << CASCADE_IRQ));
    uint16_t imr = (uint16_t)(inb(0x21) | inb(0xa1) << 8);
    uint8_t status, lo, hi;
    int n = 0;
    if (imr != want) {
        stab_repair(SC_PIC, "IMR was %04x, want %04x", imr, want);
        pic_set_mask(want);
        n++;
    }
    outb(0x43, 0xc2);                   /* read back status and count, channel 0 */
    status = inb(0x40);
    lo = inb(0x40);
    hi = inb(0x40);
    if ((status & 0x3f) != 0x34 || (uint32_t)(lo | hi << 8) > 1193182 / HZ) {
        stab_repair(SC_PIT, "status %02x count %u", status, lo | hi << 8);
        pit_program();
        n++;
    }
    return n;
}

int check_cpu(int in_nmi)
{
    if (!stab_on(STAB_CHECK))
        return 0;
    return check_gdt(in_nmi) + check_idt() + check_tss(in_nmi) + check_cregs(in_nmi) +
           (in_nmi ? 0 : check_pic_pit());
}

/*
 * arch.h - x86 protected-mode structures: trap frame, GDT/TSS, IDT, PIC.
 *
 * The trap frame is saved straight into the running process's table
 * entry: the TSS's esp0 points just past proc->regs, so the CPU pushes the
 * iret frame there and the entry stub pushes the rest (MINIX-style; there
 * is one kernel stack, not one per process).
 */
#ifndef KERNEL_ARCH_H
#define KERNEL_ARCH_H

#include <stdint.h>

#define KCODE_SEL 0x08
#define KDATA_SEL 0x10
#define UCODE_SEL 0x1b
#define UDATA_SEL 0x23
#define TSS_SEL   0x28
#define NMI_TSS_SEL 0x30    /* the NMI task (nmi.c) */
#define DF_TSS_SEL  0x38    /* the double-fault task */
#define NR_GDT    8
#define NR_IDT    64

#define NR_EXCEPTIONS 32
#define IRQ_BASE      32
#define NR_IRQS       16
#define CLOCK_IRQ     0
#define CASCADE_IRQ   2

#define EFLAGS_IF     0x200
#define EFLAGS_USER   (EFLAGS_IF | 0x2)      /* IF set, IOPL 0, reserved bit 1 */

struct trapframe {
    uint32_t gs, fs, es, ds;
    uint32_t edi, esi, ebp, esp_pusha, ebx, edx, ecx, eax;
    uint32_t vector, err;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;                       /* only when entered from ring 3 */
};

_Static_assert(__builtin_offsetof(struct trapframe, cs) == 60,
               "entry.asm's CS_OFFSET must match struct trapframe");

#define IOMAP_BYTES 8192

struct tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
    uint8_t iomap[IOMAP_BYTES + 1];         /* + the mandatory 0xff byte */
} __attribute__((packed));

extern struct tss tss;
/* tss.iomap_base: the bitmap, or past the TSS limit (no bitmap: every
 * port faults in ring 3), for processes without ports. */
#define IOMAP_ON   ((uint16_t)offsetof(struct tss, iomap))
#define IOMAP_NONE ((uint16_t)0xffff)

/* The NMI and double-fault tasks' TSSs: no I/O bitmap. */
#define TASK_TSS_SIZE 104
extern struct tss nmi_tss, df_tss;      /* only the first 104 bytes used */

extern uint64_t gdt[NR_GDT], idt[NR_IDT];
uint64_t gdt_template(int i);
uint64_t idt_template(int v);
void gdt_load(void);
void idt_load(void);

/* gdt.c, idt.c, pic.c */
void gdt_init(void);
void idt_init(void);
void pic_init(void);
void pic_mask(int irq);
void pic_unmask(int irq);
void pic_eoi(int irq);

/* entry.asm */
void restart(struct trapframe *tf) __attribute__((noreturn));

/* trap.c */
void trap_user(struct trapframe *tf) __attribute__((noreturn));
void trap_kernel(struct trapframe *tf);

static inline uint32_t read_cr2(void)
{ uint32_t v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline uint32_t read_cr3(void)
{ uint32_t v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
/* tss.cr3 follows CR3: returning from the NMI task reloads CR3 from it. */
static inline void write_cr3(uint32_t v)
{
    tss.cr3 = v;
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#endif

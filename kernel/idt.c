/*
 * idt.c - the interrupt descriptor table: 32 exceptions, 16 IRQs and the
 * IPC trap.  All are interrupt gates (IF cleared on entry: the kernel is
 * never interrupted); only the IPC trap may be raised from ring 3.
 */
#include "kernel.h"
#include "arch.h"

struct idt_entry {
    uint16_t off_lo, sel;
    uint8_t zero, type;
    uint16_t off_hi;
} __attribute__((packed));

extern uint32_t trap_vectors[];         /* entry.asm: 48 stubs */
extern void ipc_entry(void);

static struct idt_entry idt[256];

static void set_gate(int v, uint32_t handler, int dpl)
{
    idt[v].off_lo = handler & 0xffff;
    idt[v].sel = KCODE_SEL;
    idt[v].zero = 0;
    idt[v].type = (uint8_t)(0x8e | (dpl << 5));
    idt[v].off_hi = handler >> 16;
}

void idt_init(void)
{
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) d =
        { sizeof(idt) - 1, (uint32_t)idt };
    for (int v = 0; v < IRQ_BASE + NR_IRQS; v++)
        set_gate(v, trap_vectors[v], 0);
    set_gate(IPC_VECTOR, (uint32_t)ipc_entry, 3);
    __asm__ volatile("lidt %0" : : "m"(d));
}

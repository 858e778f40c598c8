/*
 * idt.c - the interrupt descriptor table: 32 exceptions, 16 IRQs and the
 * IPC trap.  All are interrupt gates (IF cleared on entry: the kernel is
 * never interrupted); only the IPC trap may be raised from ring 3.  With
 * the watchdog NMI on (stabilize.h), the NMI and the double fault are
 * task gates to their own TSSs (nmi.c).
 *
 * Every gate is computed by idt_template(v) (code is "ROM"), so the
 * checker (check_cpu.c) can compare and rewrite the live table.
 */
#include "kernel.h"
#include "arch.h"
#include "stabilize.h"

extern uint32_t trap_vectors[];         /* entry.asm: 48 stubs */
extern void ipc_entry(void);

uint64_t idt[NR_IDT];

static uint64_t gate(uint32_t handler, uint16_t sel, uint8_t type)
{
    return (handler & 0xffff) | (uint64_t)sel << 16 | (uint64_t)type << 40 |
           (uint64_t)(handler >> 16) << 48;
}

uint64_t idt_template(int v)
{
    if ((v == 2 || v == 8) && stab_on(STAB_NMI))
        return gate(0, v == 2 ? NMI_TSS_SEL : DF_TSS_SEL, 0x85);   /* task gate */
    if (v < IRQ_BASE + NR_IRQS)
        return gate(trap_vectors[v], KCODE_SEL, 0x8e);
    if (v == IPC_VECTOR)
        return gate((uint32_t)ipc_entry, KCODE_SEL, 0xee);
    return 0;
}

void idt_load(void)
{
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) d =
        { sizeof(idt) - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(d));
}

void idt_init(void)
{
    for (int v = 0; v < NR_IDT; v++)
        idt[v] = idt_template(v);
    idt_load();
}

/*
 * irq.c - hardware interrupts.  The clock is the kernel's; every other
 * line belongs to at most one driver (chosen with IRQ_SUBSCRIBE, allowed
 * by its privileges).  An interrupt masks its line, is acknowledged, and
 * reaches the owner as a notification from HARDWARE; the owner re-enables
 * the line with IRQ_ENABLE when it has serviced the device.
 */
#include "kernel.h"
#include "proc.h"

static struct proc *owner[NR_IRQS];

static int spurious(int irq)
{
    uint8_t isr;
    if (irq != 7 && irq != 15)
        return 0;
    outb(irq == 7 ? 0x20 : 0xa0, 0x0b);     /* read the in-service register */
    isr = inb(irq == 7 ? 0x20 : 0xa0);
    if (isr & 0x80)
        return 0;
    if (irq == 15)
        pic_eoi(2);                         /* the master saw the cascade */
    return 1;
}

static void dispatch(int irq)
{
    if (spurious(irq))
        return;
    if (irq == CLOCK_IRQ) {
        pic_eoi(irq);
        clock_tick();
        return;
    }
    pic_mask(irq);
    pic_eoi(irq);
    if (owner[irq])
        kernel_notify(owner[irq], HARDWARE, 1u << irq);
}

void irq_handle(int irq)
{
    uint64_t t0 = acct_start();
    dispatch(irq);
    acct_irq(t0);
}

int irq_subscribe(struct proc *p, int irq)
{
    if (owner[irq] && owner[irq] != p)
        return -EBUSY;
    owner[irq] = p;
    return OK;
}

int irq_owner_is(struct proc *p, int irq)
{
    return owner[irq] == p;
}

void irq_release(struct proc *p)
{
    for (int i = 0; i < NR_IRQS; i++)
        if (owner[i] == p) {
            owner[i] = 0;
            pic_mask(i);
        }
}

/*
 * do_irqctl.c - SYS_IRQCTL: subscribe to, enable or disable an IRQ line.
 * The line must be in the caller's privileges; enable/disable need the
 * caller to be the subscribed owner.
 */
#include "system.h"

int do_irqctl(struct proc *caller, message *m)
{
    struct sys_irqctl *rq = MSG_BODY(m, struct sys_irqctl);
    int irq = rq->irq;
    if (irq < 0 || irq >= NR_IRQS || irq == CLOCK_IRQ || irq == CASCADE_IRQ)
        return -EINVAL;
    if (!((caller->priv->irqs >> irq) & 1))
        return priv_denied(caller, "irq", (uint32_t)irq);
    switch (rq->op) {
    case IRQ_SUBSCRIBE:
        return irq_subscribe(caller, irq);
    case IRQ_ENABLE:
    case IRQ_DISABLE:
        if (!irq_owner_is(caller, irq))
            return -EPERM;
        if (rq->op == IRQ_ENABLE)
            pic_unmask(irq);
        else
            pic_mask(irq);
        return OK;
    default:
        return -EINVAL;
    }
}

/* sys_dev.c - kernel-call wrappers for drivers: IRQs, ports, device memory. */
#include "libsys.h"

int sys_irqctl(int op, int irq)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_irqctl)->op = op;
    MSG_BODY(&m, struct sys_irqctl)->irq = irq;
    return kernel_call(SYS_IRQCTL, &m);
}

static int devio(int dir, uint32_t port, uint32_t *value)
{
    message m;
    struct sys_devio *d = MSG_BODY(&m, struct sys_devio);
    int r;
    memset(&m, 0, sizeof(m));
    d->dir = dir;
    d->size = 1;
    d->port = port;
    d->value = *value;
    r = kernel_call(SYS_DEVIO, &m);
    if (r == OK)
        *value = d->value;
    return r;
}

int sys_inb(uint32_t port, uint32_t *value)
{
    *value = 0;
    return devio(DIO_IN, port, value);
}

int sys_outb(uint32_t port, uint32_t value)
{
    return devio(DIO_OUT, port, &value);
}

int sys_mapdev(uint32_t phys, uint32_t len, void **vaddr)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_mapdev)->phys = phys;
    MSG_BODY(&m, struct sys_mapdev)->len = len;
    r = kernel_call(SYS_MAPDEV, &m);
    if (r == OK)
        *vaddr = (void *)MSG_BODY(&m, struct sys_mapdev)->vaddr;
    return r;
}

int sys_console(int op)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_console)->op = op;
    return kernel_call(SYS_CONSOLE, &m);
}

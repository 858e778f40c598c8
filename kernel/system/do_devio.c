/* do_devio.c - SYS_DEVIO: one checked port read or write (1, 2, 4 bytes). */
#include "system.h"

int do_devio(struct proc *caller, message *m)
{
    struct sys_devio *rq = MSG_BODY(m, struct sys_devio);
    uint16_t port = (uint16_t)rq->port;
    if ((rq->size != 1 && rq->size != 2 && rq->size != 4) || rq->port > 0xffff ||
        (rq->dir != DIO_IN && rq->dir != DIO_OUT))
        return -EINVAL;
    if (!io_allowed(caller->priv, rq->port, (uint32_t)rq->size))
        return priv_denied(caller, "i/o port", rq->port);
    if (rq->dir == DIO_OUT) {
        if (rq->size == 1) outb(port, (uint8_t)rq->value);
        else if (rq->size == 2) outw(port, (uint16_t)rq->value);
        else outl(port, rq->value);
    } else {
        rq->value = rq->size == 1 ? inb(port) : rq->size == 2 ? inw(port) : inl(port);
    }
    return OK;
}

/* do_diag.c - SYS_DIAG: append up to 52 bytes of text to the kernel log. */
#include "system.h"

int do_diag(struct proc *caller, message *m)
{
    struct sys_diag *rq = MSG_BODY(m, struct sys_diag);
    (void)caller;
    if (rq->len > sizeof(rq->text))
        return -EINVAL;
    console_write(rq->text, rq->len);
    return OK;
}

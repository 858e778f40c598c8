/* do_getksig.c - SYS_GETKSIG: a supervisor takes its next death report. */
#include "system.h"

int do_getksig(struct proc *caller, message *m)
{
    return ksig_next(caller->endpoint, MSG_BODY(m, struct sys_getksig));
}

/* do_exit.c - SYS_EXIT: the caller ends with a status; no reply. */
#include "system.h"

int do_exit(struct proc *caller, message *m)
{
    proc_exit(caller, KSIG_EXIT, MSG_BODY(m, struct sys_exit)->status);
    return EDONTREPLY;
}

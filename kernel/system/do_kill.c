/* do_kill.c - SYS_KILL: end another process (or the caller itself). */
#include "system.h"

int do_kill(struct proc *caller, message *m)
{
    struct proc *target;
    int r = ep_lookup(MSG_BODY(m, struct sys_kill)->ep, &target);
    if (r != OK)
        return r;
    proc_exit(target, KSIG_KILLED, 0);
    return target == caller ? EDONTREPLY : OK;
}

/*
 * do_spawn.c - SYS_SPAWN: start a service from an ELF image in the
 * caller's memory (RS's pristine copies), with the privileges described
 * for its label.  The caller becomes its supervisor.  Labels are unique:
 * a label that is already running is refused.  The new process inherits
 * the state region kept from the label's previous instance (keep.c)
 * unless flags has SPAWN_FRESH.
 */
#include "system.h"
#include "../elf.h"

#define MAX_IMAGE (8u << 20)

int do_spawn(struct proc *caller, message *m)
{
    struct sys_spawn *rq = MSG_BODY(m, struct sys_spawn);
    struct elf_src src = { caller->pgdir, rq->addr, rq->size };
    struct priv *pv;
    struct proc *p;
    int err;
    rq->label[sizeof(rq->label) - 1] = '\0';
    if (!(pv = priv_by_label(rq->label)) || pv->id == USER_PRIV)
        return -ESRCH;
    if (proc_by_label(rq->label))
        return -EEXIST;
    if (rq->size == 0 || rq->size > MAX_IMAGE || (rq->flags & ~SPAWN_FRESH))
        return -EINVAL;
    if (rq->flags & SPAWN_FRESH)
        keep_drop(pv);
    if (!(p = proc_spawn(rq->label, &src, pv, &err)))
        return err;
    p->supervisor = caller->endpoint;
    ident_save(p);
    rq->ep = p->endpoint;
    return OK;
}

/*
 * do_getmodule.c - SYS_GETMODULE: a boot module's name and size by index
 * (or by name when name[0] != 0), and, when a buffer is given, a copy of
 * its bytes into the caller (RS keeps pristine images this way).
 * -ESRCH past the last module; -E2BIG when the buffer is too small.
 */
#include "system.h"
#include "../bootinfo.h"
#include "../mm.h"

int do_getmodule(struct proc *caller, message *m)
{
    struct sys_module *rq = MSG_BODY(m, struct sys_module);
    const struct module *mod;
    uint32_t size;
    rq->name[sizeof(rq->name) - 1] = '\0';
    if (rq->name[0])
        mod = module_find(rq->name);
    else
        mod = rq->index >= 0 && (uint32_t)rq->index < bootinfo.nmods
              ? &bootinfo.mods[rq->index] : 0;
    if (!mod)
        return -ESRCH;
    size = mod->end - mod->start;
    strlcpy(rq->name, mod->name, sizeof(rq->name));
    rq->size = size;
    if (rq->addr == 0)
        return OK;
    if (rq->len < size)
        return -E2BIG;
    return copy_to_user(caller->pgdir, rq->addr, (const void *)mod->start, size);
}

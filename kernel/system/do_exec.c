/*
 * do_exec.c - SYS_EXEC: PM replaces the program of a process that is
 * blocked in a call to PM (its exec request), or creates a new user
 * process (ep == NONE: init).  The ELF image and the initial stack
 * (argc, argv, envp and their strings, built by PM for EXEC_STACK_TOP)
 * are in PM's memory.
 *
 * All or nothing: the new address space is completely built (segments
 * loaded, stack copied) before the old one is touched; any failure
 * destroys the new space and leaves the process as it was, still waiting
 * for PM's reply.  An image that would leave less free memory than the
 * services' reserve (reserve.c) is refused before loading.  On success the process starts at the image's entry
 * with fresh registers, FPU state and grants; PM sends it no reply.
 */
#include "system.h"
#include "../mm.h"
#include "../elf.h"

#define MAX_IMAGE (8u << 20)

_Static_assert(EXEC_STACK_TOP == USER_STACK_TOP, "proto/sys.h and mm.h agree");
_Static_assert(EXEC_STACK_MAX < USER_STACK_SIZE, "the stack image fits the stack");

static int check(struct proc *caller, struct sys_exec *rq, struct proc **target)
{
    int r;
    *target = 0;
    if (rq->ep != NONE) {
        if ((r = ep_lookup(rq->ep, target)) != OK)
            return r;
        if (!((*target)->flags & P_CALLING) || ((*target)->flags & P_SENDING) ||
            (*target)->getfrom != caller->endpoint)
            return -EINVAL;             /* only a process waiting for us */
    }
    rq->name[sizeof(rq->name) - 1] = '\0';
    if (rq->size == 0 || rq->size > MAX_IMAGE)
        return -ENOEXEC;
    if (rq->stack_len < 16 || rq->stack_len > EXEC_STACK_MAX || rq->stack_len & 3)
        return -E2BIG;
    if (user_check(caller->pgdir, rq->stack, rq->stack_len, 0) != OK)
        return -EFAULT;
    return OK;
}

int do_exec(struct proc *caller, message *m)
{
    struct sys_exec *rq = MSG_BODY(m, struct sys_exec);
    struct elf_src src = { caller->pgdir, rq->image, rq->size };
    struct proc *p;
    uint32_t *pgdir, entry, sp = EXEC_STACK_TOP - rq->stack_len;
    uint32_t pages;
    int r = check(caller, rq, &p);
    if (r != OK)
        return r;
    if ((r = elf_pages(&src, &pages)) != OK)
        return r;
    if (!reserve_allows(0, pages, rq->user))
        return -ENOMEM;                 /* the image would eat into the services' reserve */
    if (!(pgdir = proc_load(rq->name, &src, &entry, &r)))
        return r;
    if (copy_user_to_user(pgdir, sp, caller->pgdir, rq->stack, rq->stack_len) != OK) {
        as_destroy(pgdir);
        return -EFAULT;
    }
    if (!(p = proc_exec(p, rq->name, pgdir, entry, sp))) {
        as_destroy(pgdir);
        return -EAGAIN;                 /* no free slot for a new process */
    }
    if (rq->ep == NONE)
        p->supervisor = caller->endpoint;
    ident_save(p);
    rq->new_ep = p->endpoint;
    return OK;
}

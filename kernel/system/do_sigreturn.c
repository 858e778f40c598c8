/*
 * do_sigreturn.c - SYS_SIGRETURN: after a handler, PM resumes a process
 * (blocked in its sigreturn call to PM) from the context the handler's
 * frame saved (do_sigframe.c).  The context lives in user memory, so it
 * is not trusted: segment selectors and privileged EFLAGS bits are never
 * taken from it, and an EIP or ESP outside the user range is refused
 * (EFAULT: PM ends the process).  The saved mask goes back to PM.  The
 * FPU state the frame kept (if any) becomes the process's again, with
 * MXCSR cut to what the CPU takes (fpu.c); none: it starts clean.
 */
#include "system.h"
#include "../mm.h"

/* Arithmetic flags, direction and trap flags: what a program may set. */
#define EFLAGS_SAFE 0x0dd5u

int do_sigreturn(struct proc *caller, message *m)
{
    struct sys_sigreturn *rq = MSG_BODY(m, struct sys_sigreturn);
    struct proc *p;
    struct sigctx c;
    static uint8_t fx[SIGFRAME_FPU];
    struct trapframe *r;
    int err = ep_lookup(rq->ep, &p);
    if (err != OK)
        return err;
    if (p->supervisor != caller->endpoint)
        return -EPERM;                  /* only the processes PM made */
    if (!(p->flags & P_CALLING) || (p->flags & P_SENDING) ||
        p->getfrom != caller->endpoint)
        return -EINVAL;                 /* only a process waiting for us */
    if (copy_from_user(p->pgdir, rq->ctx, &c, sizeof(c)) != OK)
        return -EFAULT;
    if (c.eip < USER_BASE || c.esp < USER_BASE || c.esp > USER_STACK_TOP)
        return -EFAULT;
    if (c.fpu && copy_from_user(p->pgdir, c.fpu, fx, sizeof(fx)) != OK)
        return -EFAULT;
    if (c.fpu)
        fpu_set(p, fx);
    else
        fpu_reset(p);
    r = &p->regs;
    r->edi = c.edi; r->esi = c.esi; r->ebp = c.ebp; r->ebx = c.ebx;
    r->edx = c.edx; r->ecx = c.ecx; r->eax = c.eax;
    r->eip = c.eip;
    r->esp = c.esp;
    r->eflags = (c.eflags & EFLAGS_SAFE) | EFLAGS_USER;
    rq->mask = c.mask;
    p->flags = 0;
    ready(p);
    return OK;
}

/*
 * do_sigframe.c - SYS_SIGFRAME: PM makes a process run a signal handler.
 * The process must be ready (not blocked in IPC: PM first ends a call it
 * is blocked in, with EINTR).  Below its user stack pointer the kernel
 * writes a struct sigframe: the return address 'restorer' (libc's
 * trampoline, which asks PM for sigreturn), the signal number, the
 * address of the saved context, and the context itself (general
 * registers, EIP, EFLAGS, ESP, PM's signal mask to restore, and where its
 * FPU state went: the fxsave image, above the frame, when it has used the
 * FPU).  Then the process continues at 'handler' with a clean FPU.
 * Nothing changes if the frame cannot be written (EFAULT: PM ends the
 * process instead).
 */
#include "system.h"
#include "../mm.h"

int do_sigframe(struct proc *caller, message *m)
{
    struct sys_sigframe *rq = MSG_BODY(m, struct sys_sigframe);
    struct proc *p;
    struct sigframe f;
    struct trapframe *r;
    uint32_t sp, fpu;
    int err = ep_lookup(rq->ep, &p);
    if (err != OK)
        return err;
    if (p == caller || p->supervisor != caller->endpoint)
        return -EPERM;                  /* only the processes PM made */
    if (p->flags)
        return -EBUSY;                  /* blocked in IPC */
    if (rq->handler < USER_BASE || rq->restorer < USER_BASE)
        return -EFAULT;
    r = &p->regs;
    fpu = p->fpu_used ? (r->esp - SIGFRAME_FPU) & ~15u : r->esp;
    sp = ((fpu - sizeof(f)) & ~15u) - 4;    /* the handler sees an aligned call */
    f.retaddr = rq->restorer;
    f.signo = rq->signo;
    f.ctx_addr = sp + __builtin_offsetof(struct sigframe, ctx);
    f.ctx = (struct sigctx){ r->edi, r->esi, r->ebp, r->ebx, r->edx, r->ecx, r->eax,
                             r->eip, r->eflags, r->esp, rq->mask, p->fpu_used ? fpu : 0 };
    if (sp < USER_BASE || sp > r->esp || fpu > r->esp)
        return -EFAULT;
    if (p->fpu_used) {
        fpu_save(p);                    /* its registers into p->fpu */
        if (copy_to_user(p->pgdir, fpu, p->fpu, SIGFRAME_FPU) != OK)
            return -EFAULT;
    }
    if (copy_to_user(p->pgdir, sp, &f, sizeof(f)) != OK)
        return -EFAULT;
    fpu_reset(p);
    r->eip = rq->handler;
    r->esp = sp;
    rq->frame = sp;
    return OK;
}

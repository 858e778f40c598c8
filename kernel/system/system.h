/*
 * system.h - kernel-call handlers, one per file (do_<call>.c), each
 * taking the caller and its request message (results go back in the same
 * message).  A handler validates everything before changing anything and
 * returns OK, -E<error>, or EDONTREPLY when the caller is gone.
 */
#ifndef KERNEL_SYSTEM_H
#define KERNEL_SYSTEM_H
#include "../kernel.h"
#include "../proc.h"

int do_exit(struct proc *caller, message *m);
int do_kill(struct proc *caller, message *m);
int do_safecopyfrom(struct proc *caller, message *m);
int do_safecopyto(struct proc *caller, message *m);
int do_irqctl(struct proc *caller, message *m);
int do_devio(struct proc *caller, message *m);
int do_mapdev(struct proc *caller, message *m);
int do_getinfo(struct proc *caller, message *m);
int do_diag(struct proc *caller, message *m);
int do_shutdown(struct proc *caller, message *m);
int do_getksig(struct proc *caller, message *m);
int do_setalarm(struct proc *caller, message *m);
int do_spawn(struct proc *caller, message *m);
int do_getmodule(struct proc *caller, message *m);
int do_console(struct proc *caller, message *m);
int do_fork(struct proc *caller, message *m);
int do_vmctl(struct proc *caller, message *m);
int do_exec(struct proc *caller, message *m);
int do_sigframe(struct proc *caller, message *m);
int do_sigreturn(struct proc *caller, message *m);
int do_stop(struct proc *caller, message *m);
#endif

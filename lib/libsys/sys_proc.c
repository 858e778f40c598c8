/* sys_proc.c - kernel-call wrappers for process control and supervision. */
#include "libsys.h"

void sys_exit(int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_exit)->status = status;
    kernel_call(SYS_EXIT, &m);
    for (;;)            /* only reached when exit is not allowed */
        ipc_receive(NONE, &m);
}

int sys_kill(endpoint_t ep)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_kill)->ep = ep;
    return kernel_call(SYS_KILL, &m);
}

int sys_getksig(struct sys_getksig *out)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = kernel_call(SYS_GETKSIG, &m);
    if (r == OK)
        *out = *MSG_BODY(&m, struct sys_getksig);
    return r;
}

int sys_setalarm(uint32_t ticks)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_setalarm)->ticks = ticks;
    return kernel_call(SYS_SETALARM, &m);
}

int sys_shutdown(int how, int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_shutdown)->how = how;
    MSG_BODY(&m, struct sys_shutdown)->status = status;
    return kernel_call(SYS_SHUTDOWN, &m);
}

int sys_spawn(const char *label, const void *image, uint32_t size, int flags, endpoint_t *ep)
{
    message m;
    struct sys_spawn *sp = MSG_BODY(&m, struct sys_spawn);
    int r;
    memset(&m, 0, sizeof(m));
    strlcpy(sp->label, label, sizeof(sp->label));
    sp->addr = (uint32_t)image;
    sp->size = size;
    sp->flags = flags;
    r = kernel_call(SYS_SPAWN, &m);
    if (r == OK)
        *ep = sp->ep;
    return r;
}

/* Module 'index' (or 'name' when not NULL): name and size out; the bytes
 * too when buf is not NULL. */
int sys_getmodule(int index, const char *name, char *name_out, void *buf,
                  uint32_t len, uint32_t *size)
{
    message m;
    struct sys_module *md = MSG_BODY(&m, struct sys_module);
    int r;
    memset(&m, 0, sizeof(m));
    md->index = index;
    if (name)
        strlcpy(md->name, name, sizeof(md->name));
    md->addr = (uint32_t)buf;
    md->len = len;
    r = kernel_call(SYS_GETMODULE, &m);
    if (r == OK || r == -E2BIG) {
        if (name_out)
            strlcpy(name_out, md->name, sizeof(md->name));
        *size = md->size;
    }
    return r;
}

int sys_fork(endpoint_t parent, int user, endpoint_t *child)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_fork)->parent = parent;
    MSG_BODY(&m, struct sys_fork)->user = user;
    r = kernel_call(SYS_FORK, &m);
    if (r == OK)
        *child = MSG_BODY(&m, struct sys_fork)->child;
    return r;
}

int sys_vmctl(endpoint_t ep, int op, uint32_t addr, uint32_t len, int user)
{
    message m;
    struct sys_vmctl *v = MSG_BODY(&m, struct sys_vmctl);
    memset(&m, 0, sizeof(m));
    v->ep = ep;
    v->op = op;
    v->addr = addr;
    v->len = len;
    v->user = user;
    return kernel_call(SYS_VMCTL, &m);
}

int sys_exec(struct sys_exec *rq)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    *MSG_BODY(&m, struct sys_exec) = *rq;
    r = kernel_call(SYS_EXEC, &m);
    if (r == OK)
        rq->new_ep = MSG_BODY(&m, struct sys_exec)->new_ep;
    return r;
}

int sys_sigframe(endpoint_t ep, uint32_t handler, uint32_t restorer, int signo,
                 uint32_t mask)
{
    message m;
    struct sys_sigframe *f = MSG_BODY(&m, struct sys_sigframe);
    memset(&m, 0, sizeof(m));
    f->ep = ep;
    f->handler = handler;
    f->restorer = restorer;
    f->signo = signo;
    f->mask = mask;
    return kernel_call(SYS_SIGFRAME, &m);
}

int sys_sigreturn(endpoint_t ep, uint32_t ctx, uint32_t *mask)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_sigreturn)->ep = ep;
    MSG_BODY(&m, struct sys_sigreturn)->ctx = ctx;
    r = kernel_call(SYS_SIGRETURN, &m);
    if (r == OK)
        *mask = MSG_BODY(&m, struct sys_sigreturn)->mask;
    return r;
}

int sys_stop(endpoint_t ep, int stop)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct sys_stop)->ep = ep;
    MSG_BODY(&m, struct sys_stop)->stop = stop;
    return kernel_call(SYS_STOP, &m);
}

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

/*
 * system.c - dispatch kernel calls (messages to SYSTEM) through one table.
 * Unknown calls get EBADREQUEST; calls missing from the caller's
 * privilege get ECALLDENIED and a log line.
 * Calls that cannot unmap or replace the caller's own memory may work on
 * the caller's message where it lies (kernel_call_in_place): one
 * uniprocessor, and the caller is not running, so nobody else sees it
 * change; the others get a kernel copy.
 */
#include "kernel.h"
#include "proc.h"
#include "system/system.h"

typedef int (*call_handler)(struct proc *, message *);

static const call_handler call_table[NR_SYS_CALLS] = {
    [SYS_EXIT - SYS_BASE]         = do_exit,
    [SYS_KILL - SYS_BASE]         = do_kill,
    [SYS_SAFECOPYFROM - SYS_BASE] = do_safecopyfrom,
    [SYS_SAFECOPYTO - SYS_BASE]   = do_safecopyto,
    [SYS_IRQCTL - SYS_BASE]       = do_irqctl,
    [SYS_DEVIO - SYS_BASE]        = do_devio,
    [SYS_MAPDEV - SYS_BASE]       = do_mapdev,
    [SYS_GETINFO - SYS_BASE]      = do_getinfo,
    [SYS_DIAG - SYS_BASE]         = do_diag,
    [SYS_SHUTDOWN - SYS_BASE]     = do_shutdown,
    [SYS_GETKSIG - SYS_BASE]      = do_getksig,
    [SYS_SETALARM - SYS_BASE]     = do_setalarm,
    [SYS_SPAWN - SYS_BASE]        = do_spawn,
    [SYS_GETMODULE - SYS_BASE]    = do_getmodule,
    [SYS_CONSOLE - SYS_BASE]      = do_console,
    [SYS_FORK - SYS_BASE]         = do_fork,
    [SYS_VMCTL - SYS_BASE]        = do_vmctl,
    [SYS_EXEC - SYS_BASE]         = do_exec,
    [SYS_SIGFRAME - SYS_BASE]     = do_sigframe,
    [SYS_SIGRETURN - SYS_BASE]    = do_sigreturn,
    [SYS_STOP - SYS_BASE]         = do_stop,
};

#define BIT(call) (1u << ((call) - SYS_BASE))
const uint32_t kcall_in_place_mask =
    BIT(SYS_SAFECOPYFROM) | BIT(SYS_SAFECOPYTO) | BIT(SYS_IRQCTL) | BIT(SYS_DEVIO) |
    BIT(SYS_MAPDEV) | BIT(SYS_GETINFO) | BIT(SYS_DIAG) | BIT(SYS_GETKSIG) |
    BIT(SYS_SETALARM) | BIT(SYS_GETMODULE) | BIT(SYS_CONSOLE);

int kernel_call(struct proc *caller, message *m)
{
    uint32_t n = (uint32_t)m->m_type - SYS_BASE;
    if (n >= NR_SYS_CALLS || !call_table[n])
        return -EBADREQUEST;
    if (!((caller->priv->calls >> n) & 1))
        return priv_denied(caller, "kernel call", (uint32_t)m->m_type);
    return call_table[n](caller, m);
}

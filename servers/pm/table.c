/* table.c - PM's call vector: one handler per PM_* request (proto/pm.h). */
#include "pm.h"

const srv_handler pm_calls[PM_NR_CALLS] = {
    [PM_FORK - PM_BASE]       = do_fork,
    [PM_EXIT - PM_BASE]       = do_exit,
    [PM_WAITPID - PM_BASE]    = do_waitpid,
    [PM_GETPID - PM_BASE]     = do_getpid,
    [PM_BRK - PM_BASE]        = do_brk,
    [PM_KILL - PM_BASE]       = do_kill,
    [PM_EXEC - PM_BASE]       = do_exec,
    [PM_SETPGID - PM_BASE]    = do_setpgid,
    [PM_SETSID - PM_BASE]     = do_setsid,
    [PM_GETSID - PM_BASE]     = do_getsid,
    [PM_SIGACTION - PM_BASE]  = do_sigaction,
    [PM_SIGMASK - PM_BASE]    = do_sigmask,
    [PM_SIGSUSPEND - PM_BASE] = do_sigsuspend,
    [PM_SIGRETURN - PM_BASE]  = do_sigreturn,
    [PM_TIME - PM_BASE]       = do_time,
    [PM_SLEEP - PM_BASE]      = do_sleep,
    [PM_PROCINFO - PM_BASE]   = do_procinfo,
    [PM_SYSINFO - PM_BASE]    = do_sysinfo,
    [PM_SHUTDOWN - PM_BASE]   = do_shutdown,
    [PM_SERVICE - PM_BASE]    = do_service,
    [PM_ALARM - PM_BASE]      = do_alarm,
    [PM_GETUID - PM_BASE]     = do_getuid,
    [PM_SETUID - PM_BASE]     = do_setuid,
    [PM_SETGID - PM_BASE]     = do_setgid,
};

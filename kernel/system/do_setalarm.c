/* do_setalarm.c - SYS_SETALARM: SYSEV_ALARM after n ticks (0 cancels). */
#include "system.h"

int do_setalarm(struct proc *caller, message *m)
{
    uint32_t n = MSG_BODY(m, struct sys_setalarm)->ticks;
    if (n > 0x7fffffffu)
        return -EINVAL;
    caller->alarm_at = n ? ticks + n : 0;
    clock_alarm_set(caller->alarm_at);
    return OK;
}

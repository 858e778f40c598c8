/* do_shutdown.c - SYS_SHUTDOWN: power off (with a status) or reboot. */
#include "system.h"

int do_shutdown(struct proc *caller, message *m)
{
    struct sys_shutdown *rq = MSG_BODY(m, struct sys_shutdown);
    if (rq->how != SD_POWEROFF && rq->how != SD_REBOOT)
        return -EINVAL;
    kprintf("kernel: shutdown requested by %s\n", caller->name);
    if (rq->how == SD_REBOOT)
        power_reboot();
    power_off(rq->status);
}

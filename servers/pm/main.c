/*
 * main.c - the process manager: startup and the receive/dispatch loop.
 *
 * PM starts fresh (a restart loses the process table: processes are not
 * recovered), reads the clock, and starts init (/sbin/init, or the file
 * named by the kernel command-line key init=) when a VFS is there.
 * Requests are dispatched through table.c; notifications from the
 * kernel bring death reports of PM's processes and PM's alarm (sleepers,
 * signal retries).
 */
#include "pm.h"

extern const srv_handler pm_calls[PM_NR_CALLS];

static void notified(const message *m)
{
    if (m->m_source != SYSTEM)
        return;
    if (m->m.u32[0] & SYSEV_KSIG)
        death_reports();
    if (m->m.u32[0] & SYSEV_ALARM)
        timers_expired();
    sig_flush();
}

static int init_fresh(const struct sef_init *info)
{
    char file[40] = "/sbin/init";
    endpoint_t vfs;
    int r;
    time_init();
    sys_getarg("init", file, sizeof(file));
    if (sys_lookup("vfs", &vfs) != OK) {
        printf("pm: no vfs: no init\n");
        return OK;
    }
    if ((r = exec_init(file)) < 0)
        printf("pm: cannot start %s: %s\n", file, errname(r));
    return OK;
}

int main(void)
{
    static const struct srv_table table = { PM_BASE, PM_NR_CALLS, pm_calls, notified };
    sef_startup(init_fresh, init_fresh);
    server_loop(&table);
}

/*
 * main.c - the process manager: startup and the receive/dispatch loop.
 *
 * A fresh PM reads the clock and starts init (/bin/init, or the file
 * named by the kernel command-line key init=) when a VFS is there.  A
 * restarted PM serves on from the table it kept (restart.c); only if that
 * fails its checks does it start with an empty table, and it starts init
 * again only if no process of that name is alive.
 * Requests are dispatched through table.c; notifications from the
 * kernel bring death reports of PM's processes and PM's alarm (sleepers,
 * signal retries); one from the tty means terminal signals to pull.
 */
#include "pm.h"
#include "proto/tty.h"

extern const srv_handler pm_calls[PM_NR_CALLS];

/* The tty has terminal signals (Ctrl-C) for process groups: pull them. */
static void tty_signals(endpoint_t tty)
{
    message m;
    for (int i = 0; i < 16; i++) {
        memset(&m, 0, sizeof(m));
        m.m_type = TTY_SIGPULL;
        if (ipc_call(tty, &m) != OK || m.m_type != OK)
            return;
        if (MSG_BODY(&m, struct tty_sig)->pgrp > 1)      /* never init's group */
            sig_kill(0, -MSG_BODY(&m, struct tty_sig)->pgrp, MSG_BODY(&m, struct tty_sig)->signo);
    }
}

static void notified(const message *m)
{
    endpoint_t tty;
    if (m->m_source != SYSTEM) {
        if (sys_lookup("tty", &tty) == OK && tty == m->m_source)
            tty_signals(tty);
        sig_flush();
        return;
    }
    if (m->m.u32[0] & SYSEV_KSIG)
        death_reports();
    if (m->m.u32[0] & SYSEV_ALARM)
        timers_expired();
    sig_flush();
}

static void start_init(int pid)
{
    char file[40] = "/bin/init";
    endpoint_t vfs;
    int r;
    sys_getarg("init", file, sizeof(file));
    if (sys_lookup("vfs", &vfs) != OK) {
        printf("pm: no vfs: no init\n");
        return;
    }
    if ((r = exec_init(file, pid)) < 0)
        printf("pm: cannot start %s: %s\n", file, errname(r));
}

static int init_fresh(const struct sef_init *info)
{
    time_init();
    start_init(0);
    return OK;
}

/* pid 1 was killed (a signal, a CPU exception; an exit is deliberate):
 * start init again as pid 1, the old one's children its own; it finds
 * its shells again (user/bin/init.c).  Deaths within a second of the
 * last start count in a row; after 5 init is left dead. */
void init_died(int status)
{
    static uint32_t last;
    static int quick;
    uint32_t now = sys_uptime();
    if (!(status & 0x7f))
        return;
    quick = last && now - last < 100 ? quick + 1 : 0;
    last = now;
    if (quick >= 5) {
        printf("pm: init keeps dying (signal %d); not started again\n", status & 0x7f);
        return;
    }
    printf("pm: init died (signal %d); starting it again as pid 1\n", status & 0x7f);
    start_init(1);
}

/* Is a process named 'init' alive (the table was lost, init was not)? */
static int init_alive(void)
{
    struct sys_procinfo pi;
    for (int slot = 0; slot < NR_PROCS; slot++)
        if (sys_procinfo(slot, &pi) == OK && !(pi.flags & PI_FREE) &&
            strncmp(pi.name, "init", sizeof(pi.name)) == 0)
            return 1;
    return 0;
}

static int init_restart(const struct sef_init *info)
{
    if (pm_inherit(info) || init_alive())
        return OK;
    return init_fresh(info);
}

int main(void)
{
    static const struct srv_table table = {
        .base = PM_BASE, .count = PM_NR_CALLS, .handlers = pm_calls, .notify = notified,
        .check = pm_selfcheck, .corrupt = pm_corrupt,
    };
    sef_startup(init_fresh, init_restart);
    server_loop(&table);
}

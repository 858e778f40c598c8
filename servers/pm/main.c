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

static int init_fresh(const struct sef_init *info)
{
    time_init();
    start_init(0);
    return OK;
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
        .check = pm_selfcheck, .corrupt = pm_corrupt, .settle = pm_settle,
    };
    sef_startup(init_fresh, init_restart);
    server_loop(&table);
}

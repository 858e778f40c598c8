/* table.c - RS's request handlers, indexed by m_type - RS_BASE. */
#include "rs.h"

static const srv_handler handlers[RS_NR_CALLS] = {
    [RS_UP - RS_BASE]      = do_up,
    [RS_DOWN - RS_BASE]    = do_down,
    [RS_RESTART - RS_BASE] = do_restart,
    [RS_LIST - RS_BASE]    = do_list,
    [RS_FI - RS_BASE]      = do_fi,
    [RS_INIT - RS_BASE]    = do_init,
};

static void notified(const message *m)
{
    struct sys_getksig ks;
    if (m->m_source == SYSTEM) {
        if (m->m.u32[0] & SYSEV_KSIG)
            while (sys_getksig(&ks) == OK)
                service_died(&ks);
        if (m->m.u32[0] & SYSEV_ALARM)
            rs_tick();
        return;
    }
    rs_pong(m->m_source);
}

const struct srv_table rs_table = {
    .base = RS_BASE, .count = RS_NR_CALLS, .handlers = handlers, .notify = notified,
    .corrupt = rs_corrupt,
};

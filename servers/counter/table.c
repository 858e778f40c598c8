/* table.c - the counter's handlers, indexed by m_type - COUNTER_BASE. */
#include "counter.h"

int do_inc(message *m)
{
    int r = ds_publish_u32(COUNTER_KEY, count + 1);
    if (r != OK)
        return r;                   /* not stored: not counted */
    m->m.u32[0] = ++count;
    return OK;
}

int do_get(message *m)
{
    m->m.u32[0] = count;
    return OK;
}

static const srv_handler handlers[COUNTER_NR_CALLS] = {
    [COUNTER_INC - COUNTER_BASE] = do_inc,
    [COUNTER_GET - COUNTER_BASE] = do_get,
};

const struct srv_table counter_table = { .base = COUNTER_BASE, .count = COUNTER_NR_CALLS, .handlers = handlers };

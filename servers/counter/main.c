/*
 * counter - a tiny service for tests and course labs: it counts, and it
 * keeps the count in DS so that after "service fi counter crash" (or any
 * other failure) the restarted instance continues where the old one
 * stopped.  Invariant: after a COUNTER_INC reply, DS holds the count.
 */
#include "counter.h"

extern const struct srv_table counter_table;
uint32_t count;

static int init_fresh(const struct sef_init *info)
{
    count = 0;
    return OK;
}

static int init_restart(const struct sef_init *info)
{
    if (ds_retrieve_u32(COUNTER_KEY, &count) != OK)
        count = 0;
    printf("counter: restarted (restart %d), count is %u\n", info->restarts, count);
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, init_restart);
    server_loop(&counter_table);
}

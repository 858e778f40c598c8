/*
 * ds - the data store (proto/ds.h, docs/ds.md): typed values under keys
 * owned by service labels, and subscriptions delivered as notify + pull.
 *
 * Startup: sef_startup picks init_fresh or init_restart (RS says which),
 * then server_loop serves requests through ds_table (table.c) forever.
 * The store lives only in DS's memory: after a restart it starts empty
 * (RS publishes the labels again; services republish their own keys).
 */
#include "ds.h"

static void reset(void)
{
    store_init();
    sub_init();
}

static int init_fresh(const struct sef_init *info)
{
    reset();
    printf("ds: ready (%d keys, %d bytes of values, %d subscribers)\n",
           DS_NR_ENTRIES, DS_POOL_SIZE, DS_NR_SUBSCRIBERS);
    return OK;
}

static int init_restart(const struct sef_init *info)
{
    reset();
    printf("ds: restarted (%d restarts): the store starts empty\n", info->restarts);
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, init_restart);
    server_loop(&ds_table);
}

/*
 * ds - the data store (proto/ds.h, docs/ds.md): typed values under keys
 * owned by service labels, and subscriptions delivered as notify + pull.
 *
 * Startup: sef_startup picks init_fresh or init_restart (RS says which),
 * then server_loop serves requests through ds_table (table.c) forever.
 * The store and the subscriptions live in DS's state region (ds.h): a
 * restarted DS inherits them, checks them (store_check, sub_check) and
 * serves on from them (a damaged key entry put back from its second copy
 * first, store.c); if they still fail a check, or a third failure in a row
 * made RS start DS fresh, it starts empty and says why (RS then publishes
 * every label again; services republish their own keys).
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

static int count_keys(void)
{
    int n = 0;
    for (int i = 0; i < DS_NR_ENTRIES; i++)
        n += store_at(i)->state == E_LIVE;
    return n;
}

static int init_restart(const struct sef_init *info)
{
    const char *why = !info->state_pages ? "nothing was kept" : store_check();
    if (why && info->state_pages) {     /* the copies only when needed: a restart is timed */
        store_twin_check();
        why = store_check();
    }
    if (!why)
        why = sub_check();
    if (why) {
        reset();
        printf("ds: restarted (%d restarts): the store starts empty (%s)\n",
               info->restarts, why);
        return OK;
    }
    printf("ds: restarted (%d restarts): %d keys kept\n", info->restarts, count_keys());
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, init_restart);
    server_loop(&ds_table);
}

/*
 * check.c - DS checks its own tables on every RS heartbeat, between
 * requests (sef.h, srv_table.check), with the predicates a restarted DS
 * applies to what it inherits.  The subscriptions' derived parts (which
 * pattern belongs to whom, which subscriber has a change to learn) are
 * put right by sub_repair; a damaged entry of the store is put back from
 * its second copy (store_twin_check); a store that still fails
 * store_check is said once (services publish their keys again when they
 * restart).
 */
#include "ds.h"

void ds_selfcheck(void)
{
    static const char *said;
    const char *why;
    int fixed;
    store_twin_check();
    why = store_check();
    if (why != said && why)
        printf("ds: self-check: %s\n", why);
    said = why;
    if (sub_check() && (fixed = sub_repair()))
        printf("ds: self-check: subscriptions repaired (%d entries)\n", fixed);
}

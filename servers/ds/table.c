/*
 * table.c - the data store's request table for the server skeleton
 * (sef.h): one handler per DS_* request, indexed by m_type - DS_BASE.
 * Anything else is answered EBADREQUEST by the skeleton.  DS expects no
 * notifications (RS heartbeats are handled by the skeleton).
 */
#include "ds.h"

static const srv_handler handlers[DS_NR_CALLS] = {
    [DS_PUBLISH - DS_BASE]   = do_publish,
    [DS_RETRIEVE - DS_BASE]  = do_retrieve,
    [DS_DELETE - DS_BASE]    = do_delete,
    [DS_SUBSCRIBE - DS_BASE] = do_subscribe,
    [DS_CHECK - DS_BASE]     = do_check,
};

const struct srv_table ds_table = {
    .base = DS_BASE, .count = DS_NR_CALLS, .handlers = handlers,
    .check = ds_selfcheck, .corrupt = sub_corrupt, .settle = store_keep,
};

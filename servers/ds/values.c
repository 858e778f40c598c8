/*
 * values.c - the value requests: DS_PUBLISH, DS_RETRIEVE, DS_DELETE.
 *
 * Interface: do_publish, do_retrieve, do_delete (handlers for table.c);
 * each takes the request message and returns the reply status, with its
 * results in the same ds_req.
 *   publish   key, type, value | grant+len; reply len = bytes stored
 *   retrieve  key, type, grant+len (the buffer's size); reply value, or
 *             len = the value's size and the bytes copied to the grant;
 *             -E2BIG (nothing copied, len = the size needed) when the
 *             buffer is smaller than the value
 *   delete    key
 * Invariants:
 *   - every field is checked, and a string or blob is copied into a
 *     private buffer and checked, before the table is touched: a request
 *     that fails changes nothing;
 *   - a live key is changed or deleted only by its owner's label; only
 *     the label "rs" publishes DST_LABEL values;
 *   - every change is passed to subscribe.c (sub_changed).
 */
#include "ds.h"

static uint8_t scratch[DS_BLOB_MAX];

/* Copy a string or blob out of the caller's grant into scratch. */
static int fetch(endpoint_t src, const struct ds_req *rq, struct value *v)
{
    uint32_t max = rq->type == DST_STR ? DS_STR_MAX : DS_BLOB_MAX;
    uint32_t n;
    int r;
    if (rq->len > max)
        return -E2BIG;
    if (rq->len > 0 &&
        (r = sys_safecopyfrom(src, rq->grant, 0, scratch, rq->len)) != OK)
        return r;
    v->data = scratch;
    v->len = rq->len;
    if (rq->type != DST_STR)
        return OK;
    for (n = 0; n < rq->len && scratch[n] != '\0'; n++)
        ;
    if (n == rq->len)
        return -EINVAL;                 /* empty, or no NUL within len */
    v->len = n + 1;                     /* up to and including the NUL */
    return OK;
}

static int check_value(endpoint_t src, const struct ds_req *rq,
                       const char *label, struct value *v)
{
    v->type = rq->type;
    v->value = rq->value;
    v->data = NULL;
    v->len = 0;
    switch (rq->type) {
    case DST_U32:
        return OK;
    case DST_LABEL:
        if (strcmp(label, "rs") != 0)
            return -EPERM;
        return (endpoint_t)rq->value > 0 && EP_SLOT(rq->value) < NR_PROCS
               ? OK : -EINVAL;
    default:
        return fetch(src, rq, v);
    }
}

/* The checks every value request shares. */
static int check_request(const struct ds_req *rq, int typed)
{
    int r;
    if ((r = req_key(rq->key)) != OK)
        return r;
    if (typed && (r = req_type(rq->type)) != OK)
        return r;
    return rq->flags == 0 ? OK : -EINVAL;
}

int do_publish(message *m)
{
    struct ds_req *rq = MSG_BODY(m, struct ds_req);
    char label[DS_LABEL_MAX];
    struct entry *e;
    struct value v;
    int r;
    if ((r = check_request(rq, 1)) != OK || (r = req_caller(m->m_source, label)) != OK)
        return r;
    if ((e = store_live(rq->key)) && strcmp(e->owner, label) != 0)
        return -EPERM;
    if ((r = check_value(m->m_source, rq, label, &v)) != OK)
        return r;
    if ((r = store_put(rq->key, label, &v, &e)) != OK)
        return r;
    rq->len = v.len;
    sub_changed(e);
    return OK;
}

/* A string or blob to the caller's grant, if its buffer is big enough. */
static int copy_out(endpoint_t src, struct ds_req *rq, const struct entry *e)
{
    uint32_t room = rq->len;
    rq->value = 0;
    rq->len = e->len;
    if (e->len > room)
        return -E2BIG;
    if (e->len == 0)
        return OK;
    return sys_safecopyto(src, rq->grant, 0, pool_at(e->off), e->len);
}

int do_retrieve(message *m)
{
    struct ds_req *rq = MSG_BODY(m, struct ds_req);
    struct entry *e;
    int r;
    if ((r = check_request(rq, 1)) != OK)
        return r;
    if (!(e = store_live(rq->key)))
        return -ESRCH;
    if (e->type != rq->type)
        return -EINVAL;
    if (store_is_mem(e->type))
        return copy_out(m->m_source, rq, e);
    rq->value = e->value;
    rq->len = 0;
    return OK;
}

int do_delete(message *m)
{
    struct ds_req *rq = MSG_BODY(m, struct ds_req);
    char label[DS_LABEL_MAX];
    struct entry *e;
    int r;
    if ((r = check_request(rq, 0)) != OK || (r = req_caller(m->m_source, label)) != OK)
        return r;
    if (!(e = store_live(rq->key)))
        return -ESRCH;
    if (strcmp(e->owner, label) != 0)
        return -EPERM;
    store_remove(e);
    sub_changed(e);
    store_settle(e);
    return OK;
}

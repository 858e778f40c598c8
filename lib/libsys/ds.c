/*
 * ds.c - client calls to the data store (proto/ds.h).  DS is found by
 * label and looked up again whenever a call finds it dead (it may have
 * been restarted).  Strings and blobs travel through a one-shot grant.
 */
#include "libsys.h"
#include "proto/ds.h"

static endpoint_t ds_ep = NONE;

static int ds_call(message *m)
{
    for (int tries = 0; tries < 2; tries++) {
        int r;
        if (ds_ep == NONE && sys_lookup("ds", &ds_ep) != OK) {
            ds_ep = NONE;
            return -ESRCH;
        }
        r = ipc_call(ds_ep, m);
        if (r == OK)
            return m->m_type;
        if (!ipc_dead(r))
            return r;
        ds_ep = NONE;                       /* DS restarted: find it again */
    }
    return -EDEADSRCDST;
}

static struct ds_req *req(message *m, int type, const char *key, int vtype)
{
    struct ds_req *d = MSG_BODY(m, struct ds_req);
    memset(m, 0, sizeof(*m));
    m->m_type = type;
    strlcpy(d->key, key, sizeof(d->key));
    d->type = vtype;
    return d;
}

static int publish_mem(const char *key, int vtype, const void *buf, uint32_t len)
{
    message m;
    struct ds_req *d = req(&m, DS_PUBLISH, key, vtype);
    int r;
    if (len == 0)                           /* an empty blob needs no grant */
        return ds_call(&m);
    if (sys_lookup("ds", &ds_ep) != OK)
        return -ESRCH;
    d->grant = grant_create(ds_ep, buf, len, GRANT_READ);
    if (d->grant < 0)
        return d->grant;
    d->len = len;
    r = ds_call(&m);
    grant_revoke(d->grant);
    return r;
}

static int retrieve_mem(const char *key, int vtype, void *buf, uint32_t *len)
{
    message m;
    struct ds_req *d = req(&m, DS_RETRIEVE, key, vtype);
    int r;
    if (sys_lookup("ds", &ds_ep) != OK)
        return -ESRCH;
    d->grant = grant_create(ds_ep, buf, *len, GRANT_WRITE);
    if (d->grant < 0)
        return d->grant;
    d->len = *len;
    r = ds_call(&m);
    grant_revoke(d->grant);
    if (r == OK || r == -E2BIG)             /* E2BIG: the size it needs */
        *len = MSG_BODY(&m, struct ds_req)->len;
    return r;
}

int ds_publish_u32(const char *key, uint32_t value)
{
    message m;
    req(&m, DS_PUBLISH, key, DST_U32)->value = value;
    return ds_call(&m);
}

int ds_retrieve_u32(const char *key, uint32_t *value)
{
    message m;
    int r;
    req(&m, DS_RETRIEVE, key, DST_U32);
    r = ds_call(&m);
    if (r == OK)
        *value = MSG_BODY(&m, struct ds_req)->value;
    return r;
}

int ds_publish_label(const char *label, endpoint_t ep)
{
    message m;
    req(&m, DS_PUBLISH, label, DST_LABEL)->value = (uint32_t)ep;
    return ds_call(&m);
}

int ds_retrieve_label(const char *label, endpoint_t *ep)
{
    message m;
    int r;
    req(&m, DS_RETRIEVE, label, DST_LABEL);
    r = ds_call(&m);
    if (r == OK)
        *ep = (endpoint_t)MSG_BODY(&m, struct ds_req)->value;
    return r;
}

int ds_publish_str(const char *key, const char *value)
{
    return publish_mem(key, DST_STR, value, (uint32_t)strlen(value) + 1);
}

int ds_retrieve_str(const char *key, char *value, uint32_t size)
{
    uint32_t len = size;
    int r = retrieve_mem(key, DST_STR, value, &len);
    if (r == OK && size)
        value[len < size ? len : size - 1] = '\0';
    return r;
}

int ds_publish_blob(const char *key, const void *buf, uint32_t len)
{
    return publish_mem(key, DST_BLOB, buf, len);
}

int ds_retrieve_blob(const char *key, void *buf, uint32_t *len)
{
    return retrieve_mem(key, DST_BLOB, buf, len);
}

int ds_delete(const char *key)
{
    message m;
    req(&m, DS_DELETE, key, 0);
    return ds_call(&m);
}

int ds_subscribe(const char *pattern)
{
    message m;
    req(&m, DS_SUBSCRIBE, pattern, 0);
    return ds_call(&m);
}

int ds_check(char *key, int *type, int *deleted)
{
    message m;
    int r;
    req(&m, DS_CHECK, "", 0);
    r = ds_call(&m);
    if (r == OK) {
        strlcpy(key, MSG_BODY(&m, struct ds_req)->key, DS_KEY_MAX);
        *type = MSG_BODY(&m, struct ds_req)->type;
        *deleted = (MSG_BODY(&m, struct ds_req)->flags & DSF_DELETED) != 0;
    }
    return r;
}

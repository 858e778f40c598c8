/*
 * agent.c - a dstest agent: perform the controller's DS commands one at
 * a time and report each result (see agent.h).  Every DS call goes
 * through the client library, so the agents also test lib/libsys/ds.c.
 */
#include "agent.h"

static int publish(const struct ag_cmd *c)
{
    switch (c->type) {
    case DST_U32:   return ds_publish_u32(c->key, c->value);
    case DST_LABEL: return ds_publish_label(c->key, (endpoint_t)c->value);
    case DST_STR:   return ds_publish_str(c->key, c->str);
    default:        return ds_publish_blob(c->key, c->str, strlen(c->str));
    }
}

static int retrieve(const struct ag_cmd *c, struct ag_result *res)
{
    endpoint_t ep;
    int r;
    switch (c->type) {
    case DST_U32:
        return ds_retrieve_u32(c->key, &res->value);
    case DST_LABEL:
        r = ds_retrieve_label(c->key, &ep);
        res->value = (uint32_t)ep;
        return r;
    default:
        return ds_retrieve_str(c->key, res->key, sizeof(res->key));
    }
}

/* Wait for a notification from DS, at most 'ticks' clock ticks. */
static int wait_ds(uint32_t ticks)
{
    uint32_t end = sys_uptime() + ticks;
    endpoint_t ds;
    message m;
    if (sys_lookup("ds", &ds) != OK)
        return -ESRCH;
    while ((int32_t)(end - sys_uptime()) > 0) {
        uint32_t left = end - sys_uptime();
        sys_setalarm(left ? left : 1);
        if (ipc_receive(ANY, &m) == OK && IS_NOTIFY(&m) && m.m_source == ds) {
            sys_setalarm(0);
            return OK;
        }
    }
    return -EAGAIN;
}

static void run(int op, const struct ag_cmd *c, struct ag_result *res)
{
    switch (op) {
    case AG_PUBLISH:   res->status = publish(c); break;
    case AG_RETRIEVE:  res->status = retrieve(c, res); break;
    case AG_DELETE:    res->status = ds_delete(c->key); break;
    case AG_SUBSCRIBE: res->status = ds_subscribe(c->key); break;
    case AG_CHECK:
        res->status = ds_check(res->key, &res->type, &res->deleted);
        break;
    case AG_WAIT:      res->status = wait_ds(c->value); break;
    default:           res->status = -EBADREQUEST; break;
    }
}

void agent_main(endpoint_t ctl)
{
    message m;
    for (;;) {
        struct ag_cmd c;
        struct ag_result res;
        if (ipc_receive(ctl, &m) != OK)
            continue;
        c = *MSG_BODY(&m, struct ag_cmd);
        c.key[sizeof(c.key) - 1] = '\0';
        c.str[sizeof(c.str) - 1] = '\0';
        memset(&res, 0, sizeof(res));
        run(m.m_type, &c, &res);
        memset(&m, 0, sizeof(m));
        m.m_type = AG_RESULT;
        *MSG_BODY(&m, struct ag_result) = res;
        ipc_send(ctl, &m);
    }
}

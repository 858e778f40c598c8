/*
 * agent.c - an ipctest agent: perform the controller's commands one at a
 * time and report each result (see agent.h).
 */
#include "agent.h"

static uint8_t buf[8192];

static void data(message *m, int32_t value)
{
    memset(m, 0, sizeof(*m));
    m->m_type = AG_DATA;
    m->m.u32[0] = (uint32_t)value;
}

static void took(struct ag_result *res, int r, const message *m)
{
    res->status = r;
    res->source = m->m_source;
    res->type = m->m_type;
    res->value = (int32_t)m->m.u32[0];
}

static void serve(const struct ag_cmd *c, struct ag_result *res)
{
    message m;
    for (res->count = 0; res->count < c->count; res->count++) {
        int r = ipc_receive(ANY, &m);
        if (r != OK) {
            res->status = r;
            return;
        }
        took(res, r, &m);
        data(&m, res->value + 1);
        if ((r = ipc_sendnb(res->source, &m)) != OK) {
            res->status = r;
            return;
        }
    }
}

static void copy(int op, const struct ag_cmd *c, struct ag_result *res)
{
    uint32_t len = c->len > sizeof(buf) ? sizeof(buf) : c->len;
    if (op == AG_COPYFROM) {
        res->status = sys_safecopyfrom(c->target, c->grant, c->offset, buf, len);
        res->sum = checksum(buf, len);
        return;
    }
    for (uint32_t i = 0; i < len; i++)
        buf[i] = (uint8_t)(c->value + (int32_t)i);
    res->status = sys_safecopyto(c->target, c->grant, c->offset, buf, len);
}

static void device(int op, const struct ag_cmd *c, struct ag_result *res)
{
    uint32_t v = 0;
    void *va;
    uint8_t b;
    switch (op) {
    case AG_DEVIN:
        res->status = sys_inb((uint32_t)c->value, &v);
        res->value = (int32_t)v;
        break;
    case AG_IRQ:
        res->status = sys_irqctl(IRQ_SUBSCRIBE, c->value);
        break;
    case AG_MAPREAD:
        res->status = sys_mapdev((uint32_t)c->value, 4096, &va);
        if (res->status == OK)
            res->value = *(volatile int32_t *)va;
        break;
    case AG_DEVBUF:
        res->status = sys_mapdev((uint32_t)c->value, 4096, &va);
        if (res->status != OK)
            break;
        res->status = grant_create(c->target, va, 64, GRANT_READ);
        res->value = kernel_call(SYS_GETINFO, (message *)va);
        break;
    case AG_INB:
        __asm__ volatile("inb %w1, %0" : "=a"(b) : "d"(c->value));
        res->value = b;
        break;
    }
}

static void run(int op, const struct ag_cmd *c, struct ag_result *res)
{
    message m;
    int i;
    data(&m, c->value);
    switch (op) {
    case AG_SEND:     res->status = ipc_send(c->target, &m); break;
    case AG_SENDNB:   res->status = ipc_sendnb(c->target, &m); break;
    case AG_RECEIVE:  took(res, ipc_receive(c->target, &m), &m); break;
    case AG_CALL:     took(res, ipc_call(c->target, &m), &m); break;
    case AG_SERVE:    serve(c, res); break;
    case AG_NOTIFY:
        for (i = 0; i < c->count && res->status == OK; i++)
            res->status = ipc_notify(c->target);
        res->count = i;
        break;
    case AG_COPYFROM:
    case AG_COPYTO:   copy(op, c, res); break;
    case AG_KCALL:
        memset(&m, 0, sizeof(m));
        res->status = kernel_call(c->value, &m);
        break;
    default:          device(op, c, res); break;
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
        memset(&res, 0, sizeof(res));
        run(m.m_type, &c, &res);
        memset(&m, 0, sizeof(m));
        m.m_type = AG_RESULT;
        *MSG_BODY(&m, struct ag_result) = res;
        ipc_send(ctl, &m);
    }
}

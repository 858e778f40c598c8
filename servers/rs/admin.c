/*
 * admin.c - RS's request handlers.  RS_INIT comes from the services
 * themselves; every other request needs an administrator (a caller whose
 * description says "admin yes": the kernel names the caller, so a label
 * cannot be forged).  Requests are validated completely before anything
 * changes.
 */
#include "rs.h"

static int is_admin(endpoint_t who)
{
    struct sys_procinfo pi;
    if (who < 0 || sys_procinfo(EP_SLOT(who), &pi) != OK || pi.ep != who)
        return 0;
    for (int i = 0; i < conf.nsvc; i++)
        if (strcmp(conf.svc[i].label, pi.name) == 0)
            return conf.svc[i].admin;
    return 0;
}

/* The service a request names, after the admin check; NULL + *err if none. */
static struct service *target(message *m, int *err)
{
    struct rs_req *rq = MSG_BODY(m, struct rs_req);
    struct service *s;
    *err = -EPERM;
    if (!is_admin(m->m_source))
        return 0;
    *err = -EINVAL;
    if (memchr_nul(rq->label, sizeof(rq->label)) < 0)
        return 0;
    *err = -ESRCH;
    s = service_by_label(rq->label);
    if (s)
        *err = OK;
    return s;
}

int do_up(message *m)
{
    int err;
    struct service *s = target(m, &err);
    if (!s)
        return err;
    if (s->ep != NONE)
        return -EBUSY;
    s->failures = 0;
    s->want_down = 0;
    s->state = RS_STATE_UP;             /* not down any more, even if the start fails */
    keep_row(s);
    return service_start(s);
}

int do_down(message *m)
{
    int err;
    struct service *s = target(m, &err);
    if (!s)
        return err;
    if (s->ep == NONE) {
        s->state = RS_STATE_DOWN;
        keep_row(s);
        return OK;
    }
    s->want_down = 1;
    return sys_kill(s->ep);
}

int do_restart(message *m)
{
    int err;
    struct service *s = target(m, &err);
    if (!s)
        return err;
    if (s->ep == NONE)
        return -ESRCH;
    s->want_restart = 1;
    return sys_kill(s->ep);
}

/* A fault for RS itself, made on the next tick (after this reply): the
 * kernel supervises RS and starts it again (docs/services.md). */
int rs_self_fault;

int do_fi(message *m)
{
    int err, kind = MSG_BODY(m, struct rs_req)->kind;
    struct service *s = target(m, &err);
    message fi;
    if (kind < RS_FI_CRASH || kind > RS_FI_MIDWAY)
        return -EINVAL;
    if (!s && err == -ESRCH && is_admin(m->m_source) &&
        strncmp(MSG_BODY(m, struct rs_req)->label, "rs", sizeof(((struct rs_req *)0)->label)) == 0) {
        rs_self_fault = kind;
        return OK;
    }
    if (!s)
        return err;
    if (s->ep == NONE)
        return -ESRCH;
    if (m->m_source == s->ep) {
        /* The target itself asks (PM, for the shell's `service`): it waits
         * for this reply, so a message sent now would be taken for it. */
        s->fi_pending = kind;
        keep_row(s);                    /* kept in DS: RS may fail before its tick */
        return OK;
    }
    memset(&fi, 0, sizeof(fi));
    fi.m_type = RS_FI_REQ;
    MSG_BODY(&fi, struct rs_req)->kind = kind;
    if (ipc_sendnb(s->ep, &fi) == -ENOTREADY) {
        s->fi_pending = kind;           /* busy: rs_tick delivers it */
        keep_row(s);
    }
    return OK;
}

/* rs_tick: deliver a fault whose target was busy when it was asked for. */
void fi_retry(struct service *s)
{
    message fi;
    memset(&fi, 0, sizeof(fi));
    fi.m_type = RS_FI_REQ;
    MSG_BODY(&fi, struct rs_req)->kind = s->fi_pending;
    if (ipc_sendnb(s->ep, &fi) != -ENOTREADY) {
        s->fi_pending = 0;
        keep_row(s);
    }
}

int do_list(message *m)
{
    struct rs_entry *e = MSG_BODY(m, struct rs_entry);
    const struct service *s;
    if (!is_admin(m->m_source))
        return -EPERM;
    if (e->index < 0 || e->index > nservices)
        return -ESRCH;
    memset(e->label, 0, sizeof(*e) - sizeof(e->index));
    if (e->index == 0) {                    /* RS itself */
        strlcpy(e->label, "rs", sizeof(e->label));
        e->ep = self_ep;
        e->state = RS_STATE_UP;
        return OK;
    }
    s = &services[e->index - 1];
    strlcpy(e->label, s->desc->label, sizeof(e->label));
    e->ep = s->ep;
    e->state = s->state;
    e->restarts = s->restarts;
    strlcpy(e->reason, s->reason, sizeof(e->reason));
    return OK;
}

/* A starting service asks how to initialise; answered before RS talks to
 * DS about it (DS itself asks too, and must not be called while it waits). */
int do_init(message *m)
{
    struct service *s = service_by_ep(m->m_source);
    endpoint_t who = m->m_source;
    if (!s)
        return -ESRCH;
    memset(&m->m, 0, sizeof(m->m));
    MSG_BODY(m, struct rs_init)->type = s->restarts ? SEF_INIT_RESTART : SEF_INIT_FRESH;
    MSG_BODY(m, struct rs_init)->restarts = s->restarts;
    m->m_type = OK;
    ipc_sendnb(who, m);
    service_initialized(s);
    if (s->restarts) {                  /* how long until it serves again */
        s->probing = 1;
        ipc_notify(who);
    }
    return EDONTREPLY;
}

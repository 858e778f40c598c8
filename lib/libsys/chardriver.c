/*
 * chardriver.c - the character-driver library (see chardriver.h): one
 * handler per CDEV_* request, run by server_loop.  Each handler checks
 * the request's fields, then calls the driver's callback with plain
 * arguments; the callback's result is the reply status.
 *
 * Invariant: a callback is called only with a minor in range, and a
 * read/write callback only with 0 < size <= CHARDRIVER_MAX_IO and
 * pos + size <= 2^32; a read/write reply is never more than size
 * (EDONTREPLY, which is positive, passes through to server_loop).
 * The last answer to a numbered CDEV_* request is kept in the state
 * region, for a repeat after a restart (record.c, proto/chardrv.h).
 */
#include "chardriver.h"

static const struct chardriver *drv;    /* set once by chardriver_task */
static struct srv_record last STATE;
static const struct cdev_req *serving;  /* the open, read, write or ioctl in hand */

static int again(message *m)
{
    if (m->m_type < CDEV_BASE || m->m_type >= CDEV_BASE + CDEV_NR_CALLS) {
        last.cur = 0;
        return SRV_GO_ON;
    }
    return record_again(&last, MSG_BODY(m, struct cdev_req)->seq, m);
}

static void answered(endpoint_t to, const message *m)
{
    record_answer(&last, m);
}

static const struct cdev_req *req(const message *m)
{
    return MSG_BODY(m, const struct cdev_req);
}

static int bad_minor(const struct cdev_req *rq)
{
    return rq->minor < 0 || rq->minor >= drv->nr_minors;
}

static int do_open(message *m)
{
    const struct cdev_req *rq = req(m);
    if (bad_minor(rq))
        return -ENXIO;
    serving = rq;
    return drv->open ? drv->open(rq->minor, rq->flags, m->m_source) : OK;
}

static int do_close(message *m)
{
    const struct cdev_req *rq = req(m);
    if (bad_minor(rq))
        return -ENXIO;
    return drv->close ? drv->close(rq->minor, m->m_source) : OK;
}

/* Read or write: validate, call, and never report more than size. */
static int do_io(message *m, int write)
{
    const struct cdev_req *rq = req(m);
    int (*io)(int, uint32_t, endpoint_t, grant_id_t, uint32_t, int) =
        write ? drv->write : drv->read;
    int r;
    if (bad_minor(rq))
        return -ENXIO;
    if (rq->size > CHARDRIVER_MAX_IO || rq->position > UINT32_MAX - rq->size)
        return -EINVAL;
    if (!io)
        return -ENOSYS;
    if (rq->size == 0)
        return 0;
    serving = rq;
    r = io(rq->minor, rq->position, m->m_source, rq->grant, rq->size, rq->flags);
    if (r != EDONTREPLY && r > (int)rq->size)
        return -EIO;
    return r;
}

static int do_read(message *m)
{
    return do_io(m, 0);
}

static int do_write(message *m)
{
    return do_io(m, 1);
}

static int do_ioctl(message *m)
{
    const struct cdev_req *rq = req(m);
    if (bad_minor(rq))
        return -ENXIO;
    if (!drv->ioctl)
        return -ENOSYS;
    serving = rq;
    return drv->ioctl(rq->minor, rq->request, m->m_source, rq->grant, rq->size);
}

static int do_poll(message *m)
{
    const struct cdev_req *rq = req(m);
    int r;
    if (bad_minor(rq))
        return -ENXIO;
    if (rq->flags & ~CDEV_POLL_NOTIFY)
        return -EINVAL;
    if (!drv->poll)
        return CDEV_POLLIN | CDEV_POLLOUT;
    r = drv->poll(rq->minor, m->m_source, rq->flags & CDEV_POLL_NOTIFY);
    return r < 0 ? r : r & (CDEV_POLLIN | CDEV_POLLOUT);
}

static const srv_handler handlers[CDEV_NR_CALLS] = {
    [CDEV_OPEN - CDEV_BASE] = do_open,
    [CDEV_CLOSE - CDEV_BASE] = do_close,
    [CDEV_READ - CDEV_BASE] = do_read,
    [CDEV_WRITE - CDEV_BASE] = do_write,
    [CDEV_IOCTL - CDEV_BASE] = do_ioctl,
    [CDEV_POLL - CDEV_BASE] = do_poll,
};

const struct cdev_req *chardriver_request(void)
{
    return serving;
}

/* A driver-specific request (type past the CDEV_* calls). */
static int do_other(message *m)
{
    return drv->other(m);
}

#define NR_TYPES (CHARDRIVER_LAST_TYPE - CDEV_BASE + 1)

void chardriver_task(const struct chardriver *d)
{
    static struct srv_table table = {
        .base = CDEV_BASE, .count = CDEV_NR_CALLS, .handlers = handlers,
        .again = again, .answered = answered,
    };
    static srv_handler wide[NR_TYPES];
    if (!d || d->nr_minors <= 0) {
        printf("chardriver: no minors to serve\n");
        sys_exit(1);
    }
    drv = d;
    table.notify = d->notify;
    table.check = d->check;
    table.settle = d->settle;
    table.corrupt = d->corrupt;
    if (d->other) {                     /* the CDEV_* calls, then 'other' */
        for (int i = 0; i < NR_TYPES; i++)
            wide[i] = i < CDEV_NR_CALLS ? handlers[i] : do_other;
        table.count = NR_TYPES;
        table.handlers = wide;
    }
    server_loop(&table);
}

int chardriver_reply(endpoint_t who, int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = status;
    return ipc_sendnb(who, &m);
}

/*
 * blockdriver.c - the block-driver library (see blockdriver.h): one
 * handler per BDEV_* request, run by server_loop.  Each handler checks
 * the request's fields, clips a transfer at the device's end, then calls
 * the driver's callback; the callback's result is the reply status.
 *
 * Invariant: a read/write callback is called only with a minor in range,
 * a sector-aligned pos, a size that is a positive multiple of BDEV_SECTOR
 * of at most BLOCKDRIVER_MAX_IO, and pos + size <= the device's size; a
 * read/write reply is never more than the size asked for.
 */
#include "blockdriver.h"

#define SECTOR_MASK ((uint32_t)BDEV_SECTOR - 1)

static const struct blockdriver *drv;   /* set once by blockdriver_task */

static const struct bdev_req *req(const message *m)
{
    return MSG_BODY(m, const struct bdev_req);
}

static int bad_minor(const struct bdev_req *rq)
{
    return rq->minor < 0 || rq->minor >= drv->nr_minors;
}

static int do_open(message *m)
{
    const struct bdev_req *rq = req(m);
    if (bad_minor(rq))
        return -ENXIO;
    return drv->open ? drv->open(rq->minor, rq->flags, m->m_source) : OK;
}

static int do_close(message *m)
{
    const struct bdev_req *rq = req(m);
    if (bad_minor(rq))
        return -ENXIO;
    return drv->close ? drv->close(rq->minor, m->m_source) : OK;
}

/* How many of 'size' bytes at pos lie inside the device (whole sectors). */
static uint32_t clip(int minor, uint64_t pos, uint32_t size)
{
    uint64_t end = drv->size(minor) & ~(uint64_t)SECTOR_MASK;
    if (pos >= end)
        return 0;
    return end - pos < size ? (uint32_t)(end - pos) : size;
}

/* Read or write: validate, clip, call, and never report more than asked. */
static int do_io(message *m, int write)
{
    const struct bdev_req *rq = req(m);
    int (*io)(int, uint64_t, endpoint_t, grant_id_t, uint32_t) =
        write ? drv->write : drv->read;
    uint64_t pos = (uint64_t)rq->pos_hi << 32 | rq->pos_lo;
    uint32_t size;
    int r;
    if (bad_minor(rq))
        return -ENXIO;
    if ((rq->pos_lo & SECTOR_MASK) || (rq->size & SECTOR_MASK) ||
        rq->size > BLOCKDRIVER_MAX_IO)
        return -EINVAL;
    if (!io)
        return -ENOSYS;
    if (rq->size == 0)
        return 0;
    size = clip(rq->minor, pos, rq->size);
    if (size == 0)
        return write ? -ENOSPC : 0;
    r = io(rq->minor, pos, m->m_source, rq->grant, size);
    if (r != EDONTREPLY && r > (int)size)
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
    const struct bdev_req *rq = req(m);
    uint64_t bytes;
    if (bad_minor(rq))
        return -ENXIO;
    if (rq->request == BIOC_GETSIZE) {
        if (rq->size < sizeof(bytes))
            return -EINVAL;
        bytes = drv->size(rq->minor);
        return sys_safecopyto(m->m_source, rq->grant, 0, &bytes, sizeof(bytes));
    }
    if (!drv->ioctl)
        return -EINVAL;
    return drv->ioctl(rq->minor, rq->request, m->m_source, rq->grant, rq->size);
}

static const srv_handler handlers[BDEV_NR_CALLS] = {
    [BDEV_OPEN - BDEV_BASE] = do_open,
    [BDEV_CLOSE - BDEV_BASE] = do_close,
    [BDEV_READ - BDEV_BASE] = do_read,
    [BDEV_WRITE - BDEV_BASE] = do_write,
    [BDEV_IOCTL - BDEV_BASE] = do_ioctl,
};

void blockdriver_task(const struct blockdriver *d)
{
    static struct srv_table table = { .base = BDEV_BASE, .count = BDEV_NR_CALLS, .handlers = handlers };
    if (!d || d->nr_minors <= 0 || !d->size) {
        printf("blockdriver: no minors or no size callback\n");
        sys_exit(1);
    }
    drv = d;
    table.notify = d->notify;
    server_loop(&table);
}

int blockdriver_reply(endpoint_t who, int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = status;
    return ipc_sendnb(who, &m);
}

/*
 * req.c - build and send driver requests.  *_call sends the fields as
 * given (any grant, even a bad one); *_io lends buf to the driver with
 * the given access for one request and revokes the grant afterwards.
 * All return the reply's status, or the IPC error if the call failed.
 */
#include "drvtest.h"

grant_id_t lend(endpoint_t to, void *buf, uint32_t len, int access)
{
    grant_id_t g = grant_create(to, buf, len, access);
    if (g < 0)
        check(0, "grant_create(%u bytes): %s", len, ename(g));
    return g;
}

static int call(endpoint_t ep, message *m)
{
    int r = ipc_call(ep, m);
    return r != OK ? r : m->m_type;
}

int cdev_call(int type, int minor, uint32_t pos, grant_id_t g, uint32_t size,
              uint32_t request)
{
    message m;
    struct cdev_req *rq = MSG_BODY(&m, struct cdev_req);
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->minor = minor;
    rq->position = pos;
    rq->grant = g;
    rq->size = size;
    rq->request = request;
    return call(cdev_ep, &m);
}

int cdev_io(int type, int minor, uint32_t pos, void *buf, uint32_t size, int access)
{
    grant_id_t g = lend(cdev_ep, buf, size ? size : 1, access);
    int r = cdev_call(type, minor, pos, g, size, 0);
    grant_revoke(g);
    return r;
}

int bdev_call(int type, int minor, uint64_t pos, grant_id_t g, uint32_t size,
              uint32_t request)
{
    message m;
    struct bdev_req *rq = MSG_BODY(&m, struct bdev_req);
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->minor = minor;
    rq->pos_lo = (uint32_t)pos;
    rq->pos_hi = (uint32_t)(pos >> 32);
    rq->grant = g;
    rq->size = size;
    rq->request = request;
    return call(bdev_ep, &m);
}

int bdev_io(int type, int minor, uint64_t pos, void *buf, uint32_t size, int access)
{
    grant_id_t g = lend(bdev_ep, buf, size ? size : 1, access);
    int r = bdev_call(type, minor, pos, g, size, 0);
    grant_revoke(g);
    return r;
}

int raw_call(endpoint_t ep, int type)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    return call(ep, &m);
}

void pattern(uint8_t *p, uint32_t len, uint32_t seed)
{
    for (uint32_t i = 0; i < len; i++)
        p[i] = (uint8_t)(seed + i * 7 + (i >> 8));
}

int all_bytes(const uint8_t *p, uint32_t len, uint8_t value)
{
    for (uint32_t i = 0; i < len; i++)
        if (p[i] != value)
            return 0;
    return 1;
}

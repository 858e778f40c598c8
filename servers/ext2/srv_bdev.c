/*
 * srv_bdev.c - the core's disk (disk.h) in the guest: BDEV_READ and
 * BDEV_WRITE to the block driver of the mounted device ("LABEL:MINOR",
 * bdev_attach), at most BLOCKDRIVER_MAX_IO bytes per request.
 *
 * A driver failure is invisible to callers: a request that meets a dead
 * driver (EDEADSRCDST, or an endpoint that is no longer valid) is sent
 * again, whole, to the instance RS starts (sys_lookup_new).  That is safe
 * because every request is idempotent: a read reads the same sectors, a
 * write writes the same bytes to the same sectors.  A driver that does
 * not come back within BDEV_WAIT ticks, BDEV_TRIES times, gives EIO.
 *
 * The device's name and size live in the state region, so a restarted
 * ext2 server reaches its disk again; the endpoint is found again.
 */
#include "ext2srv.h"
#include "blockdriver.h"

#define BDEV_WAIT  300                  /* ticks: a restart takes far less */
#define BDEV_TRIES 4

static char label[16] STATE;
static int32_t minor STATE;
static uint64_t size STATE;
static endpoint_t ep = NONE;
uint32_t bdev_resent STATE;             /* requests sent again after a driver failure */

static int request(int type, uint64_t pos, grant_id_t g, uint32_t len, uint32_t ioctl)
{
    message m;
    struct bdev_req *rq = MSG_BODY(&m, struct bdev_req);
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->minor = minor;
    rq->pos_lo = (uint32_t)pos;
    rq->pos_hi = (uint32_t)(pos >> 32);
    rq->grant = g;
    rq->size = len;
    rq->request = ioctl;
    r = ipc_call(ep, &m);
    return r == OK ? m.m_type : r;
}

static int gone(int r)
{
    return ipc_dead(r) || r == -EBADEPT;
}

/* One request with buf lent to the driver, sent again to a restarted one. */
static int call(int type, uint64_t pos, void *buf, uint32_t len, int access, uint32_t ioctl)
{
    int r = -EIO;
    for (int tries = 0; tries < BDEV_TRIES; tries++) {
        grant_id_t g;
        if (ep == NONE && sys_lookup(label, &ep) != OK)
            ep = NONE;
        if (ep == NONE)
            return -EIO;
        if ((g = grant_create(ep, buf, len, access)) < 0)
            return -EIO;
        r = request(type, pos, g, len, ioctl);
        grant_revoke(g);
        if (!gone(r))
            return r;
        ep = sys_lookup_new(label, ep, BDEV_WAIT);
        bdev_resent++;
    }
    return -EIO;
}

int bdev_attach(const char *dev, uint32_t len)
{
    char text[32];
    uint64_t bytes = 0;
    uint32_t i, n = 0;
    int r;
    if (len == 0 || len >= sizeof(text))
        return -EINVAL;
    memcpy(text, dev, len);
    text[len] = '\0';
    for (i = 0; i < len && text[i] != ':'; i++)
        ;
    if (i == 0 || i >= sizeof(label) || i + 1 >= len)
        return -EINVAL;
    for (uint32_t k = i + 1; k < len; k++) {
        if (text[k] < '0' || text[k] > '9' || n > 1000)
            return -EINVAL;
        n = n * 10 + (uint32_t)(text[k] - '0');
    }
    text[i] = '\0';
    strlcpy(label, text, sizeof(label));
    minor = (int32_t)n;
    ep = NONE;
    if ((r = call(BDEV_OPEN, 0, &bytes, sizeof(bytes), GRANT_READ, 0)) != OK ||
        (r = call(BDEV_IOCTL, 0, &bytes, sizeof(bytes), GRANT_WRITE, BIOC_GETSIZE)) != OK) {
        label[0] = '\0';
        return r;
    }
    size = bytes;
    return OK;
}

void bdev_detach(void)
{
    uint64_t unused = 0;
    if (label[0])
        call(BDEV_CLOSE, 0, &unused, sizeof(unused), GRANT_READ, 0);
    label[0] = '\0';
    size = 0;
}

/* offset and len whole sectors (the core's blocks are); chunked. */
static int transfer(int type, uint64_t offset, uint8_t *buf, uint32_t len, int access)
{
    if (!label[0])
        return -EIO;
    if ((offset | len) % BDEV_SECTOR || offset > size || len > size - offset)
        return -EINVAL;
    for (uint32_t done = 0; done < len;) {
        uint32_t n = len - done < BLOCKDRIVER_MAX_IO ? len - done : BLOCKDRIVER_MAX_IO;
        int r = call(type, offset + done, buf + done, n, access, 0);
        if (r != (int)n)
            return r < 0 ? r : -EIO;
        done += n;
    }
    return OK;
}

int disk_read(uint64_t offset, void *buf, uint32_t len)
{
    return transfer(BDEV_READ, offset, buf, len, GRANT_WRITE);
}

int disk_write(uint64_t offset, const void *buf, uint32_t len)
{
    return transfer(BDEV_WRITE, offset, (uint8_t *)buf, len, GRANT_READ);
}

uint64_t disk_size(void)
{
    return size;
}

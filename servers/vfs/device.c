/*
 * device.c - character devices.  The major number picks the server:
 *   1  memory devices served by VFS itself: minor 0 /dev/null (reads end
 *      of file, writes vanish), minor 1 /dev/zero (reads zeros), minor 2
 *      /dev/full (reads zeros, writes fail with ENOSPC);
 *   4  "tty" (minor 0 console, 1 tty0, 2 ttyS0);
 *   5  "cdevtest", the test driver of tests/system/test_vfs.py.
 * A driver's endpoint is looked up by label (DS, else the kernel) when
 * first needed, and again when DS reports that the label changed or a
 * call finds the driver dead.  What a restart means depends on the driver:
 *   - one that keeps its state (tty: keeps) goes on where it was: a call
 *     that met the dead driver goes to the restarted one, numbered so that
 *     it is done once (proto/chardrv.h), open files stay open, suspended
 *     reads wait on for the new instance;
 *   - one that starts empty (cdevtest) loses its streams: an open file
 *     remembers the driver it was opened with, so after a restart its
 *     reads and writes fail with EIO (the stream was interrupted), and a
 *     new open reaches the new driver.
 * Reads follow the driver contract: EAGAIN means no data; VFS suspends
 * the read (unless O_NONBLOCK) and retries it when the driver notifies
 * (then the held polls too: poll.c).
 */
#include "vfs.h"

#define MEM_MAJOR 1

_Static_assert(CDEV_POLLIN == VFS_POLLIN && CDEV_POLLOUT == VFS_POLLOUT, "a driver's poll bits are VFS's");

#define DEV_WAIT 10                     /* ticks to wait for a restarted driver */

struct major {
    int major;
    const char *label;
    int keeps;                          /* the driver keeps its state across restarts */
    endpoint_t ep;                      /* NONE: not known (yet) */
};

static struct major majors[] = {
    { 4, "tty", 1, NONE },
    { 5, "cdevtest", 0, NONE },
};
static uint32_t dev_seq STATE;          /* request numbers: never reused */
#define NR_MAJORS ((int)(sizeof(majors) / sizeof(majors[0])))

static struct major *major_of(uint32_t rdev)
{
    for (int i = 0; i < NR_MAJORS; i++)
        if (majors[i].major == (int)VFS_MAJOR(rdev))
            return &majors[i];
    return 0;
}

static endpoint_t lookup(struct major *mj)
{
    endpoint_t ep;
    if (ds_retrieve_label(mj->label, &ep) == OK || sys_lookup(mj->label, &ep) == OK)
        return ep;
    return NONE;
}

void dev_init(void)
{
    for (int i = 0; i < NR_MAJORS; i++)
        ds_subscribe(majors[i].label);  /* no DS (tests): lookups only */
}

/* The driver is gone: its suspended reads fail with EIO. */
static void driver_gone(struct major *mj)
{
    mj->ep = NONE;
    for (int i = 0; i < NR_PROCS; i++) {
        struct vproc *p = &procs[i];
        struct filp *f;
        if (p->susp.kind != SUSP_DEV_READ)
            continue;
        vproc_check_susp(p);            /* mended first if damaged */
        if ((f = held_filp(p, SUSP_DEV_READ)) && major_of(f->vp->rdev) == mj)
            resume(p, -EIO);
    }
}

/* The restarted driver of mj (not 'dead'), waiting up to DEV_WAIT ticks. */
static endpoint_t new_driver(struct major *mj, endpoint_t dead)
{
    uint32_t t0 = sys_uptime();
    endpoint_t ep;
    do {
        if ((ep = lookup(mj)) != NONE && ep != dead)
            return ep;
    } while (sys_uptime() - t0 < DEV_WAIT);
    return NONE;
}

/* One attempt, lending buf (len bytes, access) to the driver. */
static int attempt(struct major *mj, message *m, void *buf, uint32_t len, int access)
{
    grant_id_t g = -1;
    int r;
    if (buf && (g = MSG_BODY(m, struct cdev_req)->grant = grant_create(mj->ep, buf, len, access)) < 0)
        return -EIO;
    r = ipc_call(mj->ep, m);
    if (buf)
        grant_revoke(g);
    return r;
}

/* A request to mj's driver; the reply's status.  A driver that died with
 * it (or before it took it) and keeps its state gets it again, same
 * number, once it is back; otherwise its streams are gone (EIO). */
static int cdev_call(struct major *mj, message *m, void *buf, uint32_t len, int access)
{
    message req;
    endpoint_t ep;
    int r;
    dev_seq = (dev_seq + 1) & CDEV_SEQ_MASK;
    if (dev_seq == 0)
        dev_seq = 1;
    MSG_BODY(m, struct cdev_req)->seq = dev_seq;
    req = *m;
    r = attempt(mj, m, buf, len, access);
    if ((ipc_dead(r) || r == -EBADEPT) && mj->keeps &&
        (ep = new_driver(mj, mj->ep)) != NONE) {
        mj->ep = ep;
        *m = req;
        MSG_BODY(m, struct cdev_req)->seq = dev_seq | CDEV_AGAIN;
        r = attempt(mj, m, buf, len, access);
    }
    if (ipc_dead(r) || r == -EBADEPT) {
        driver_gone(mj);
        return -EIO;
    }
    return r == OK ? m->m_type : r;
}

/* A request for f (or rdev) on behalf of p (0: VFS's own, close and
 * poll): p's group and session go with it for job control. */
static void cdev_msg(message *m, int type, const struct filp *f, uint32_t rdev,
                     const struct vproc *p)
{
    struct cdev_req *rq = MSG_BODY(m, struct cdev_req);
    memset(m, 0, sizeof(*m));
    m->m_type = type;
    rq->minor = VFS_MINOR(rdev);
    rq->position = f ? f->pos : 0;
    rq->flags = f ? f->flags : 0;
    rq->pgrp = p ? p->pgrp : 0;
    rq->sid = p ? p->sid : 0;
}

int dev_open(const struct vproc *p, struct vnode *vp, int flags, endpoint_t *drv)
{
    struct major *mj;
    message m;
    int r = -EIO;
    if (VFS_MAJOR(vp->rdev) == MEM_MAJOR)
        return VFS_MINOR(vp->rdev) <= 2 ? OK : -ENXIO;
    if (!(mj = major_of(vp->rdev)))
        return -ENXIO;
    for (int tries = 0; tries < 2 && r == -EIO; tries++) {
        if (mj->ep == NONE && (mj->ep = lookup(mj)) == NONE)
            return -ENXIO;
        cdev_msg(&m, CDEV_OPEN, 0, vp->rdev, p);
        MSG_BODY(&m, struct cdev_req)->flags = flags;
        if (p->leader && !(flags & VFS_O_NOCTTY))
            MSG_BODY(&m, struct cdev_req)->job = CDEV_CTTY_OK;
        r = cdev_call(mj, &m, 0, 0, 0);
    }
    *drv = mj->ep;
    return r;
}

/* The driver of f, if f's stream goes on there: the driver f was opened
 * with, or its restarted instance if it keeps its state. */
static struct major *live_driver(struct filp *f)
{
    struct major *mj = major_of(f->vp->rdev);
    if (mj && mj->ep == NONE)
        mj->ep = lookup(mj);            /* a restarted VFS knows no driver yet */
    if (!mj || f->drv == NONE || mj->ep == NONE)
        return 0;
    if (mj->keeps)
        f->drv = mj->ep;
    return f->drv == mj->ep ? mj : 0;
}

void dev_close(struct filp *f)
{
    struct major *mj = live_driver(f);
    message m;
    if (!mj)
        return;
    cdev_msg(&m, CDEV_CLOSE, f, f->vp->rdev, 0);
    cdev_call(mj, &m, 0, 0, 0);
}

static int zeros(struct vproc *p, grant_id_t g, uint32_t len)
{
    memset(iobuf, 0, IO_CHUNK);
    for (uint32_t done = 0; done < len;) {
        uint32_t n = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        int r = sys_safecopyto(p->ep, g, done, iobuf, n);
        if (r != OK)
            return done ? (int)done : r;
        done += n;
    }
    return (int)len;
}

int dev_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    struct major *mj;
    message m;
    int r;
    if (VFS_MAJOR(f->vp->rdev) == MEM_MAJOR)
        return VFS_MINOR(f->vp->rdev) == 0 ? 0 : zeros(p, g, len);
    if (!(mj = live_driver(f)))
        return -EIO;
    if (len > IO_CHUNK)
        len = IO_CHUNK;
    cdev_msg(&m, CDEV_READ, f, f->vp->rdev, p);
    MSG_BODY(&m, struct cdev_req)->size = len;
    r = cdev_call(mj, &m, iobuf, len, GRANT_WRITE);
    if (r == -EAGAIN && !(f->flags & VFS_O_NONBLOCK))
        return suspend(p, SUSP_DEV_READ, f, g, len, 0);
    if (r <= 0)
        return r;
    if (sys_safecopyto(p->ep, g, 0, iobuf, r) != OK)
        return -EFAULT;
    f->pos += r;
    return r;
}

int dev_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len, int bg_ok)
{
    struct major *mj;
    uint32_t done = 0;
    message m;
    if (VFS_MAJOR(f->vp->rdev) == MEM_MAJOR)      /* null and zero swallow writes */
        return VFS_MINOR(f->vp->rdev) == 2 ? -ENOSPC : (int)len;
    if (!(mj = live_driver(f)))
        return -EIO;
    while (done < len) {
        uint32_t n = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        int r = sys_safecopyfrom(p->ep, g, done, iobuf, n);
        if (r != OK)
            return done ? (int)done : r;
        cdev_msg(&m, CDEV_WRITE, f, f->vp->rdev, p);
        MSG_BODY(&m, struct cdev_req)->size = n;
        MSG_BODY(&m, struct cdev_req)->job = bg_ok ? CDEV_BG_OK : 0;
        r = cdev_call(mj, &m, iobuf, n, GRANT_READ);
        if (r <= 0)
            return done ? (int)done : r;
        done += r;
        f->pos += r;
        if ((uint32_t)r < n)
            break;
    }
    return (int)done;
}

/* ioctl: the argument is copied in (when the client's grant can be read),
 * lent to the driver for reading and writing, and copied back (when the
 * client's grant can be written). */
int dev_ioctl(struct vproc *p, struct filp *f, uint32_t request, grant_id_t g,
              uint32_t len, int bg_ok)
{
    struct major *mj;
    message m;
    int r;
    if (VFS_MAJOR(f->vp->rdev) == MEM_MAJOR)
        return -ENOTTY;
    if (!(mj = live_driver(f)))
        return -EIO;
    if (len > IOCTL_MAX)
        return -EINVAL;
    memset(iobuf, 0, len);
    if (len && sys_safecopyfrom(p->ep, g, 0, iobuf, len) == -EINVAL)
        return -EFAULT;                 /* no such grant */
    cdev_msg(&m, CDEV_IOCTL, f, f->vp->rdev, p);
    MSG_BODY(&m, struct cdev_req)->job = bg_ok ? CDEV_BG_OK : 0;
    MSG_BODY(&m, struct cdev_req)->request = request;
    MSG_BODY(&m, struct cdev_req)->grant = -1;
    MSG_BODY(&m, struct cdev_req)->size = len;
    r = cdev_call(mj, &m, len ? iobuf : 0, len, GRANT_READ | GRANT_WRITE);
    if (r >= 0 && len)
        sys_safecopyto(p->ep, g, 0, iobuf, len);
    return r;
}

/* VFS_POLL on a device (poll.c): CDEV_POLL to its driver; a memory device
 * is always ready, a dead driver's stream is an error. */
int dev_poll(struct filp *f, int notify)
{
    struct major *mj;
    message m;
    int r;
    if (VFS_MAJOR(f->vp->rdev) == MEM_MAJOR)
        return VFS_POLLIN | VFS_POLLOUT;
    if (!(mj = live_driver(f)))
        return VFS_POLLERR;
    cdev_msg(&m, CDEV_POLL, f, f->vp->rdev, 0);
    MSG_BODY(&m, struct cdev_req)->flags = notify ? CDEV_POLL_NOTIFY : 0;
    r = cdev_call(mj, &m, 0, 0, 0);
    if (r == -EBADREQUEST)
        return VFS_POLLIN | VFS_POLLOUT;  /* a driver without CDEV_POLL: never waits */
    return r < 0 ? VFS_POLLERR : r & (VFS_POLLIN | VFS_POLLOUT);
}

/* Retry the suspended reads of mj's devices. */
static void retry_reads(struct major *mj)
{
    for (int i = 0; i < NR_PROCS; i++) {
        struct vproc *p = &procs[i];
        struct susp s;
        int r;
        if (p->susp.kind != SUSP_DEV_READ)
            continue;
        vproc_check_susp(p);            /* mended first if damaged */
        if (!held_filp(p, SUSP_DEV_READ))
            continue;
        s = p->susp;
        if (major_of(s.f->vp->rdev) != mj)
            continue;
        r = dev_read(p, s.f, s.grant, s.len);
        if (r != EDONTREPLY)
            resume(p, r);
    }
}

/* DS told us labels changed: a driver with a new endpoint was restarted. */
static void ds_changes(void)
{
    char key[DS_KEY_MAX];
    int type, deleted;
    while (ds_check(key, &type, &deleted) == OK) {
        for (int i = 0; i < NR_MAJORS; i++) {
            endpoint_t ep = NONE;
            if (strcmp(key, majors[i].label) != 0)
                continue;
            if (!deleted && ds_retrieve_label(key, &ep) != OK)
                ep = NONE;
            if (ep == majors[i].ep)
                continue;
            if (majors[i].keeps && ep != NONE) {
                majors[i].ep = ep;              /* the same streams, a new instance */
                retry_reads(&majors[i]);
            } else {
                driver_gone(&majors[i]);
                majors[i].ep = ep;
            }
        }
    }
}

void dev_notify(const message *m)
{
    endpoint_t ds;
    for (int i = 0; i < NR_MAJORS; i++) {
        if (majors[i].ep != NONE && majors[i].ep == m->m_source) {
            retry_reads(&majors[i]);
            poll_retry(POLL_DEVICE);
            return;
        }
    }
    if (m->m_source == SYSTEM) {
        if (m->m.u32[0] & SYSEV_ALARM)
            poll_retry(POLL_ALARM);     /* a held poll's timeout */
        return;
    }
    if (sys_lookup("ds", &ds) == OK && ds == m->m_source)
        ds_changes();
}

/*
 * vfs_call.c - the one way lib/libc talks to VFS: a message, up to two
 * buffers lent with one-shot grants (the ids are kept aside: VFS's reply
 * overwrites the message), and errno from the reply.  VFS's endpoint is
 * __vfs_ep, which crt0 takes from what PM put on the stack at exec
 * (lib/libc/start.c); a program started otherwise (a service started by
 * RS or the kernel) finds it by label through the kernel.
 *
 * Every request carries a number (seq).  When the call meets a dead VFS
 * (ENOREPLY: it failed with our request in hand; EDEADSRCDST: before it
 * took it), RS restarts VFS with its tables under a new endpoint: libc finds
 * it by label (waiting up to a second), lends the buffers again (a grant
 * names one endpoint) and sends the same request with the same number
 * and VFS_AGAIN.  VFS answers a repeat of the request it last answered
 * from its record, so nothing is done twice (servers/vfs/again.c).
 * A reply of ERESEND says the request was not done (VFS mended our slot
 * in the middle of it, servers/vfs/mirror.c): it goes again as new; so
 * does one answered ERESTART (we were stopped in it: servers/pm/stop.c),
 * as often as that happens.  A terminal's ETTIN or ETTOU (we are a
 * background job, proto/tty.h) makes PM signal our group (PM_JOBSIG):
 * stopped and continued, we try again; when SIGTTOU is ignored or blocked
 * the write or setting goes again with VFS_BG_OK; else PM's error (EIO,
 * EINTR) is the call's.
 */
#include "libc.h"
#include "vfs.h"

extern endpoint_t __vfs_ep __attribute__((weak));
static endpoint_t found = NONE;

endpoint_t __vfs_endpoint(void)
{
    if (&__vfs_ep && __vfs_ep != NONE)
        return __vfs_ep;
    if (found == NONE && sys_lookup("vfs", &found) != OK)
        found = NONE;
    return found;
}

int __vfs_ret(int r)
{
    if (r >= 0)
        return r;
    errno = -r > 300 ? EIO : -r;
    return -1;
}

struct vfs_req *__vfs_req(message *m, int type)
{
    memset(m, 0, sizeof(*m));
    m->m_type = type;
    return MSG_BODY(m, struct vfs_req);
}

/* A grant the kernel refused: a buffer outside the process's memory is
 * the caller's EFAULT (the kernel says EINVAL: a range it cannot lend). */
static int bad_buffer(int r)
{
    return r == -EINVAL ? -EFAULT : r;
}

/* One attempt: lend the buffers to vfs, call, take the grants back; the
 * IPC status (the reply is in m->m_type). */
static int call_once(endpoint_t vfs, message *m, const void *b1, uint32_t l1, int a1,
                     const void *b2, uint32_t l2, int a2)
{
    struct vfs_req *rq = MSG_BODY(m, struct vfs_req);
    grant_id_t g1 = -1, g2 = -1;
    int r;
    if (b1 && (g1 = rq->grant = grant_create(vfs, b1, l1, a1)) < 0)
        return bad_buffer(g1);
    if (b2 && (g2 = rq->grant2 = grant_create(vfs, b2, l2, a2)) < 0) {
        if (b1)
            grant_revoke(g1);
        return bad_buffer(g2);
    }
    if (b1)
        rq->len = l1;
    if (b2)
        rq->len2 = l2;
    r = ipc_call(vfs, m);
    if (b1)
        grant_revoke(g1);
    if (b2)
        grant_revoke(g2);
    return r;
}

static int call_numbered(message *m, const void *b1, uint32_t l1, int a1,
                         const void *b2, uint32_t l2, int a2)
{
    static uint32_t seq;
    endpoint_t vfs = __vfs_endpoint();
    message req;
    int r;
    if (vfs == NONE)
        return -EIO;
    seq = (seq + 1) & VFS_SEQ_MASK;
    if (seq == 0)
        seq = 1;
    MSG_BODY(m, struct vfs_req)->seq = seq;
    req = *m;
    r = call_once(vfs, m, b1, l1, a1, b2, l2, a2);
    for (int tries = 0; ipc_dead(r) && tries < 3; tries++) {
        if ((vfs = sys_lookup_new("vfs", vfs, 100)) == NONE)     /* up to a second */
            break;
        if (&__vfs_ep && __vfs_ep != NONE)
            __vfs_ep = vfs;
        found = vfs;
        *m = req;
        MSG_BODY(m, struct vfs_req)->seq = seq | VFS_AGAIN;
        r = call_once(vfs, m, b1, l1, a1, b2, l2, a2);
    }
    return r == OK ? m->m_type : r;
}

/* PM's answer to a terminal's ETTIN or ETTOU (proto/pm.h PM_JOBSIG). */
static int job_signal(int r)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_req)->signal = r == -ETTIN ? PM_SIGTTIN : PM_SIGTTOU;
    return __pm_call(PM_JOBSIG, &m);
}

int __vfs_call(message *m, const void *b1, uint32_t l1, int a1,
               const void *b2, uint32_t l2, int a2)
{
    message req = *m;
    int r = call_numbered(m, b1, l1, a1, b2, l2, a2), s;
    for (int resends = 0;; ) {
        if (r == -ETTIN || r == -ETTOU) {
            if ((s = job_signal(r)) < 0)
                return s;
            if (s == 1)
                MSG_BODY(&req, struct vfs_req)->flags |= VFS_BG_OK;
        } else if (r != -ERESTART && (r != -ERESEND || resends++ == 3)) {
            return r;
        }
        *m = req;
        r = call_numbered(m, b1, l1, a1, b2, l2, a2);
    }
}

int __vfs_path(int type, const char *path, struct vfs_req *fill)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, type);
    if (__bad_ptr(path))
        return -EFAULT;
    if (fill)
        *rq = *fill;
    return __vfs_call(&m, path, strlen(path) + 1, GRANT_READ, 0, 0, 0);
}

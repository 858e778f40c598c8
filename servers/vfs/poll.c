/*
 * poll.c - VFS_POLL: which of a caller's descriptors are ready, waiting
 * until one is, a signal comes, or the timeout passes (proto/vfs.h).
 *
 * Ready means a read or write would not wait: a pipe's read end with
 * bytes in it (HUP when no writer is left), its write end with room for
 * PIPE_ATOMIC bytes (ERR when no reader is left); a character device as
 * its driver says (CDEV_POLL, which also has the driver notify VFS once
 * the device becomes readable, as after a read's EAGAIN); a memory
 * device, a file or a directory always.  A descriptor that is not open
 * is NVAL.  A poll that finds nothing ready is held like a read
 * (SUSP_POLL: grant = the client's array, len = how many, done = the
 * deadline in ms since boot, 0 for none); nothing of the array is kept in
 * VFS, so every retry reads it again from the client, which is blocked
 * in its call, and a descriptor closed meanwhile is simply NVAL.
 * poll_retry() looks at the held polls whenever something may have
 * become ready: after a pipe changed it looks only at the polls that
 * name a pipe, and at their pipes only (a device that was not ready
 * notifies VFS when it becomes so, so no CDEV_POLL is sent on this hot
 * path); after a driver's notify and when VFS's alarm (the earliest
 * deadline) rings it looks at everything, and the alarm is set again for
 * the next deadline.  no_pipe[] and pipe_polls are hints kept beside the
 * table, not state: no_pipe[i] is set by the evaluation that held the
 * poll of procs[i] (a held process cannot change its descriptors);
 * pipe_polls is at least the number of held polls naming a pipe (counted
 * exactly by every pass, raised by every poll held since), so a pipe's
 * change skips the pass when it is 0.  A restarted VFS starts from "look"
 * (no_pipe 0, pipe_polls -1).
 */
#include "vfs.h"

#define MS_PER_TICK 10                  /* the kernel's clock: 100 Hz */

static struct vfs_pollfd pfds[VFS_POLL_MAX];
static uint8_t no_pipe[NR_PROCS];       /* the held poll of procs[i] names no pipe */
static int pipe_polls = -1;             /* >= the held polls naming a pipe; -1: unknown */

static uint32_t now_ms(void)
{
    return (uint32_t)(sys_uptime_us() / 1000);
}

static int pipe_bits(const struct filp *f)
{
    const struct pipe *pp = f->vp->pipe;
    int bits = 0;
    if (can_read(f))
        bits |= (pp->count ? VFS_POLLIN : 0) | (pp->writers ? 0 : VFS_POLLHUP);
    if (can_write(f))
        bits |= !pp->readers ? VFS_POLLERR : PIPE_SIZE - pp->count >= PIPE_ATOMIC ? VFS_POLLOUT : 0;
    return bits;
}

/* q's revents (devices asked only if `devices`); *pipe set if q names a pipe. */
static int fd_bits(struct vproc *p, const struct vfs_pollfd *q, int devices, int *pipe)
{
    struct filp *f;
    int bits;
    if (q->fd < 0)
        return 0;
    if (!(f = fd_filp(p, q->fd)))
        return VFS_POLLNVAL;
    if (f->vp->pipe) {
        bits = pipe_bits(f);
        *pipe = 1;
    }
    else if (IS_TYPE(f->vp->mode, VFS_S_IFCHR))
        bits = devices ? dev_poll(f, q->events & VFS_POLLIN) : 0;
    else
        bits = VFS_POLLIN | VFS_POLLOUT;
    return bits & (q->events | VFS_POLLERR | VFS_POLLHUP | VFS_POLLNVAL);
}

/* The client's n entries looked at now (devices asked only if
 * `devices`): how many are ready (their revents written back), or the
 * copy's error. */
static int evaluate(struct vproc *p, grant_id_t g, uint32_t n, int devices)
{
    int ready = 0, pipes = 0, r;
    if (n && (r = sys_safecopyfrom(p->ep, g, 0, pfds, n * sizeof(pfds[0]))) != OK)
        return r;
    for (uint32_t i = 0; i < n; i++) {
        pfds[i].revents = (int16_t)fd_bits(p, &pfds[i], devices, &pipes);
        ready += pfds[i].revents != 0;
    }
    no_pipe[p - procs] = !pipes;
    if (ready && (r = sys_safecopyto(p->ep, g, 0, pfds, n * sizeof(pfds[0]))) != OK)
        return r;
    return ready;
}

/* The kernel alarm for the earliest deadline of a held poll. */
static void arm(void)
{
    uint32_t now = now_ms(), first = 0;
    for (int i = 0; i < NR_PROCS; i++) {
        const struct susp *s = &procs[i].susp;
        if (s->kind == SUSP_POLL && s->done && (!first || (int32_t)(s->done - first) < 0))
            first = s->done;
    }
    if (first)
        sys_setalarm((int32_t)(first - now) <= 0 ? 1 : (first - now) / MS_PER_TICK + 1);
}

int do_poll(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    uint32_t n = rq->len / sizeof(struct vfs_pollfd), deadline = 0;
    int r;
    if (!p)
        return -EIO;
    if (rq->len % sizeof(struct vfs_pollfd) || n > VFS_POLL_MAX || rq->offset < -1)
        return -EINVAL;
    if ((r = evaluate(p, rq->grant, n, 1)) != 0 || rq->offset == 0)
        return r;
    if (rq->offset > 0)
        deadline = (now_ms() + (uint32_t)rq->offset) | 1;     /* never 0: "none" */
    r = suspend(p, SUSP_POLL, 0, rq->grant, n, deadline);
    if (pipe_polls >= 0 && !no_pipe[p - procs])
        pipe_polls++;
    arm();
    return r;
}

void poll_retry(enum poll_cause why)
{
    int all = why != POLL_PIPE, held = 0;
    uint32_t now = now_ms();
    if (why == POLL_PIPE && pipe_polls == 0)
        return;
    for (int i = 0; i < NR_PROCS; i++) {
        struct vproc *p = &procs[i];
        int r;
        if (p->susp.kind != SUSP_POLL || (why == POLL_PIPE && no_pipe[i]))
            continue;
        vproc_check_susp(p);            /* mended first if damaged */
        if (p->susp.kind != SUSP_POLL || p->susp.len > VFS_POLL_MAX)
            continue;
        r = evaluate(p, p->susp.grant, p->susp.len, all);
        if (r == 0 && p->susp.done && (int32_t)(now - p->susp.done) >= 0)
            resume(p, 0);               /* the timeout passed */
        else if (r != 0)
            resume(p, r);
        else
            held += !no_pipe[i];
    }
    pipe_polls = held;
    if (why == POLL_ALARM)
        arm();
}

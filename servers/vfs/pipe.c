/*
 * pipe.c - pipes: a PIPE_SIZE ring buffer between the filps of its read
 * and write ends.  POSIX semantics: a read returns what is there (at most
 * len), 0 when no writer is left, EAGAIN with O_NONBLOCK, else it is
 * suspended.  A write of at most PIPE_ATOMIC bytes goes in whole or waits;
 * a larger one moves what fits and is suspended for the rest.  A write
 * with no reader left is EPIPE (or the bytes already moved).  After every
 * change, pipe_wake retries the suspended calls on the pipe until none
 * makes progress, then the held polls (poll.c).
 */
#include "vfs.h"

static struct pipe pipes[NR_PIPES] STATE;

int pipes_of(int32_t uid)
{
    int n = 0;
    for (int i = 0; i < NR_PIPES; i++)
        n += pipes[i].used && pipes[i].owner == uid;
    return n;
}

struct pipe *pipe_at(int i)
{
    return &pipes[i];
}

int pipe_index(const struct pipe *pp)
{
    return table_index(pipes, sizeof(pipes), sizeof(pipes[0]), pp);
}

void pipe_drop(struct pipe *pp)
{
    memset(pp, 0, sizeof(*pp));
}

static int copy_out(struct vproc *p, struct pipe *pp, grant_id_t g, uint32_t n)
{
    uint32_t first = PIPE_SIZE - pp->head < n ? PIPE_SIZE - pp->head : n;
    int r = sys_safecopyto(p->ep, g, 0, pp->buf + pp->head, first);
    if (r == OK && n > first)
        r = sys_safecopyto(p->ep, g, first, pp->buf, n - first);
    if (r != OK)
        return r;
    pp->head = (pp->head + n) % PIPE_SIZE;
    pp->count -= n;
    return OK;
}

static int copy_in(struct vproc *p, struct pipe *pp, grant_id_t g, uint32_t off,
                   uint32_t n)
{
    uint32_t tail = (pp->head + pp->count) % PIPE_SIZE;
    uint32_t first = PIPE_SIZE - tail < n ? PIPE_SIZE - tail : n;
    int r = sys_safecopyfrom(p->ep, g, off, pp->buf + tail, first);
    if (r == OK && n > first)
        r = sys_safecopyfrom(p->ep, g, off + first, pp->buf, n - first);
    if (r != OK)
        return r;
    pp->count += n;
    return OK;
}

int pipe_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    struct pipe *pp = f->vp->pipe;
    int r;
    if (pp->count > 0) {
        uint32_t n = len < pp->count ? len : pp->count;
        if ((r = copy_out(p, pp, g, n)) != OK)
            return r;
        if (p->susp.kind == SUSP_NONE)
            pipe_wake(pp);              /* room for suspended writers */
        return (int)n;
    }
    if (pp->writers == 0)
        return 0;
    if (f->flags & VFS_O_NONBLOCK)
        return -EAGAIN;
    return suspend(p, SUSP_PIPE_READ, f, g, len, 0);
}

int pipe_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len,
               uint32_t done)
{
    struct pipe *pp = f->vp->pipe;
    uint32_t room = PIPE_SIZE - pp->count, n = len - done;
    int r, was_suspended = p->susp.kind != SUSP_NONE;
    if (pp->readers == 0)
        return done ? (int)done : -EPIPE;
    if (n > room && len <= PIPE_ATOMIC)
        n = 0;                          /* small writes go in whole */
    if (n > room)
        n = room;
    if (n > 0) {
        if ((r = copy_in(p, pp, g, done, n)) != OK)
            return done ? (int)done : r;
        done += n;
        if (!was_suspended)
            pipe_wake(pp);              /* data for suspended readers */
    }
    if (done == len)
        return (int)done;
    if (f->flags & VFS_O_NONBLOCK)
        return done ? (int)done : -EAGAIN;
    return suspend(p, SUSP_PIPE_WRITE, f, g, len, done);
}

/* Retry one suspended call on pp; did anything move or finish? */
static int retry(struct vproc *p)
{
    struct susp s = p->susp;
    uint32_t before = s.f->vp->pipe->count;
    int r = s.kind == SUSP_PIPE_READ ? pipe_read(p, s.f, s.grant, s.len)
                                     : pipe_write(p, s.f, s.grant, s.len, s.done);
    if (r != EDONTREPLY) {
        resume(p, r);
        return 1;
    }
    return s.f->vp->pipe->count != before;
}

void pipe_wake(struct pipe *pp)
{
    int progress = 1;
    for (int round = 0; progress && round < 2 * NR_PROCS; round++) {
        progress = 0;
        for (int i = 0; i < NR_PROCS; i++) {
            struct vproc *p = &procs[i];
            if (p->susp.kind != SUSP_PIPE_READ && p->susp.kind != SUSP_PIPE_WRITE)
                continue;
            vproc_check_susp(p);        /* mended first if damaged */
            if ((held_filp(p, SUSP_PIPE_READ) || held_filp(p, SUSP_PIPE_WRITE)) &&
                p->susp.f->vp->pipe == pp)
                progress |= retry(p);
        }
    }
    poll_retry(POLL_PIPE);              /* a held poll may see it ready now */
}

void pipe_closed(struct filp *f)
{
    struct pipe *pp = f->vp->pipe;
    if (can_read(f))
        pp->readers--;
    if (can_write(f))
        pp->writers--;
    pipe_wake(pp);                      /* EOF for readers, EPIPE for writers */
}

int do_pipe(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    struct pipe *pp = 0;
    struct filp *fr, *fw;
    int fd0, fd1;
    if (!p)
        return -EIO;
    if (rq->flags & ~(VFS_O_NONBLOCK | VFS_O_CLOEXEC))
        return -EINVAL;
    if ((fd0 = fd_free_slot(p, 0)) < 0 || (fd1 = fd_free_slot(p, fd0 + 1)) < 0)
        return -EMFILE;
    for (int i = 0; i < NR_PIPES && !pp; i++)
        if (!pipes[i].used)
            pp = &pipes[i];
    if (!pp || filp_free_count() < 2 || vnode_free_count() < 1 || !share_allows(p, 2, 1))
        return -ENFILE;
    memset(pp, 0, sizeof(*pp));
    pp->used = 1;
    pp->owner = p->uid;
    pp->readers = pp->writers = 1;
    fr = filp_alloc();
    fr->refs = 1;
    fr->vp = vnode_pipe(pp);
    fr->vp->ino = (uint32_t)(pp - pipes) + 1;
    fr->flags = VFS_O_RDONLY | (rq->flags & VFS_O_NONBLOCK);
    fr->owner = p->uid;
    fw = filp_alloc();
    fw->refs = 1;
    fw->vp = fr->vp;
    vnode_hold(fw->vp);
    fw->flags = VFS_O_WRONLY | (rq->flags & VFS_O_NONBLOCK);
    fw->owner = p->uid;
    vproc_changed(p);
    p->fd[fd0] = fr;
    p->fd[fd1] = fw;
    p->cloexec[fd0] = p->cloexec[fd1] = (rq->flags & VFS_O_CLOEXEC) != 0;
    rq->fd = fd0;
    rq->fd2 = fd1;
    return OK;
}

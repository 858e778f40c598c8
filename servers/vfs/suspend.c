/*
 * suspend.c - calls that cannot complete now.  VFS never waits for a
 * client: it records the call in the caller's vproc and does not reply;
 * the caller stays blocked in ipc_call.  resume() sends the one late
 * reply (ipc_sendnb: the caller is waiting for it, so it cannot block
 * VFS) and forgets the call.  Only a caller blocked in ipc_call to VFS
 * is held (the kernel says so): one that sent with a raw IPC_SEND could
 * close the descriptor under its held call.  Who wakes a held call
 * takes its open file through held_filp, which checks it is still open.  Who retries: pipe.c when the pipe changes,
 * device.c when the driver notifies, pm.c (UNPAUSE: EINTR), and a dead
 * driver (EIO).  The late reply is recorded like any other (again.c).
 */
#include "vfs.h"

/* Is p's process blocked waiting for our reply?  A raw IPC_SEND of a
 * request is not: held, its call would outlive the descriptor it names
 * (the sender goes on, and may close it). */
static int waits_for_us(const struct vproc *p)
{
    static endpoint_t self = NONE;
    struct sys_procinfo pi;
    if (self == NONE && sys_self(&self, 0) != OK)
        return 0;
    return sys_procinfo(EP_SLOT(p->ep), &pi) == OK && pi.ep == p->ep &&
           !(pi.flags & PI_FREE) && (pi.flags & PI_RECEIVING) && pi.getfrom == self;
}

int suspend(struct vproc *p, int kind, struct filp *f, grant_id_t g,
            uint32_t len, uint32_t done)
{
    if (!waits_for_us(p))
        return -EINVAL;                 /* nobody to answer later: not held */
    vproc_touch(p);
    if (p->susp.kind == SUSP_NONE)
        p->susp.seq = request_seq();    /* a retry keeps the first number */
    p->susp.kind = kind;
    p->susp.f = f;
    p->susp.grant = g;
    p->susp.len = len;
    p->susp.done = done;
    return EDONTREPLY;
}

struct filp *held_filp(struct vproc *p, int kind)
{
    struct filp *f = p->susp.f;
    if (p->susp.kind != kind)
        return 0;
    if (filp_index(f) >= 0 && f->refs > 0 && f->vp)
        return f;
    vproc_touch(p);
    printf("vfs: a call held for endpoint %d named a closed file: forgotten\n", p->ep);
    memset(&p->susp, 0, sizeof(p->susp));
    return 0;
}

void resume(struct vproc *p, int status)
{
    vproc_touch(p);
    p->susp.kind = SUSP_NONE;
    p->susp.f = 0;
    answer_late(p, status);
    reply(p->ep, status);
}

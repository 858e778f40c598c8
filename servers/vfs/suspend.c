/*
 * suspend.c - calls that cannot complete now.  VFS never waits for a
 * client: it records the call in the caller's vproc and does not reply;
 * the caller stays blocked in ipc_call.  resume() sends the one late
 * reply (ipc_sendnb: the caller is waiting for it, so it cannot block
 * VFS) and forgets the call.  A call sent with a raw IPC_SEND is held
 * too, but its sender is not blocked: its next request makes VFS forget
 * the held one (proc.c, forget_stale_call), so the held call cannot
 * outlive the descriptor it names.  Who wakes a held call takes its open
 * file through held_filp, which checks it is still open.  Who retries: pipe.c when the pipe changes,
 * device.c when the driver notifies, pm.c (UNPAUSE: EINTR), and a dead
 * driver (EIO).  The late reply is recorded like any other (again.c).
 */
#include "vfs.h"

int suspend(struct vproc *p, int kind, struct filp *f, grant_id_t g,
            uint32_t len, uint32_t done)
{
    vproc_susp_changed(p);
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
    vproc_susp_changed(p);
    printf("vfs: a call held for endpoint %d named a closed file: forgotten\n", p->ep);
    memset(&p->susp, 0, sizeof(p->susp));
    return 0;
}

void resume(struct vproc *p, int status)
{
    vproc_susp_changed(p);
    p->susp.kind = SUSP_NONE;
    p->susp.f = 0;
    answer_late(p, status);
    reply(p->ep, status);
}

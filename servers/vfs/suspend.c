/*
 * suspend.c - calls that cannot complete now.  VFS never waits for a
 * client: it records the call in the caller's vproc and does not reply;
 * the caller stays blocked in ipc_call.  resume() sends the one late
 * reply (ipc_sendnb: the caller is waiting for it, so it cannot block
 * VFS) and forgets the call.  Who retries: pipe.c when the pipe changes,
 * device.c when the driver notifies, pm.c (UNPAUSE: EINTR), and a dead
 * driver (EIO).  The late reply is recorded like any other (again.c).
 */
#include "vfs.h"

int suspend(struct vproc *p, int kind, struct filp *f, grant_id_t g,
            uint32_t len, uint32_t done)
{
    if (p->susp.kind == SUSP_NONE)
        p->susp.seq = request_seq();    /* a retry keeps the first number */
    p->susp.kind = kind;
    p->susp.f = f;
    p->susp.grant = g;
    p->susp.len = len;
    p->susp.done = done;
    return EDONTREPLY;
}

void resume(struct vproc *p, int status)
{
    p->susp.kind = SUSP_NONE;
    p->susp.f = 0;
    answer_late(p, status);
    reply(p->ep, status);
}

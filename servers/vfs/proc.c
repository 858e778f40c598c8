/*
 * proc.c - VFS's view of processes: one vproc per endpoint slot, made on
 * the first request of an endpoint (cwd "/", no descriptors, umask 022,
 * the ids of first_id).
 * A slot holding another endpoint belongs to a process that died without
 * PM telling us: it is cleaned up first.  A slot that holds another
 * endpoint is checked against its copy first (mirror.c, vproc_suspect);
 * whoever changes a slot's descriptors, cwd or umask marks it
 * (vproc_changed).  A call held for the sender itself is stale: it is
 * forgotten (forget_stale_call).  Also the descriptor helpers and the
 * late reply to a suspended call.
 */
#include "vfs.h"

struct vproc procs[NR_PROCS] STATE;

int ep_ok(endpoint_t ep)
{
    return ep > 0 && EP_SLOT(ep) < NR_PROCS;
}

void reply(endpoint_t ep, int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = status;
    ipc_sendnb(ep, &m);                 /* it is blocked in ipc_call to us */
}

struct vproc *vproc_find(endpoint_t ep)
{
    struct vproc *p;
    if (!ep_ok(ep))
        return 0;
    p = &procs[EP_SLOT(ep)];
    if (p->ep != ep && p->ep != NONE)
        vproc_suspect(p);
    return p->ep == ep ? p : 0;
}

void vproc_forget(struct vproc *p)
{
    vproc_changed(p);
    vproc_susp_changed(p);
    p->susp.kind = SUSP_NONE;
    for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
        fd_close(p, fd);
    if (p->cwd)
        vnode_put(p->cwd);
    memset(p, 0, sizeof(*p));
    p->ep = NONE;
}

/* A process that sends us a request is not blocked in an earlier call:
 * a call held for it was sent with a raw IPC_SEND, and must not outlive
 * the descriptor it names (the sender may close it now). */
static void forget_stale_call(struct vproc *p)
{
    printf("vfs: endpoint %d sent a request while we held one for it: the held one is "
           "forgotten\n", p->ep);
    memset(&p->susp, 0, sizeof(p->susp));
    vproc_susp_changed(p);
}

/* The ids of a slot made for ep: PM's calls (fork copies the parent's
 * afterwards; exec of init) and services are root; a user process that
 * turns up by itself (its slot was dropped) is nobody, never root. */
static int32_t first_id(endpoint_t ep, int by_pm)
{
    struct sys_procinfo pi;
    if (by_pm)
        return 0;
    return sys_procinfo(EP_SLOT(ep), &pi) == OK && pi.ep == ep && !(pi.flags & PI_USER)
               ? 0 : VFS_NOBODY;
}

static struct vproc *get(endpoint_t ep, int by_pm)
{
    struct vproc *p;
    if (!ep_ok(ep))
        return 0;
    p = &procs[EP_SLOT(ep)];
    if (p->ep != ep && p->ep != NONE)
        vproc_suspect(p);
    if (p->ep == ep) {
        if (!by_pm && p->susp.kind != SUSP_NONE)
            forget_stale_call(p);
        return p;
    }
    vproc_changed(p);
    if (p->ep != NONE && p->ep != 0)
        vproc_forget(p);                /* a dead process's slot */
    memset(p, 0, sizeof(*p));
    if (mount_root() != OK)
        return 0;
    p->ep = ep;
    p->umask = 022;
    p->uid = p->gid = first_id(ep, by_pm);
    p->cwd = mounts[0].root;
    vnode_hold(p->cwd);
    return p;
}

struct vproc *vproc_get(endpoint_t ep)
{
    return get(ep, 0);
}

struct vproc *vproc_get_for_pm(endpoint_t ep)
{
    return get(ep, 1);
}

int fd_free_slot(struct vproc *p, int from)
{
    for (int fd = from; fd < VFS_OPEN_MAX; fd++)
        if (!p->fd[fd])
            return fd;
    return -EMFILE;
}

struct filp *fd_filp(struct vproc *p, int fd)
{
    if (fd < 0 || fd >= VFS_OPEN_MAX)
        return 0;
    return p->fd[fd];
}

void fd_close(struct vproc *p, int fd)
{
    struct filp *f = p->fd[fd];
    if (!f)
        return;
    vproc_changed(p);
    p->fd[fd] = 0;
    p->cloexec[fd] = 0;
    filp_put(f);
}

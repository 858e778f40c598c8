/*
 * inherit.c - a restarted VFS and the tables it inherited from its state
 * region: processes with their descriptors and cwds, open files with
 * their positions, vnodes, pipes with their bytes, mounts, last answers.
 * Nothing is served from them before they pass, in this order:
 *   1. shape: every pointer names an entry of its table (or is 0) and
 *      every number is in range.  A process slot that fails is mended
 *      from its copy (mirror.c), or if that is bad too dropped alone
 *      (that process loses its descriptors and cwd: its next call finds
 *      a fresh slot, cwd "/"); a failure in any other table drops
 *      all tables: VFS starts fresh and says why (descriptors are lost,
 *      files stay in ramfs).  Either way what was dropped is said;
 *   2. calls: each suspended caller got EDEADSRCDST when VFS died and will
 *      send its call again (again.c); a pipe write that had moved bytes
 *      keeps that count for its repeat, the rest is forgotten;
 *   3. counts: filp refs, vnode refs and pipe readers/writers are counted
 *      again from what names them (check.c, counts_fix);
 *   4. processes: one that ended while VFS was away (the kernel's process
 *      table is the primary source) is closed now, as its exit would have.
 * Bounded: a few passes over fixed tables, no call that can wait for a
 * client.
 */
#include "vfs.h"

static int in_use(const struct vproc *p)
{
    return p->ep != NONE;
}

static const char *vnode_shape(const struct vnode *vp)
{
    if (vp->refs < 0)
        return "a vnode with a negative count";
    if (vp->pipe)
        return pipe_index(vp->pipe) < 0 ? "a vnode naming no pipe" : 0;
    if (vp->refs && (vp->mnt < 0 || vp->mnt >= NR_MOUNTS || !mounts[vp->mnt].used))
        return "a vnode on no mount";
    return 0;
}

const char *vproc_shape(int slot, const struct vproc *p)
{
    if (!ep_ok(p->ep) || EP_SLOT(p->ep) != slot)
        return "a process in the wrong slot";
    if (!p->cwd || vnode_index(p->cwd) < 0)
        return "a bad current directory";
    if (p->pgrp < 0 || p->sid < 0 || (p->leader & ~1))
        return "a bad group or session";
    for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
        if (p->fd[fd] && (filp_index(p->fd[fd]) < 0 || !p->fd[fd]->vp))
            return "a descriptor naming no open file";
    if (p->susp.kind < SUSP_NONE || p->susp.kind > SUSP_LAST)
        return "a suspended call of no known kind";
    if (p->susp.kind != SUSP_NONE && SUSP_ON_FILE(p->susp.kind) &&
        (!p->susp.f || filp_index(p->susp.f) < 0))
        return "a suspended call on no open file";
    return 0;
}

static const char *shape_check(void)
{
    const char *why;
    for (int i = 0; i < NR_FILPS; i++) {
        struct filp *f = filp_at(i);
        if (f->refs < 0 || (f->vp && vnode_index(f->vp) < 0))
            return "an open file naming no vnode";
    }
    for (int i = 0; i < NR_VNODES; i++)
        if ((why = vnode_shape(vnode_at(i))))
            return why;
    for (int i = 0; i < NR_PIPES; i++) {
        struct pipe *pp = pipe_at(i);
        if (pp->head >= PIPE_SIZE || pp->count > PIPE_SIZE)
            return "a pipe with its bytes out of range";
    }
    for (int i = 0; i < NR_MOUNTS; i++) {
        struct mount *mt = &mounts[i];
        if (mt->used && (strnlen(mt->label, sizeof(mt->label)) == sizeof(mt->label) ||
                         !mt->root || vnode_index(mt->root) < 0 ||
                         (mt->covered && vnode_index(mt->covered) < 0)))
            return "a mount without its root";
    }
    return 0;
}

static void calls_forget(void)
{
    for (int i = 0; i < NR_PROCS; i++) {
        struct vproc *p = &procs[i];
        p->partial_seq = p->partial_done = 0;
        if (in_use(p) && p->susp.kind == SUSP_PIPE_WRITE && p->susp.done) {
            p->partial_seq = p->susp.seq;
            p->partial_done = p->susp.done;
        }
        memset(&p->susp, 0, sizeof(p->susp));
    }
}

static int alive(endpoint_t ep)
{
    struct sys_procinfo pi;
    return sys_procinfo(EP_SLOT(ep), &pi) == OK && pi.ep == ep && !(pi.flags & PI_FREE);
}

static void drop_all(void)
{
    for (int i = 0; i < NR_PROCS; i++) {
        memset(&procs[i], 0, sizeof(procs[i]));
        procs[i].ep = NONE;
    }
    for (int i = 0; i < NR_FILPS; i++)
        memset(filp_at(i), 0, sizeof(struct filp));
    for (int i = 0; i < NR_VNODES; i++)
        memset(vnode_at(i), 0, sizeof(struct vnode));
    for (int i = 0; i < NR_PIPES; i++)
        pipe_drop(pipe_at(i));
    memset(mounts, 0, sizeof(mounts));
}

int vfs_inherit(const struct sef_init *info)
{
    const char *why = !info->state_pages ? "nothing was kept" : shape_check();
    int fixed, ended = 0, kept = 0;
    if (!why)
        vprocs_mend("vfs: restarted");
    if (why) {
        printf("vfs: restarted (%d restarts): tables dropped (%s)\n", info->restarts, why);
        drop_all();
        mirror_save_all();
        return 1;
    }
    calls_forget();
    fixed = counts_fix();
    for (int i = 0; i < NR_MOUNTS; i++)
        mounts[i].ep = NONE;                /* a file system may have restarted too */
    for (int i = 0; i < NR_PROCS; i++) {
        if (!in_use(&procs[i]))
            continue;
        if (alive(procs[i].ep)) {
            kept++;
        } else {
            vproc_forget(&procs[i]);
            ended++;
        }
    }
    mirror_save_all();
    printf("vfs: restarted (%d restarts): %d processes kept, %d ended while away, "
           "%d counts fixed\n", info->restarts, kept, ended, fixed);
    return 0;
}

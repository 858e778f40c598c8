/*
 * check.c - VFS's counts, checked against what they count (vfs.h's
 * invariants): a filp's refs against the descriptors naming it, a vnode's
 * against the filps, cwds and mounts naming it, a pipe's readers and
 * writers against the filps on its two ends.  counts_fix counts again
 * from the processes down, fixes every count that differs and lets go of
 * an entry nothing names (its file-system reference too).  It runs when
 * a restarted VFS inherits its tables (inherit.c) and on every RS
 * heartbeat (vfs_check), between requests, so a wrong count cannot keep
 * a file open for ever or close it under a descriptor.  The heartbeat
 * mends or drops process slots of a wrong shape first (mirror.c), as a
 * restart does: counts_fix reads only pointers that name table entries.  vfs_corrupt, for
 * `service fi vfs corrupt`, raises one open file's count.
 */
#include "vfs.h"

static int frefs[NR_FILPS], vrefs[NR_VNODES], readers[NR_PIPES], writers[NR_PIPES];

/* What names each entry, from the processes down. */
static void tally(void)
{
    memset(frefs, 0, sizeof(frefs));
    memset(vrefs, 0, sizeof(vrefs));
    memset(readers, 0, sizeof(readers));
    memset(writers, 0, sizeof(writers));
    for (int i = 0; i < NR_PROCS; i++) {
        struct vproc *p = &procs[i];
        if (p->ep == NONE || vnode_index(p->cwd) < 0)
            continue;                   /* not sound: vprocs_mend's */
        vrefs[vnode_index(p->cwd)]++;
        for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
            if (filp_index(p->fd[fd]) >= 0)
                frefs[filp_index(p->fd[fd])]++;
    }
    for (int i = 0; i < NR_FILPS; i++) {
        struct filp *f = filp_at(i);
        if (!frefs[i] || vnode_index(f->vp) < 0)
            continue;
        vrefs[vnode_index(f->vp)]++;
        if (f->vp->pipe && pipe_index(f->vp->pipe) >= 0) {
            readers[pipe_index(f->vp->pipe)] += can_read(f);
            writers[pipe_index(f->vp->pipe)] += can_write(f);
        }
    }
    for (int i = 0; i < NR_MOUNTS; i++) {
        if (!mounts[i].used)
            continue;
        vrefs[vnode_index(mounts[i].root)]++;
        if (mounts[i].covered)
            vrefs[vnode_index(mounts[i].covered)]++;
    }
}

int counts_fix(void)
{
    int fixed = 0;
    tally();
    for (int i = 0; i < NR_FILPS; i++) {
        struct filp *f = filp_at(i);
        fixed += f->refs != frefs[i];
        f->refs = frefs[i];
        if (!frefs[i])
            f->vp = 0;
    }
    for (int i = 0; i < NR_VNODES; i++) {
        struct vnode *vp = vnode_at(i);
        if (vp->refs == vrefs[i])
            continue;
        fixed++;
        if (!vp->pipe && !vrefs[i])
            fs_ref(vp->mnt, vp->ino, -1);   /* nothing names it: let go */
        else if (!vp->pipe && !vp->refs)
            fs_ref(vp->mnt, vp->ino, 1);    /* named but marked free */
        vp->refs = vrefs[i];
        if (!vrefs[i])
            vp->pipe = 0;
    }
    for (int i = 0; i < NR_PIPES; i++) {
        struct pipe *pp = pipe_at(i);
        int named = readers[i] + writers[i] > 0;
        fixed += pp->readers != readers[i] || pp->writers != writers[i] || pp->used != named;
        if (!named) {
            if (pp->used)
                pipe_drop(pp);
            continue;
        }
        pp->used = 1;
        pp->readers = readers[i];
        pp->writers = writers[i];
    }
    return fixed;
}

void vfs_check(void)
{
    int fixed;
    vprocs_mend("vfs: self-check");     /* the counts are taken from sound slots only */
    fixed = counts_fix();
    if (fixed)
        printf("vfs: self-check: counts fixed (%d)\n", fixed);
}

void vfs_corrupt(void)
{
    uint32_t from = sys_uptime();
    for (int k = 0; k < NR_FILPS; k++) {
        struct filp *f = filp_at((int)((from + k) % NR_FILPS));
        if (f->refs > 0) {
            f->refs += 3;
            printf("vfs: corrupt: open file %d counts %d references\n", filp_index(f), f->refs);
            return;
        }
    }
    printf("vfs: corrupt: no open file\n");
}

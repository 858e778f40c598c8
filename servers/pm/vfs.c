/*
 * vfs.c - what PM tells VFS about processes (proto/vfs.h, VFS_PM_*):
 * fork (copy the descriptors), exit (close them), exec (read the file
 * into PM's buffer; close FD_CLOEXEC descriptors once the exec is done)
 * signals (end a call the process is suspended in, with EINTR, or
 * ERESTART when it was stopped) and
 * changes of the effective uid or gid (VFS's permission checks) and of
 * the group or session (job control at the terminals).
 * Without a VFS in the system (tests that start PM alone) there is
 * nothing to tell, and exec finds no files.  A call that meets a dead VFS
 * is made again to the restarted one, which kept its tables.
 */
#include "pm.h"
#include "proto/vfs.h"

static endpoint_t vfs_ep(void)
{
    endpoint_t ep;
    return sys_lookup("vfs", &ep) == OK ? ep : NONE;
}

/* VFS died with (or before) our call: RS restarts it with its tables at
 * once (a tick); wait for it at most VFS_WAIT ticks, well inside PM's own
 * heartbeat period. */
#define VFS_WAIT 10

static int call_at(endpoint_t vfs, int type, const struct vfs_pm_req *rq)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    *MSG_BODY(&m, struct vfs_pm_req) = *rq;
    r = ipc_call(vfs, &m);
    return ipc_dead(r) ? -EDEADSRCDST : r != OK ? -EIO : m.m_type;
}

/* One VFS_PM_* call; the reply's status (VFS gone: EIO).  Every one of
 * them may be made twice (a fork already done answers EEXIST), so one
 * that met a dead VFS goes to the restarted one. */
static int call(int type, const struct vfs_pm_req *rq)
{
    endpoint_t vfs = vfs_ep();
    int r;
    if (vfs == NONE)
        return -ENOSYS;
    r = call_at(vfs, type, rq);
    if (r == -EDEADSRCDST && (vfs = sys_lookup_new("vfs", vfs, VFS_WAIT)) != NONE) {
        r = call_at(vfs, type, rq);
        if (type == VFS_PM_FORK && r == -EEXIST)
            r = OK;                     /* the old VFS had done it */
    }
    return r == -EDEADSRCDST ? -EIO : r;
}

int vfs_fork(endpoint_t parent, endpoint_t child)
{
    struct vfs_pm_req rq = { .ep = parent, .ep2 = child };
    int r = call(VFS_PM_FORK, &rq);
    return r == -ENOSYS ? OK : r;
}

void vfs_exit(endpoint_t ep)
{
    struct vfs_pm_req rq = { .ep = ep };
    call(VFS_PM_EXIT, &rq);
}

/* Read the file 'path' (relative to ep's cwd; ep NONE: PM's, i.e. /)
 * into buf; its size or a negative error. */
static int exec_read_at(endpoint_t vfs, struct vfs_pm_req *rq, const char *path,
                        void *buf, uint32_t size)
{
    int r;
    rq->grant = grant_create(vfs, path, rq->len, GRANT_READ);
    rq->grant2 = grant_create(vfs, buf, size, GRANT_WRITE);
    r = rq->grant < 0 ? rq->grant : rq->grant2 < 0 ? rq->grant2 : call_at(vfs, VFS_PM_EXEC, rq);
    if (rq->grant >= 0)
        grant_revoke(rq->grant);
    if (rq->grant2 >= 0)
        grant_revoke(rq->grant2);
    return r;
}

int vfs_exec_read(endpoint_t ep, const char *path, void *buf, uint32_t size)
{
    struct vfs_pm_req rq;
    endpoint_t vfs = vfs_ep();
    int r;
    if (vfs == NONE)
        return -ENOENT;
    if (ep == NONE && sys_self(&ep, 0) != OK)
        return -EIO;
    memset(&rq, 0, sizeof(rq));
    rq.ep = ep;
    rq.len = strlen(path) + 1;             /* with its NUL */
    rq.len2 = size;
    r = exec_read_at(vfs, &rq, path, buf, size);
    if (r == -EDEADSRCDST && (vfs = sys_lookup_new("vfs", vfs, VFS_WAIT)) != NONE)
        r = exec_read_at(vfs, &rq, path, buf, size);   /* reading twice is harmless */
    return r == -EDEADSRCDST ? -EIO : r;
}

void vfs_exec_done(endpoint_t ep)
{
    struct vfs_pm_req rq = { .ep = ep };
    call(VFS_PM_EXECDONE, &rq);
}

void vfs_unpause(endpoint_t ep)
{
    struct vfs_pm_req rq = { .ep = ep };
    call(VFS_PM_UNPAUSE, &rq);
}

/* ep was stopped: a call it is suspended in ends ERESTART, and libc makes
 * it again once ep runs (stop.c). */
void vfs_stopped(endpoint_t ep)
{
    struct vfs_pm_req rq = { .ep = ep, .restart = 1 };
    call(VFS_PM_UNPAUSE, &rq);
}

/* ep's effective ids changed: VFS checks file permissions with them. */
int vfs_ids(endpoint_t ep, int uid, int gid)
{
    struct vfs_pm_req rq = { .ep = ep, .uid = uid, .gid = gid };
    int r = call(VFS_PM_SETIDS, &rq);
    return r == -ENOSYS ? OK : r;
}

/* ep's group or session changed: the terminals' job control sees it. */
void vfs_pgrp(endpoint_t ep, int pgrp, int sid, int leader)
{
    struct vfs_pm_req rq = { .ep = ep, .pgrp = pgrp, .sid = sid, .leader = leader };
    call(VFS_PM_SETPGRP, &rq);
}

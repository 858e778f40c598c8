/*
 * pm.c - the calls only the process manager may make (anybody else gets
 * EPERM): fork, exit, exec, execdone, unpause, setids, setpgrp.  PM is the service labelled
 * "pm" (tests name another with the kernel argument vfs_pm=<label>).
 * Every endpoint is checked before anything changes.
 */
#include "vfs.h"

#define PMREQ(m) MSG_BODY(m, struct vfs_pm_req)

static int from_pm(const message *m)
{
    char label[16];
    endpoint_t pm;
    if (sys_getarg("vfs_pm", label, sizeof(label)) != OK)
        strlcpy(label, "pm", sizeof(label));
    return sys_lookup(label, &pm) == OK && pm == m->m_source;
}

int do_pm_fork(message *m)
{
    struct vproc *parent, *child;
    endpoint_t pe = PMREQ(m)->ep, ce = PMREQ(m)->ep2;
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(pe) || !ep_ok(ce) || EP_SLOT(pe) == EP_SLOT(ce))
        return -EINVAL;
    if (vproc_find(ce))
        return -EEXIST;
    if (!(parent = vproc_get_for_pm(pe)) || !(child = vproc_get_for_pm(ce)))
        return -EIO;
    vproc_changed(child);
    for (int fd = 0; fd < VFS_OPEN_MAX; fd++) {
        if (parent->fd[fd]) {
            child->fd[fd] = parent->fd[fd];
            child->fd[fd]->refs++;
            child->cloexec[fd] = parent->cloexec[fd];
        }
    }
    vnode_hold(parent->cwd);
    vnode_put(child->cwd);
    child->cwd = parent->cwd;
    child->umask = parent->umask;
    child->uid = parent->uid;
    child->gid = parent->gid;
    child->pgrp = parent->pgrp;
    child->sid = parent->sid;
    child->leader = 0;
    return OK;
}

int do_pm_exit(message *m)
{
    struct vproc *p;
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(PMREQ(m)->ep))
        return -EINVAL;
    if ((p = vproc_find(PMREQ(m)->ep)))
        vproc_forget(p);
    return OK;
}

/* Copy the whole regular file l into PM's buffer (grant g, size len). */
static int copy_image(const message *m, const struct loc *l, grant_id_t g, uint32_t len)
{
    message fm;
    struct fs_req *rq = MSG_BODY(&fm, struct fs_req);
    uint32_t done = 0;
    if (l->st.size > len)
        return -ENOMEM;
    while (done < l->st.size) {
        uint32_t n = l->st.size - done < IO_CHUNK ? l->st.size - done : IO_CHUNK;
        int r;
        memset(&fm, 0, sizeof(fm));
        fm.m_type = FS_READ;
        rq->ino = l->st.ino;
        rq->pos = done;
        rq->len = n;
        if ((r = fs_call(l->mnt, &fm, iobuf, n, GRANT_WRITE)) < 0)
            return r;
        if (r == 0)
            break;
        if (sys_safecopyto(m->m_source, g, done, iobuf, r) != OK)
            return -EFAULT;
        done += r;
    }
    return (int)done;
}

int do_pm_exec(message *m)
{
    char path[VFS_PATH_MAX];
    struct vfs_pm_req *rq = PMREQ(m);
    struct vproc *p;
    struct loc l;
    int r;
    if (!from_pm(m))
        return -EPERM;
    if (!(p = vproc_get(rq->ep)))        /* a slot made now: by its own ids' rule, never root */
        return -EINVAL;
    if ((r = get_path(m->m_source, rq->grant, rq->len, path)) != OK ||
        (r = resolve(p, path, &l)) != OK)
        return r;
    if (!IS_TYPE(l.st.mode, VFS_S_IFREG) || (r = vfs_may(p, &l.st, VFS_X_OK)) != OK)
        return -EACCES;
    return copy_image(m, &l, rq->grant2, rq->len2);
}

int do_pm_execdone(message *m)
{
    struct vproc *p;
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(PMREQ(m)->ep))
        return -EINVAL;
    if (!(p = vproc_find(PMREQ(m)->ep)))
        return OK;
    memset(&p->last, 0, sizeof(p->last));   /* the new program numbers from 1 */
    for (int fd = 0; fd < VFS_OPEN_MAX; fd++)
        if (p->cloexec[fd])
            fd_close(p, fd);
    return OK;
}

int do_pm_unpause(message *m)
{
    struct vproc *p;
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(PMREQ(m)->ep))
        return -EINVAL;
    if ((p = vproc_find(PMREQ(m)->ep)) && p->susp.kind != SUSP_NONE)
        resume(p, p->susp.kind == SUSP_PIPE_WRITE && p->susp.done ? (int)p->susp.done
                  : PMREQ(m)->restart ? -ERESTART : -EINTR);
    return OK;
}

int do_pm_setids(message *m)
{
    struct vproc *p;
    int32_t uid = PMREQ(m)->uid, gid = PMREQ(m)->gid;
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(PMREQ(m)->ep) || uid < 0 || uid > VFS_ID_MAX || gid < 0 || gid > VFS_ID_MAX)
        return -EINVAL;
    if (!(p = vproc_get_for_pm(PMREQ(m)->ep)))
        return -EIO;
    vproc_changed(p);
    p->uid = uid;
    p->gid = gid;
    return OK;
}

int do_pm_setpgrp(message *m)
{
    struct vproc *p;
    struct vfs_pm_req *rq = PMREQ(m);
    if (!from_pm(m))
        return -EPERM;
    if (!ep_ok(rq->ep) || rq->pgrp <= 0 || rq->sid <= 0 || (rq->leader & ~1))
        return -EINVAL;
    if (!(p = vproc_get_for_pm(rq->ep)))
        return -EIO;
    vproc_changed(p);
    p->pgrp = rq->pgrp;
    p->sid = rq->sid;
    p->leader = rq->leader;
    return OK;
}

/*
 * symlink.c - making and reading symbolic links: symlink, readlink.  A
 * link's target is stored as given (1..VFS_PATH_MAX-1 characters, never
 * resolved when made); path.c follows links when it walks.  symlink
 * needs w and x on the directory of the new name, which must not exist
 * (EEXIST, also for a dangling link); readlink looks at the last
 * component itself (EINVAL if it is not a link) and hands out at most
 * the caller's buffer, without a NUL.
 */
#include "vfs.h"

/* Send FS_SYMLINK: the name and the target, one after the other, in one
 * grant (proto/fs.h). */
static int fs_symlink(struct vproc *p, const struct loc *dir, const char *name,
                      const char *target)
{
    static char both[VFS_NAME_MAX + VFS_PATH_MAX];
    message fm;
    struct fs_req *rq = MSG_BODY(&fm, struct fs_req);
    uint32_t nl = strlen(name), tl = strlen(target);
    memcpy(both, name, nl);
    memcpy(both + nl, target, tl);
    memset(&fm, 0, sizeof(fm));
    fm.m_type = FS_SYMLINK;
    rq->ino = dir->st.ino;
    rq->len1 = nl;
    rq->len = nl + tl;
    rq->mode = 0777;
    rq->uid = (uint32_t)p->uid;
    rq->gid = (uint32_t)p->gid;
    return fs_call(dir->mnt, &fm, both, nl + tl, GRANT_READ);
}

int do_symlink(message *m)
{
    char target[VFS_PATH_MAX], path[VFS_PATH_MAX], name[VFS_NAME_MAX + 1];
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    struct loc dir, l;
    int trailing, r;
    if (!p)
        return -EIO;
    if ((r = get_path(m->m_source, rq->grant, rq->len, target)) != OK ||
        (r = get_path(m->m_source, rq->grant2, rq->len2, path)) != OK ||
        (r = resolve_parent(p, path, &dir, name, &trailing)) != OK)
        return r;
    if (!name[0] || is_dotname(name))
        return -EEXIST;
    if (trailing) {                     /* "name/" names a directory: never a new link */
        l = dir;
        return step(&l, name, strlen(name)) == OK ? -EEXIST : -ENOENT;
    }
    if ((r = vfs_may(p, &dir.st, VFS_W_OK | VFS_X_OK)) != OK)
        return r;
    return fs_symlink(p, &dir, name, target);
}

int do_readlink(message *m)
{
    char path[VFS_PATH_MAX], target[VFS_PATH_MAX];
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    struct loc l;
    int n, r;
    if (!p)
        return -EIO;
    if (rq->len2 == 0)
        return -EINVAL;
    if ((r = get_path(m->m_source, rq->grant, rq->len, path)) != OK ||
        (r = resolve_from(p, 0, path, 0, &l)) != OK)
        return r;
    if (!IS_TYPE(l.st.mode, VFS_S_IFLNK))
        return -EINVAL;
    if ((n = read_link(&l, target)) < 0)
        return n;
    if ((uint32_t)n > rq->len2)
        n = (int)rq->len2;
    r = sys_safecopyto(m->m_source, rq->grant2, 0, target, (uint32_t)n);
    return r == OK ? n : r;
}

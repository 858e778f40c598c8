/*
 * dir.c - the working directory and directory listings: chdir, getcwd,
 * getdents.  getcwd walks up from the cwd through "..", finding each
 * directory's name in its parent by inode number, so it stays right
 * after renames; a cwd that was removed answers ENOENT.  getdents hands
 * out whole struct vfs_dirent records; the open file's position is the
 * file system's cookie.
 */
#include "vfs.h"

int do_chdir(message *m)
{
    struct vproc *p;
    struct vnode *vp;
    struct loc l;
    int r;
    if ((r = resolve_req(m, &p, 1, &l)) != OK)
        return r;
    if (!IS_TYPE(l.st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    if ((r = vfs_may(p, &l.st, VFS_X_OK)) != OK)
        return r;
    if (!(vp = vnode_get(&l)))
        return -ENFILE;
    vnode_put(p->cwd);
    vproc_changed(p);
    p->cwd = vp;
    return OK;
}

/* Find the name of inode ino in directory dir. */
static int name_in(const struct loc *dir, uint32_t ino, char *name)
{
    message m;
    struct fs_req *rq = MSG_BODY(&m, struct fs_req);
    uint32_t cookie = 0;
    int n;
    do {
        memset(&m, 0, sizeof(m));
        m.m_type = FS_GETDENTS;
        rq->ino = dir->st.ino;
        rq->pos = cookie;
        rq->len = IO_CHUNK;
        if ((n = fs_call(dir->mnt, &m, iobuf, IO_CHUNK, GRANT_WRITE)) < 0)
            return n;
        cookie = rq->pos;
        for (int off = 0; off + (int)sizeof(struct vfs_dirent) <= n;
             off += sizeof(struct vfs_dirent)) {
            struct vfs_dirent *d = (struct vfs_dirent *)(void *)(iobuf + off);
            if (d->ino == ino && !is_dotname(d->name)) {
                strlcpy(name, d->name, VFS_NAME_MAX + 1);
                return OK;
            }
        }
    } while (n > 0);
    return -ENOENT;
}

static int at_root(const struct loc *l)
{
    return l->mnt == 0 && l->st.ino == mounts[0].root->ino;
}

/* The path of directory l from "/", walking up through "..". */
int dir_path(const struct loc *l, char *out)
{
    char path[VFS_PATH_MAX], name[VFS_NAME_MAX + 1];
    uint32_t start = VFS_PATH_MAX - 1, len;
    struct loc cur = *l, up;
    int r;
    path[start] = '\0';
    for (int depth = 0; !at_root(&cur); depth++) {
        up = cur;
        if (depth >= VFS_PATH_MAX / 2 || (r = step(&up, "..", 2)) != OK ||
            (r = name_in(&up, cur.st.ino, name)) != OK)
            return depth >= VFS_PATH_MAX / 2 ? -ENAMETOOLONG : r;
        len = strlen(name);
        if (len + 1 > start)
            return -ENAMETOOLONG;
        start -= len;
        memcpy(path + start, name, len);
        path[--start] = '/';
        cur = up;
    }
    if (start == VFS_PATH_MAX - 1)
        path[--start] = '/';
    memcpy(out, path + start, VFS_PATH_MAX - start);
    return OK;
}

int do_getcwd(message *m)
{
    char path[VFS_PATH_MAX];
    struct vproc *p = vproc_get(m->m_source);
    struct loc cur;
    uint32_t len;
    int r;
    if (!p)
        return -EIO;
    vnode_loc(p->cwd, &cur);
    if ((r = dir_path(&cur, path)) != OK)
        return r;
    len = strlen(path) + 1;
    if (len > REQ(m)->len)
        return -ERANGE;
    r = sys_safecopyto(m->m_source, REQ(m)->grant, 0, path, len);
    return r == OK ? (int)len : r;
}

int do_getdents(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = p ? fd_filp(p, REQ(m)->fd) : 0;
    message fm;
    struct fs_req *rq = MSG_BODY(&fm, struct fs_req);
    uint32_t len = REQ(m)->len;
    int n, r;
    if (!f || !can_read(f))
        return -EBADF;
    if (!IS_TYPE(f->vp->mode, VFS_S_IFDIR))
        return -ENOTDIR;
    if (len < sizeof(struct vfs_dirent))
        return -EINVAL;
    if (len > IO_CHUNK)
        len = IO_CHUNK;
    len -= len % sizeof(struct vfs_dirent);
    memset(&fm, 0, sizeof(fm));
    fm.m_type = FS_GETDENTS;
    rq->ino = f->vp->ino;
    rq->pos = f->pos;
    rq->len = len;
    if ((n = fs_call(f->vp->mnt, &fm, iobuf, len, GRANT_WRITE)) <= 0)
        return n;
    if ((r = sys_safecopyto(m->m_source, REQ(m)->grant, 0, iobuf, n)) != OK)
        return r;
    f->pos = rq->pos;
    return n;
}

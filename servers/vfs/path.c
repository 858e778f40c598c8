/*
 * path.c - path names: fetching one from a client's grant and resolving
 * it component by component from "/" or the process's cwd.  Repeated
 * slashes count as one; "." stays; ".." at the root of "/" stays, at the
 * root of another mount leaves it through the directory it covers.  A
 * component longer than VFS_NAME_MAX is ENAMETOOLONG, a path of
 * VFS_PATH_MAX bytes or more (NUL included) too; walking through a
 * non-directory is ENOTDIR; a trailing slash requires a directory.
 * Searching a directory needs x permission (perm.c): EACCES.
 *
 * Symbolic links: a link met in the middle of a path, or at its end
 * when the caller follows (and always before a trailing slash), is
 * replaced by its target, which is walked from the link's directory
 * (relative) or from "/" (absolute), then the rest of the path.  At most
 * VFS_SYMLOOP_MAX links are followed in one walk (ELOOP); a target plus
 * the rest longer than a path is ENAMETOOLONG.  Reading a link needs no
 * permission.  The path being walked is the walker's own copy.
 */
#include "vfs.h"

int get_path(endpoint_t who, grant_id_t g, uint32_t len, char *buf)
{
    int r;
    if (len == 0)
        return -EINVAL;
    if (len > VFS_PATH_MAX)
        return -ENAMETOOLONG;
    if ((r = sys_safecopyfrom(who, g, 0, buf, len)) != OK)
        return r;
    if (memchr_nul(buf, len) < 0)
        return -EINVAL;
    return buf[0] ? OK : -ENOENT;
}

int is_dotname(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

static int mount_of_root(const struct loc *cur)
{
    for (int i = 0; i < NR_MOUNTS; i++)
        if (mounts[i].used && mounts[i].root && i == cur->mnt &&
            mounts[i].root->ino == cur->st.ino)
            return i;
    return -1;
}

static void cross_into_mount(struct loc *cur)
{
    for (int i = 1; i < NR_MOUNTS; i++) {
        struct vnode *c = mounts[i].covered;
        if (mounts[i].used && c && c->mnt == cur->mnt && c->ino == cur->st.ino) {
            vnode_loc(mounts[i].root, cur);
            fs_getattr(cur->mnt, cur->st.ino, &cur->st);    /* owner and mode, fresh */
            return;
        }
    }
}

/* One step from directory cur to its entry name[0..len). */
int step(struct loc *cur, const char *name, uint32_t len)
{
    char comp[VFS_NAME_MAX + 1];
    message m;
    int r, root;
    if (!IS_TYPE(cur->st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    if (len > VFS_NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(comp, name, len);
    comp[len] = '\0';
    if (strcmp(comp, ".") == 0)
        return OK;
    if (strcmp(comp, "..") == 0 && (root = mount_of_root(cur)) >= 0) {
        if (!mounts[root].covered)
            return OK;                  /* ".." of "/" is "/" */
        vnode_loc(mounts[root].covered, cur);
    }
    memset(&m, 0, sizeof(m));
    if ((r = fs_name(cur->mnt, FS_LOOKUP, cur->st.ino, comp, &m)) != OK)
        return r;
    cur->st = *MSG_BODY(&m, struct vfs_stat);
    cross_into_mount(cur);
    return OK;
}

static void start_loc(struct vproc *p, const struct loc *base, const char *path,
                      struct loc *cur)
{
    if (path[0] == '/')
        vnode_loc(mounts[0].root, cur);
    else if (base)
        *cur = *base;
    else
        vnode_loc(p->cwd, cur);
}

/* The target of the symbolic link at l into buf (VFS_PATH_MAX bytes,
 * NUL-terminated): its length, or an error. */
int read_link(const struct loc *l, char *buf)
{
    static char got[VFS_PATH_MAX];
    message m;
    struct fs_req *rq = MSG_BODY(&m, struct fs_req);
    int n;
    memset(&m, 0, sizeof(m));
    m.m_type = FS_READLINK;
    rq->ino = l->st.ino;
    rq->len = VFS_PATH_MAX - 1;
    n = fs_call(l->mnt, &m, got, VFS_PATH_MAX - 1, GRANT_WRITE);
    if (n < 0)
        return n;
    if (n == 0 || n >= VFS_PATH_MAX || memchr_nul(got, (uint32_t)n) >= 0)
        return -EIO;                    /* no target a link may have */
    memcpy(buf, got, (uint32_t)n);
    buf[n] = '\0';
    return n;
}

/* Put the target of the link at l in place of path[0..at): the rest of
 * the path follows it. */
static int splice(const struct loc *l, char *path, uint32_t at)
{
    char target[VFS_PATH_MAX];
    uint32_t rest = strlen(path + at);
    int n = read_link(l, target);
    if (n < 0)
        return n;
    if ((uint32_t)n + rest >= VFS_PATH_MAX)
        return -ENAMETOOLONG;
    memmove(path + n, path + at, rest + 1);
    memcpy(path, target, (uint32_t)n);
    return OK;
}

/* Where a link's target starts: "/" for an absolute one, else the link's
 * directory dir (whose attributes are at hand). */
static int restart(struct vproc *p, const char *path, const struct loc *dir,
                   struct loc *cur)
{
    if (path[0] != '/') {
        *cur = *dir;
        return OK;
    }
    vnode_loc(mounts[0].root, cur);
    return p->uid != 0 ? fs_getattr(cur->mnt, cur->st.ino, &cur->st) : OK;
}

/* Walk path (a buffer of VFS_PATH_MAX bytes the walk may rewrite) from
 * cur; cur gets the result.  A link at the end is followed when 'follow'
 * says so, or a slash comes after it.  Each directory searched needs
 * p's x permission (root needs none); the start's owner and mode are
 * fetched for that, the rest come with each step's lookup. */
static int walk(struct vproc *p, struct loc *cur, char *path, int follow)
{
    uint32_t i = 0, j, k;
    int links = 0, r;
    struct loc dir;
    if (p->uid != 0 && (r = fs_getattr(cur->mnt, cur->st.ino, &cur->st)) != OK)
        return r;
    for (;;) {
        while (path[i] == '/')
            i++;
        if (!path[i])
            return OK;
        for (j = i; path[j] && path[j] != '/'; j++)
            ;
        for (k = j; path[k] == '/'; k++)
            ;
        if (p->uid != 0 && IS_TYPE(cur->st.mode, VFS_S_IFDIR) &&
            (r = vfs_may(p, &cur->st, VFS_X_OK)) != OK)
            return r;
        dir = *cur;
        if ((r = step(cur, path + i, j - i)) != OK)
            return r;
        i = j;
        if (!IS_TYPE(cur->st.mode, VFS_S_IFLNK) || (!path[k] && k == j && !follow))
            continue;
        if (++links > VFS_SYMLOOP_MAX)
            return -ELOOP;
        if ((r = splice(cur, path, j)) != OK || (r = restart(p, path, &dir, cur)) != OK)
            return r;
        i = 0;
    }
}

int resolve_from(struct vproc *p, const struct loc *base, const char *path, int follow,
                 struct loc *out)
{
    char buf[VFS_PATH_MAX];
    uint32_t n = strlen(path);
    int r;
    if (n >= VFS_PATH_MAX)
        return -ENAMETOOLONG;
    memcpy(buf, path, n + 1);
    start_loc(p, base, path, out);
    if ((r = walk(p, out, buf, follow)) != OK)
        return r;
    if ((r = fs_getattr(out->mnt, out->st.ino, &out->st)) != OK)
        return r;                       /* the start has no attributes yet */
    if (n > 0 && path[n - 1] == '/' && !IS_TYPE(out->st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    return OK;
}

int resolve(struct vproc *p, const char *path, struct loc *out)
{
    return resolve_from(p, 0, path, 1, out);
}

/* The file named by the path of a client's request (grant, len), a link
 * at the end followed if 'follow', and the client's process in *pp. */
int resolve_req(const message *m, struct vproc **pp, int follow, struct loc *out)
{
    char path[VFS_PATH_MAX];
    int r;
    if (!(*pp = vproc_get(m->m_source)))
        return -EIO;
    if ((r = get_path(m->m_source, REQ(m)->grant, REQ(m)->len, path)) != OK)
        return r;
    return resolve_from(*pp, 0, path, follow, out);
}

/* The directory holding the last component, and that component in name
 * ("" when the path has none, like "/"); *trailing says whether slashes
 * followed it.  Links before the last component are followed; the last
 * one is the caller's to look at. */
int resolve_parent_from(struct vproc *p, const struct loc *base, const char *path,
                        struct loc *dir, char *name, int *trailing)
{
    char buf[VFS_PATH_MAX];
    uint32_t end = strlen(path), start;
    int r;
    if (end >= VFS_PATH_MAX)
        return -ENAMETOOLONG;
    while (end > 0 && path[end - 1] == '/')
        end--;
    *trailing = end < strlen(path);
    for (start = end; start > 0 && path[start - 1] != '/'; start--)
        ;
    if (end - start > VFS_NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(name, path + start, end - start);
    name[end - start] = '\0';
    memcpy(buf, path, start);
    buf[start] = '\0';
    start_loc(p, base, path, dir);
    if ((r = walk(p, dir, buf, 1)) != OK)
        return r;
    if (!IS_TYPE(dir->st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    return OK;
}

int resolve_parent(struct vproc *p, const char *path, struct loc *dir,
                   char *name, int *trailing)
{
    return resolve_parent_from(p, 0, path, dir, name, trailing);
}

/*
 * path.c - path names: fetching one from a client's grant and resolving
 * it component by component from "/" or the process's cwd.  Repeated
 * slashes count as one; "." stays; ".." at the root of "/" stays, at the
 * root of another mount leaves it through the directory it covers.  A
 * component longer than VFS_NAME_MAX is ENAMETOOLONG, a path of
 * VFS_PATH_MAX bytes or more (NUL included) too; walking through a
 * non-directory is ENOTDIR; a trailing slash requires a directory.
 * Searching a directory needs x permission (perm.c): EACCES.
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

static void start_loc(struct vproc *p, const char *path, struct loc *cur)
{
    vnode_loc(path[0] == '/' ? mounts[0].root : p->cwd, cur);
}

/* Walk path[0..end) from the start; the caller's loc gets the result.
 * Each directory searched needs p's x permission (root needs none); the
 * start's owner and mode are fetched for that, the rest come with each
 * step's lookup. */
static int walk(struct vproc *p, struct loc *cur, const char *path, uint32_t end)
{
    uint32_t i = 0;
    int r;
    if (p->uid != 0 && (r = fs_getattr(cur->mnt, cur->st.ino, &cur->st)) != OK)
        return r;
    while (i < end) {
        uint32_t j;
        while (i < end && path[i] == '/')
            i++;
        for (j = i; j < end && path[j] != '/'; j++)
            ;
        if (j > i && p->uid != 0 && IS_TYPE(cur->st.mode, VFS_S_IFDIR) &&
            (r = vfs_may(p, &cur->st, VFS_X_OK)) != OK)
            return r;
        if (j > i && (r = step(cur, path + i, j - i)) != OK)
            return r;
        i = j;
    }
    return OK;
}

int resolve(struct vproc *p, const char *path, struct loc *out)
{
    uint32_t n = strlen(path);
    int r;
    start_loc(p, path, out);
    if ((r = walk(p, out, path, n)) != OK)
        return r;
    if ((r = fs_getattr(out->mnt, out->st.ino, &out->st)) != OK)
        return r;                       /* the start has no attributes yet */
    if (n > 0 && path[n - 1] == '/' && !IS_TYPE(out->st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    return OK;
}

/* The directory holding the last component, and that component in name
 * ("" when the path has none, like "/"); *trailing says whether slashes
 * followed it. */
int resolve_parent(struct vproc *p, const char *path, struct loc *dir,
                   char *name, int *trailing)
{
    uint32_t end = strlen(path), start;
    int r;
    while (end > 0 && path[end - 1] == '/')
        end--;
    *trailing = end < strlen(path);
    for (start = end; start > 0 && path[start - 1] != '/'; start--)
        ;
    if (end - start > VFS_NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(name, path + start, end - start);
    name[end - start] = '\0';
    start_loc(p, path, dir);
    if ((r = walk(p, dir, path, start)) != OK)
        return r;
    if (!IS_TYPE(dir->st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    return OK;
}

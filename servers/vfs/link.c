/*
 * link.c - calls that remove or add names of existing files: unlink,
 * rmdir, link, rename.  VFS resolves the directories and checks what it
 * can know (the names, "/" and the dot names, mounts, EXDEV); the file
 * system checks the rest (ENOTEMPTY, EISDIR...) before changing anything.
 * A symbolic link as the last component is the name acted on (unlink and
 * rename the link itself); link follows it to the file it names.
 */
#include "vfs.h"

/* The parent directory and last name of the path in (grant, len), if
 * the caller may change names in it. */
static int parent(message *m, grant_id_t g, uint32_t len, struct loc *dir,
                  char *name, int *trailing)
{
    char path[VFS_PATH_MAX];
    struct vproc *p = vproc_get(m->m_source);
    int r;
    if (!p)
        return -EIO;
    if ((r = get_path(m->m_source, g, len, path)) != OK ||
        (r = resolve_parent(p, path, dir, name, trailing)) != OK)
        return r;
    return vfs_may(p, &dir->st, VFS_W_OK | VFS_X_OK);   /* a name added or removed there */
}

static int is_mountpoint(const struct loc *dir, const char *name)
{
    struct loc l = *dir;
    if (step(&l, name, strlen(name)) != OK)
        return 0;
    for (int i = 0; i < NR_MOUNTS; i++)
        if (mounts[i].used && mounts[i].root && mounts[i].root->mnt == l.mnt &&
            mounts[i].root->ino == l.st.ino)
            return 1;
    return 0;
}

int do_unlink(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct loc dir;
    message fm;
    int trailing, r = parent(m, REQ(m)->grant, REQ(m)->len, &dir, name, &trailing);
    if (r != OK)
        return r;
    if (!name[0] || is_dotname(name))
        return -EISDIR;
    if (trailing) {                     /* "name/": a directory or an error */
        struct loc l = dir;
        if ((r = step(&l, name, strlen(name))) != OK)
            return r;
        return IS_TYPE(l.st.mode, VFS_S_IFDIR) ? -EISDIR : -ENOTDIR;
    }
    memset(&fm, 0, sizeof(fm));
    return fs_name(dir.mnt, FS_UNLINK, dir.st.ino, name, &fm);
}

int do_rmdir(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct loc dir;
    message fm;
    int trailing, r = parent(m, REQ(m)->grant, REQ(m)->len, &dir, name, &trailing);
    if (r != OK)
        return r;
    if (!name[0])
        return -EBUSY;
    if (strcmp(name, ".") == 0)
        return -EINVAL;
    if (strcmp(name, "..") == 0)
        return -ENOTEMPTY;
    if (is_mountpoint(&dir, name))
        return -EBUSY;
    memset(&fm, 0, sizeof(fm));
    return fs_name(dir.mnt, FS_RMDIR, dir.st.ino, name, &fm);
}

int do_link(message *m)
{
    char path[VFS_PATH_MAX], name[VFS_NAME_MAX + 1];
    struct vproc *p = vproc_get(m->m_source);
    struct loc old, dir;
    message fm;
    int trailing, r;
    if (!p)
        return -EIO;
    if ((r = get_path(m->m_source, REQ(m)->grant, REQ(m)->len, path)) != OK ||
        (r = resolve_from(p, 0, path, 0, &old)) != OK)   /* a link to a symlink: as Linux */
        return r;
    if (IS_TYPE(old.st.mode, VFS_S_IFDIR))
        return -EPERM;
    if ((r = parent(m, REQ(m)->grant2, REQ(m)->len2, &dir, name, &trailing)) != OK)
        return r;
    if (!name[0] || is_dotname(name))
        return -EEXIST;
    if (trailing)
        return -ENOENT;
    if (dir.mnt != old.mnt)
        return -EXDEV;
    memset(&fm, 0, sizeof(fm));
    MSG_BODY(&fm, struct fs_req)->ino2 = old.st.ino;
    return fs_name(dir.mnt, FS_LINK, dir.st.ino, name, &fm);
}

int do_rename(message *m)
{
    static char both[2 * (VFS_NAME_MAX + 1)];
    char oname[VFS_NAME_MAX + 1], nname[VFS_NAME_MAX + 1];
    struct loc odir, ndir;
    message fm;
    struct fs_req *rq = MSG_BODY(&fm, struct fs_req);
    uint32_t ol, nl;
    int t1, t2, r;
    if ((r = parent(m, REQ(m)->grant, REQ(m)->len, &odir, oname, &t1)) != OK ||
        (r = parent(m, REQ(m)->grant2, REQ(m)->len2, &ndir, nname, &t2)) != OK)
        return r;
    if (!oname[0] || !nname[0])
        return -EBUSY;
    if (is_dotname(oname) || is_dotname(nname))
        return -EINVAL;
    if (odir.mnt != ndir.mnt)
        return -EXDEV;
    if (is_mountpoint(&odir, oname) || is_mountpoint(&ndir, nname))
        return -EBUSY;
    ol = strlen(oname);
    nl = strlen(nname);
    memcpy(both, oname, ol);
    memcpy(both + ol, nname, nl);
    memset(&fm, 0, sizeof(fm));
    fm.m_type = FS_RENAME;
    rq->ino = odir.st.ino;
    rq->ino2 = ndir.st.ino;
    rq->len1 = ol;
    rq->len = ol + nl;
    return fs_call(odir.mnt, &fm, both, ol + nl, GRANT_READ);
}

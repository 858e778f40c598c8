/*
 * tree.c - the FS protocol's calls that change names: create (files,
 * device nodes, FIFOs), mkdir, unlink, rmdir, link, rename.  Checks come
 * first; the tree changes only when the call will succeed, except where
 * a new directory entry needs a block: that is added first, so ENOSPC
 * leaves everything as it was.
 */
#include "ramfs.h"

#define REQ(m) MSG_BODY(m, struct fs_req)

/* The request's directory (ino) and the name in its grant. */
static int dir_and_name(message *m, struct inode **dp, char *name)
{
    int r = get_name(m, 0, REQ(m)->len, name);
    if (r != OK)
        return r;
    if (!(*dp = inode_get(REQ(m)->ino)))
        return -EINVAL;
    if (!is_dir(*dp))
        return -ENOTDIR;
    return (*dp)->nlink ? OK : -ENOENT;
}

static int dot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* A new inode gets the owner VFS names; the reply is its attributes. */
static void owned(struct inode *ip, message *m)
{
    ip->uid = REQ(m)->uid;
    ip->gid = REQ(m)->gid;
    inode_attr(ip, MSG_BODY(m, struct vfs_stat));
}

int do_create(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp, *ip;
    int r = dir_and_name(m, &dp, name);
    if (r == OK)
        r = ns_create(dp, name, REQ(m)->len, REQ(m)->mode, REQ(m)->rdev, &ip);
    if (r == OK)
        owned(ip, m);
    return r;
}

int do_mkdir(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp, *ip;
    int r = dir_and_name(m, &dp, name);
    if (r == OK)
        r = ns_mkdir(dp, name, REQ(m)->len, REQ(m)->mode, &ip);
    if (r == OK)
        owned(ip, m);
    return r;
}

/* The existing entry 'name' of dp: its inode and slot. */
static struct inode *entry(struct inode *dp, const char *name, uint32_t *slot)
{
    return inode_get(dir_lookup(dp, name, strlen(name), slot));
}

static void drop_link(struct inode *dp, struct inode *ip)
{
    if (is_dir(ip)) {
        ip->nlink = 0;
        dp->nlink--;                    /* its ".." */
    } else {
        ip->nlink--;
    }
    ip->ctime = dp->mtime = dp->ctime = now();
    inode_release(ip);
}

int do_unlink(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp, *ip;
    uint32_t slot;
    int r = dir_and_name(m, &dp, name);
    if (r != OK)
        return r;
    if (!(ip = entry(dp, name, &slot)))
        return -ENOENT;
    if (is_dir(ip))
        return -EISDIR;
    dir_set(dp, slot, 0);
    drop_link(dp, ip);
    return OK;
}

int do_rmdir(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp, *ip;
    uint32_t slot;
    int r = dir_and_name(m, &dp, name);
    if (r != OK)
        return r;
    if (strcmp(name, ".") == 0)
        return -EINVAL;
    if (strcmp(name, "..") == 0)
        return -ENOTEMPTY;
    if (!(ip = entry(dp, name, &slot)))
        return -ENOENT;
    if (!is_dir(ip))
        return -ENOTDIR;
    if (!dir_empty(ip))
        return -ENOTEMPTY;
    dir_set(dp, slot, 0);
    drop_link(dp, ip);
    return OK;
}

int do_link(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp, *ip;
    int r = dir_and_name(m, &dp, name);
    if (r != OK)
        return r;
    if (!(ip = inode_get(REQ(m)->ino2)))
        return -EINVAL;
    if (is_dir(ip))
        return -EPERM;
    if (dot(name))
        return -EEXIST;
    return ns_link(dp, name, strlen(name), ip);
}

/* Is dp the directory 'op' or inside it? */
static int inside(struct inode *dp, struct inode *op)
{
    for (int i = 0; dp && i < RAMFS_NINODES; i++) {
        if (dp == op)
            return 1;
        if (inode_nr(dp) == RAMFS_ROOT)
            return 0;
        dp = inode_get(dir_lookup(dp, "..", 2, 0));
    }
    return 1;                           /* a broken chain: refuse */
}

/* May 'op' replace the existing 'np'? */
static int replace_ok(struct inode *op, struct inode *np)
{
    if (is_dir(op) && !is_dir(np))
        return -ENOTDIR;
    if (!is_dir(op) && is_dir(np))
        return -EISDIR;
    if (is_dir(np) && !dir_empty(np))
        return -ENOTEMPTY;
    return OK;
}

static int rename_names(message *m, char *old, char *new)
{
    struct fs_req *rq = REQ(m);
    int r;
    if (rq->len1 == 0 || rq->len1 >= rq->len)
        return -EINVAL;
    if ((r = get_name(m, 0, rq->len1, old)) != OK ||
        (r = get_name(m, rq->len1, rq->len - rq->len1, new)) != OK)
        return r;
    return dot(old) || dot(new) ? -EINVAL : OK;
}

int do_rename(message *m)
{
    char old[VFS_NAME_MAX + 1], new[VFS_NAME_MAX + 1];
    struct inode *odp = inode_get(REQ(m)->ino), *ndp = inode_get(REQ(m)->ino2);
    struct inode *op, *np;
    uint32_t oslot, nslot;
    int r = rename_names(m, old, new);
    if (r != OK)
        return r;
    if (!odp || !ndp)
        return -EINVAL;
    if (!is_dir(odp) || !is_dir(ndp))
        return -ENOTDIR;
    if (odp->nlink == 0 || ndp->nlink == 0 || !(op = entry(odp, old, &oslot)))
        return -ENOENT;
    np = entry(ndp, new, &nslot);
    if (np == op)
        return OK;
    if (is_dir(op) && inside(ndp, op))
        return -EINVAL;
    if (np && (r = replace_ok(op, np)) != OK)
        return r;
    if (np)
        dir_set(ndp, nslot, inode_nr(op));
    else if ((r = dir_add(ndp, new, strlen(new), inode_nr(op))) != OK)
        return r;
    dir_set(odp, oslot, 0);
    if (np)
        drop_link(ndp, np);
    if (is_dir(op) && odp != ndp) {
        dir_set(op, 1, inode_nr(ndp));
        odp->nlink--;
        ndp->nlink++;
    }
    op->ctime = odp->mtime = ndp->mtime = now();
    return OK;
}

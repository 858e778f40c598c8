/*
 * namei.c - creating names in a directory, shared by the protocol
 * handlers and the boot-image loader.  Each call either completes or
 * leaves the tree as it was (an inode it allocated is freed again).
 */
#include "ramfs.h"

static int check_new(struct inode *dp, const char *name, uint32_t len)
{
    if (!is_dir(dp))
        return -ENOTDIR;
    if (!name_ok(name, len))
        return -EINVAL;
    if (dp->nlink == 0)
        return -ENOENT;                 /* a removed directory */
    if (dir_lookup(dp, name, len, 0))
        return -EEXIST;
    return OK;
}

static int type_ok(uint32_t mode)
{
    uint32_t t = mode & VFS_S_IFMT;
    return t == VFS_S_IFREG || t == VFS_S_IFCHR || t == VFS_S_IFBLK || t == VFS_S_IFIFO;
}

int ns_create(struct inode *dp, const char *name, uint32_t len, uint32_t mode,
              uint32_t rdev, struct inode **out)
{
    struct inode *ip;
    int r = check_new(dp, name, len);
    if (r != OK)
        return r;
    if (!type_ok(mode))
        return -EINVAL;
    if (!(ip = inode_alloc(mode & (VFS_S_IFMT | 07777), rdev)))
        return -ENOSPC;
    if ((r = dir_add(dp, name, len, inode_nr(ip))) != OK) {
        inode_release(ip);
        return r;
    }
    ip->nlink = 1;
    dp->mtime = dp->ctime = now();
    *out = ip;
    return OK;
}

int ns_mkdir(struct inode *dp, const char *name, uint32_t len, uint32_t mode,
             struct inode **out)
{
    struct inode *ip;
    int r = check_new(dp, name, len);
    if (r != OK)
        return r;
    if (!(ip = inode_alloc(VFS_S_IFDIR | (mode & 07777), 0)))
        return -ENOSPC;
    if ((r = dir_init(ip, inode_nr(dp))) != OK ||
        (r = dir_add(dp, name, len, inode_nr(ip))) != OK) {
        inode_release(ip);
        return r;
    }
    ip->nlink = 2;
    dp->nlink++;
    dp->mtime = dp->ctime = now();
    *out = ip;
    return OK;
}

/* A new name for the existing non-directory ip. */
int ns_link(struct inode *dp, const char *name, uint32_t len, struct inode *ip)
{
    int r = is_dir(ip) ? -EPERM : check_new(dp, name, len);
    if (r != OK)
        return r;
    if ((r = dir_add(dp, name, len, inode_nr(ip))) != OK)
        return r;
    ip->nlink++;
    ip->ctime = dp->mtime = dp->ctime = now();
    return OK;
}

/* A symbolic link to target (tlen bytes, 1..VFS_PATH_MAX-1): its block
 * is taken before the name is added, so ENOSPC leaves nothing behind. */
int ns_symlink(struct inode *dp, const char *name, uint32_t len, const char *target,
               uint32_t tlen, uint32_t mode, struct inode **out)
{
    struct inode *ip;
    int r = check_new(dp, name, len);
    if (r != OK)
        return r;
    if (tlen == 0 || tlen >= VFS_PATH_MAX)
        return -EINVAL;
    if (!(ip = inode_alloc(VFS_S_IFLNK | (mode & 0777), 0)))
        return -ENOSPC;
    if (file_write(ip, 0, target, tlen) != (int)tlen ||
        (r = dir_add(dp, name, len, inode_nr(ip))) != OK) {
        inode_release(ip);
        return -ENOSPC;
    }
    ip->nlink = 1;
    dp->mtime = dp->ctime = now();
    *out = ip;
    return OK;
}

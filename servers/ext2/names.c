/*
 * names.c - the operations on names in a directory: lookup, create,
 * mkdir, link, unlink, rmdir.
 *
 * Invariants kept: a directory's links_count is 2 plus its
 * subdirectories (each one's ".." names it); a new inode's record is
 * written before its name goes into the directory, and a failure on the
 * way frees what was taken, so a failed call changes nothing.
 */
#include "ext2.h"

/* Directory dino, read into *dp, to be looked into (write: changed). */
int dir_open(uint32_t dino, struct ext2_inode *dp, int write)
{
    if (write && ext2.rdonly)
        return -EROFS;
    int r = iget(dino, dp);
    if (r < 0)
        return r;
    if (!is_dir(dp))
        return -ENOTDIR;
    if (write && dp->links_count == 0)
        return -ENOENT;                 /* removed, still referenced */
    return OK;
}

/* A name to create in dir: it must be valid and not there yet. */
static int new_name(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len)
{
    uint32_t ino;
    int r = dir_open(dino, dp, 1);
    if (r < 0)
        return r;
    if (len > EXT2_NAME_LEN)
        return -ENAMETOOLONG;
    if (!name_ok(name, len))
        return -EINVAL;
    r = dir_find(dino, dp, name, len, &ino);
    return r == OK ? -EEXIST : r == -ENOENT ? OK : r;
}

int ext2_lookup(uint32_t dir, const char *name, uint32_t len, struct vfs_stat *st)
{
    struct ext2_inode dp;
    uint32_t ino;
    int r = dir_open(dir, &dp, 0);
    if (r < 0)
        return r;
    if (len == 0 || len > EXT2_NAME_LEN)
        return len ? -ENAMETOOLONG : -ENOENT;
    r = dir_find(dir, &dp, name, len, &ino);
    if (r < 0)
        return r;
    if (!ino_ok(ino))
        return -EIO;
    r = ext2_getattr(ino, st);
    return r == -ENOENT ? -EIO : r;     /* a name of a free inode */
}

/* A new inode with its record written: mode, owner, times, one link. */
static int new_inode(uint32_t dir, uint32_t mode, uint32_t uid, uint32_t gid, uint32_t *ino,
                     struct ext2_inode *ip)
{
    int r = ialloc(ino_group(dir), VFS_S_ISTYPE(mode, VFS_S_IFDIR), ino);
    if (r < 0)
        return r;
    memset(ip, 0, sizeof(*ip));
    ip->mode = (uint16_t)mode;
    ip->uid = (uint16_t)uid;
    ip->uid_high = (uint16_t)(uid >> 16);
    ip->gid = (uint16_t)gid;
    ip->gid_high = (uint16_t)(gid >> 16);
    ip->atime = ip->ctime = ip->mtime = ext2_now;
    ip->links_count = 1;
    r = inode_init(*ino, ip);
    if (r < 0)
        ifree(*ino, VFS_S_ISTYPE(mode, VFS_S_IFDIR));
    return r;
}

/* Gives back an inode taken by new_inode whose name never went in. */
static void drop_inode(uint32_t ino, struct ext2_inode *ip)
{
    ip->links_count = 0;
    ifree_if_unused(ino, ip);
}

/* Creates name in dir for a new inode of the given mode; *ino, *ip. */
int make_node(uint32_t dir, const char *name, uint32_t len, uint32_t mode, uint32_t uid,
              uint32_t gid, uint32_t *ino, struct ext2_inode *ip)
{
    struct ext2_inode dp;
    int r = new_name(dir, &dp, name, len);
    if (r < 0 || (r = new_inode(dir, mode, uid, gid, ino, ip)) < 0)
        return r;
    r = dir_add(dir, &dp, name, len, *ino, mode);
    if (r < 0)
        drop_inode(*ino, ip);
    return r;
}

int ext2_create(uint32_t dir, const char *name, uint32_t len, uint32_t mode, uint32_t rdev,
                uint32_t uid, uint32_t gid, struct vfs_stat *st)
{
    uint32_t type = mode & VFS_S_IFMT, ino;
    struct ext2_inode in;
    if (type != VFS_S_IFREG && type != VFS_S_IFCHR && type != VFS_S_IFIFO)
        return -EINVAL;
    mode = type | (mode & 07777);
    int r = make_node(dir, name, len, mode, uid, gid, &ino, &in);
    if (r < 0)
        return r;
    if (type == VFS_S_IFCHR) {
        in.block[0] = rdev & 0xffff;    /* the old encoding: major << 8 | minor */
        if ((r = iput(ino, &in)) < 0)
            return r;
    }
    return ext2_getattr(ino, st);
}

/* Writes "." and ".." into a new directory's first block. */
static int dir_init(uint32_t ino, struct ext2_inode *ip, uint32_t parent)
{
    uint32_t blk;
    int r = bmap(ino, ip, 0, 1, &blk);
    struct ext2_buf *b = r < 0 ? NULL : bread(blk);
    if (b == NULL)
        return r < 0 ? r : -EIO;
    struct ext2_dirent *dot = (struct ext2_dirent *)b->data;
    dot->inode = ino;
    dot->rec_len = 12;
    dot->name_len = 1;
    dot->file_type = ftype(VFS_S_IFDIR);
    memcpy(dot + 1, ".", 1);
    struct ext2_dirent *up = (struct ext2_dirent *)(b->data + 12);
    up->inode = parent;
    up->rec_len = (uint16_t)(ext2.bsize - 12);
    up->name_len = 2;
    up->file_type = ftype(VFS_S_IFDIR);
    memcpy(up + 1, "..", 2);
    bdirty(b);
    brelse(b);
    ip->size = ext2.bsize;
    ip->links_count = 2;
    return iput(ino, ip);
}

int ext2_mkdir(uint32_t dir, const char *name, uint32_t len, uint32_t mode,
               uint32_t uid, uint32_t gid, struct vfs_stat *st)
{
    struct ext2_inode dp, in;
    uint32_t ino;
    int r = new_name(dir, &dp, name, len);
    if (r < 0)
        return r;
    if (dp.links_count >= EXT2_LINK_MAX)
        return -EMLINK;
    mode = VFS_S_IFDIR | (mode & 07777);
    if ((r = new_inode(dir, mode, uid, gid, &ino, &in)) < 0)
        return r;
    if ((r = dir_init(ino, &in, dir)) < 0 || (r = dir_add(dir, &dp, name, len, ino, mode)) < 0) {
        drop_inode(ino, &in);
        return r;
    }
    dp.links_count++;
    if ((r = iput(dir, &dp)) < 0)
        return r;
    return ext2_getattr(ino, st);
}

int ext2_link(uint32_t dir, const char *name, uint32_t len, uint32_t ino)
{
    struct ext2_inode dp, in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    if (is_dir(&in))
        return -EPERM;
    if (in.links_count == 0)
        return -ENOENT;
    if (in.links_count >= EXT2_LINK_MAX)
        return -EMLINK;
    if ((r = new_name(dir, &dp, name, len)) < 0)
        return r;
    if ((r = dir_add(dir, &dp, name, len, ino, in.mode)) < 0)
        return r;
    in.links_count++;
    in.ctime = ext2_now;
    return iput(ino, &in);
}

/* The inode a name of dir stands for, which is to be removed. */
static int victim(uint32_t dir, struct ext2_inode *dp, const char *name, uint32_t len,
                  uint32_t *ino, struct ext2_inode *ip)
{
    int r = dir_open(dir, dp, 1);
    if (r < 0)
        return r;
    if (len > EXT2_NAME_LEN)
        return -ENAMETOOLONG;
    if (!name_ok(name, len))
        return -EINVAL;
    if ((r = dir_find(dir, dp, name, len, ino)) < 0)
        return r;
    r = iget(*ino, ip);
    return r == -ENOENT || r == -EINVAL ? -EIO : r;
}

/* Drops one link of ino (a name of it is gone); frees it when unused. */
int drop_link(uint32_t ino, struct ext2_inode *ip)
{
    if (ip->links_count > 0)
        ip->links_count--;
    if (is_dir(ip))
        ip->links_count = 0;            /* its "." goes with its name */
    ip->ctime = ext2_now;
    return ifree_if_unused(ino, ip);
}

int ext2_unlink(uint32_t dir, const char *name, uint32_t len)
{
    struct ext2_inode dp, in;
    uint32_t ino;
    int r = victim(dir, &dp, name, len, &ino, &in);
    if (r < 0)
        return r;
    if (is_dir(&in))
        return -EISDIR;
    if ((r = dir_remove(dir, &dp, name, len)) < 0)
        return r;
    return drop_link(ino, &in);
}

int ext2_rmdir(uint32_t dir, const char *name, uint32_t len)
{
    struct ext2_inode dp, in;
    uint32_t ino;
    int r = victim(dir, &dp, name, len, &ino, &in);
    if (r < 0)
        return r;
    if (!is_dir(&in))
        return -ENOTDIR;
    if ((r = dir_empty(ino, &in)) <= 0)
        return r < 0 ? r : -ENOTEMPTY;
    if ((r = dir_remove(dir, &dp, name, len)) < 0)
        return r;
    if (dp.links_count > 2)
        dp.links_count--;
    if ((r = iput(dir, &dp)) < 0)
        return r;
    return drop_link(ino, &in);
}

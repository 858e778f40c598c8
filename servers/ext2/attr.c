/*
 * attr.c - attributes and symbolic links: getattr (struct vfs_stat),
 * setattr, symlink, readlink.
 *
 * A symbolic link's target (1..VFS_PATH_MAX-1 bytes) is kept in i_block
 * when it is shorter than 60 bytes (a fast link, no data block), else in
 * one data block.  Owners have 32 bits (uid_high, gid_high).  A device's
 * number is in i_block[0] (old encoding, major << 8 | minor) or, if that
 * is 0, in i_block[1] (new encoding).
 */
#include "ext2.h"

static uint32_t rdev_of(const struct ext2_inode *ip)
{
    if (!VFS_S_ISTYPE(ip->mode, VFS_S_IFCHR) && !VFS_S_ISTYPE(ip->mode, VFS_S_IFBLK))
        return 0;
    if (ip->block[0])
        return ip->block[0] & 0xffff;
    uint32_t d = ip->block[1];
    return VFS_MAKEDEV((d >> 8) & 0xfff, (d & 0xff) | ((d >> 12) & 0xfff00));
}

int ext2_getattr(uint32_t ino, struct vfs_stat *st)
{
    struct ext2_inode in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    memset(st, 0, sizeof(*st));
    st->ino = ino;
    st->mode = in.mode;
    st->nlink = in.links_count;
    st->uid = in.uid | (uint32_t)in.uid_high << 16;
    st->gid = in.gid | (uint32_t)in.gid_high << 16;
    st->rdev = rdev_of(&in);
    uint64_t size = isize(&in);
    st->size = size > 0xffffffffu ? 0xffffffffu : (uint32_t)size;
    st->atime = in.atime;
    st->mtime = in.mtime;
    st->ctime = in.ctime;
    st->blksize = ext2.bsize;
    st->blocks = in.blocks;
    return OK;
}

static uint32_t when(uint32_t t)
{
    return t == EXT2_NOW ? ext2_now : t;
}

int ext2_setattr(uint32_t ino, uint32_t mode, uint32_t uid, uint32_t gid,
                 uint32_t atime, uint32_t mtime, struct vfs_stat *st)
{
    struct ext2_inode in;
    if (ext2.rdonly)
        return -EROFS;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    if (mode != EXT2_KEEP && (mode & ~07777u))
        return -EINVAL;
    if (mode != EXT2_KEEP)
        in.mode = (uint16_t)((in.mode & VFS_S_IFMT) | mode);
    if (uid != EXT2_KEEP) {
        in.uid = (uint16_t)uid;
        in.uid_high = (uint16_t)(uid >> 16);
    }
    if (gid != EXT2_KEEP) {
        in.gid = (uint16_t)gid;
        in.gid_high = (uint16_t)(gid >> 16);
    }
    if (atime != EXT2_KEEP)
        in.atime = when(atime);
    if (mtime != EXT2_KEEP)
        in.mtime = when(mtime);
    in.ctime = ext2_now;
    if ((r = iput(ino, &in)) < 0)
        return r;
    return ext2_getattr(ino, st);
}

int ext2_symlink(uint32_t dir, const char *name, uint32_t len, const char *target,
                 uint32_t tlen, uint32_t mode, uint32_t uid, uint32_t gid, struct vfs_stat *st)
{
    struct ext2_inode in;
    uint32_t ino;
    if (tlen == 0 || tlen >= VFS_PATH_MAX || tlen > ext2.bsize)
        return -EINVAL;
    for (uint32_t i = 0; i < tlen; i++)
        if (target[i] == '\0')
            return -EINVAL;
    mode = VFS_S_IFLNK | (mode & 07777);
    int r = make_node(dir, name, len, mode, uid, gid, &ino, &in);
    if (r < 0)
        return r;
    if (tlen < EXT2_FAST_LINK_MAX) {
        memcpy(in.block, target, tlen);
        in.size = tlen;
        r = iput(ino, &in);
    } else {
        r = file_write(ino, &in, 0, target, tlen);
        int r2 = iput(ino, &in);
        if (r >= 0)
            r = r2;
    }
    if (r < 0) {
        struct ext2_inode dp;
        if (iget(dir, &dp) == OK)
            dir_remove(dir, &dp, name, len);
        drop_link(ino, &in);
        return r;
    }
    return ext2_getattr(ino, st);
}

int ext2_readlink(uint32_t ino, char *buf, uint32_t len)
{
    struct ext2_inode in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    if (!VFS_S_ISTYPE(in.mode, VFS_S_IFLNK))
        return -EINVAL;
    if (in.size > ext2.bsize || in.size >= VFS_PATH_MAX)
        return -EIO;
    if (len > in.size)
        len = in.size;
    if (is_fast_link(&in)) {
        memcpy(buf, in.block, len);
        return (int)len;
    }
    return file_read(ino, &in, 0, buf, len);
}

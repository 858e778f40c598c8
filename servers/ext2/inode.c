/*
 * inode.c - the inode table and the server's references to inodes.
 *
 * Inode i (from 1) is record (i - 1) % inodes_per_group of group
 * (i - 1) / inodes_per_group's inode table; a record is ext2.isize bytes,
 * of which the core uses the first 128 (struct ext2_inode) and keeps the
 * rest, except that a new inode gets a zeroed record.  Callers work on a
 * copy: iget copies it out, iput copies it back (the block is dirty in
 * the cache).  An inode is in use while it has a mode and a link or a
 * reference.
 *
 * References (ext2_ref): VFS counts its uses of an inode; an inode whose
 * links_count is 0 is freed, with its blocks, only when its count is 0
 * too.  The table has EXT2_NREFS entries, a count 0 entry is free.
 */
#include "ext2.h"

int ino_ok(uint32_t ino)
{
    return ino >= 1 && ino <= ext2.sb.inodes_count;
}

/* The cached block holding inode ino and the record's offset in it. */
static struct ext2_buf *locate(uint32_t ino, uint32_t *off)
{
    if (!ino_ok(ino))
        return NULL;
    uint32_t i = (ino - 1) % ext2.sb.inodes_per_group;
    struct ext2_buf *gb;
    struct ext2_group *gd = group_get(ino_group(ino), &gb);
    if (gd == NULL)
        return NULL;
    uint32_t blk = gd->inode_table + i / ext2.ipb;
    brelse(gb);
    *off = (i % ext2.ipb) * ext2.isize;
    return bread(blk);
}

int iget(uint32_t ino, struct ext2_inode *ip)
{
    uint32_t off;
    if (!ino_ok(ino))
        return -EINVAL;
    struct ext2_buf *b = locate(ino, &off);
    if (b == NULL)
        return -EIO;
    memcpy(ip, b->data + off, sizeof(*ip));
    brelse(b);
    if (ip->mode == 0 || (ip->links_count == 0 && ref_count(ino) == 0))
        return -ENOENT;                 /* not in use (free, or an orphan) */
    return OK;
}

int iput(uint32_t ino, const struct ext2_inode *ip)
{
    uint32_t off;
    struct ext2_buf *b = locate(ino, &off);
    if (b == NULL)
        return -EIO;
    memcpy(b->data + off, ip, sizeof(*ip));
    bdirty(b);
    brelse(b);
    return OK;
}

int inode_init(uint32_t ino, const struct ext2_inode *ip)
{
    uint32_t off;
    struct ext2_buf *b = locate(ino, &off);
    if (b == NULL)
        return -EIO;
    memset(b->data + off, 0, ext2.isize);
    memcpy(b->data + off, ip, sizeof(*ip));
    if (ext2.isize > EXT2_GOOD_OLD_INODE) {
        uint16_t extra = 32;            /* i_extra_isize, as mke2fs writes it */
        memcpy(b->data + off + EXT2_GOOD_OLD_INODE, &extra, sizeof(extra));
    }
    bdirty(b);
    brelse(b);
    return OK;
}

int is_dir(const struct ext2_inode *ip)
{
    return VFS_S_ISTYPE(ip->mode, VFS_S_IFDIR);
}

/* A regular file's size has 64 bits (large_file); others have 32. */
uint64_t isize(const struct ext2_inode *ip)
{
    if (VFS_S_ISTYPE(ip->mode, VFS_S_IFREG))
        return ip->size | (uint64_t)ip->size_high << 32;
    return ip->size;
}

void iset_size(struct ext2_inode *ip, uint64_t size)
{
    ip->size = (uint32_t)size;
    if (VFS_S_ISTYPE(ip->mode, VFS_S_IFREG))
        ip->size_high = (uint32_t)(size >> 32);
}

/* A symbolic link whose target is in i_block (no data block). */
int is_fast_link(const struct ext2_inode *ip)
{
    uint32_t acl = ip->file_acl ? ext2.bsize / 512 : 0;
    return VFS_S_ISTYPE(ip->mode, VFS_S_IFLNK) && ip->blocks == acl &&
           ip->size < EXT2_FAST_LINK_MAX;
}

/* Whether i_block is a block map (not a device number or a fast link). */
int has_blocks(const struct ext2_inode *ip)
{
    uint32_t type = ip->mode & VFS_S_IFMT;
    return type == VFS_S_IFREG || type == VFS_S_IFDIR || (type == VFS_S_IFLNK && !is_fast_link(ip));
}

static struct ext2_ref *ref_find(uint32_t ino)
{
    for (int i = 0; i < EXT2_NREFS; i++)
        if (ext2.refs[i].count > 0 && ext2.refs[i].ino == ino)
            return &ext2.refs[i];
    return NULL;
}

uint32_t ref_count(uint32_t ino)
{
    struct ext2_ref *r = ref_find(ino);
    return r ? r->count : 0;
}

/* Frees the inode and its blocks if nothing names or uses it. */
int ifree_if_unused(uint32_t ino, struct ext2_inode *ip)
{
    if (ip->links_count > 0 || ref_count(ino) > 0)
        return iput(ino, ip);
    int dir = is_dir(ip);
    int r = OK;
    if (has_blocks(ip))
        r = bmap_trunc(ip, 0);
    memset(ip->block, 0, sizeof(ip->block));
    if (ip->file_acl)
        ext2_log("ext2: inode %u: extended attribute block %u left alone\n", ino, ip->file_acl);
    ip->size = 0;
    ip->size_high = 0;
    ip->dtime = ext2_now;
    int r2 = iput(ino, ip);
    int r3 = ifree(ino, dir);
    return r < 0 ? r : r2 < 0 ? r2 : r3;
}

int ext2_ref(uint32_t ino, int delta)
{
    struct ext2_inode in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    struct ext2_ref *ref = ref_find(ino);
    if (delta > 0) {
        for (int i = 0; ref == NULL && i < EXT2_NREFS; i++)
            if (ext2.refs[i].count == 0)
                ref = &ext2.refs[i];
        if (ref == NULL)
            return -ENFILE;
        ref->ino = ino;
        ref->count++;
        return OK;
    }
    if (delta < 0) {
        if (ref == NULL)
            return -EINVAL;
        if (--ref->count == 0 && in.links_count == 0 && !ext2.rdonly)
            return ifree_if_unused(ino, &in);
    }
    return OK;
}

/*
 * super.c - mounting: the superblock is read and checked completely
 * before anything else is used, then every group descriptor; sync
 * (dirty blocks, then the superblock); statfs.
 *
 * Invariants after a successful mount: 1 KiB <= bsize <= 4 KiB; the
 * counts are consistent (inodes_count = groups * inodes_per_group, every
 * group's bitmaps and inode table lie inside the disk); ext2.rdonly is
 * set if the image has features we may read but not write.  The group
 * descriptors live in the block cache; the superblock is ext2.sb, written
 * at EXT2_SUPER_OFFSET by ext2_sync.
 */
#include "ext2.h"
#include "disk.h"


static int bad(const char *what, uint32_t value)
{
    ext2_log("ext2: bad superblock: %s (%u)\n", what, value);
    return -EINVAL;
}

static int check_features(int *rdonly)
{
    struct ext2_super *s = &ext2.sb;
    if (s->rev_level == 0)
        return OK;                      /* no feature fields */
    uint32_t inc = s->feature_incompat & ~EXT2_INCOMPAT_KNOWN;
    if (inc) {
        ext2_log("ext2: unknown incompat features 0x%x: not mounted\n", inc);
        return -EINVAL;
    }
    uint32_t ro = s->feature_ro_compat & ~EXT2_RO_COMPAT_KNOWN;
    if (ro) {
        ext2_log("ext2: unknown ro_compat features 0x%x: read-only\n", ro);
        *rdonly = 1;
    }
    if (s->feature_compat & EXT2_FEATURE_COMPAT_HAS_JOURNAL) {
        ext2_log("ext2: compat feature 0x%x (has_journal): read-only\n",
                 EXT2_FEATURE_COMPAT_HAS_JOURNAL);
        *rdonly = 1;
    }
    if (s->feature_incompat & EXT2_FEATURE_INCOMPAT_RECOVER) {
        ext2_log("ext2: incompat feature 0x%x (needs_recovery): read-only\n",
                 EXT2_FEATURE_INCOMPAT_RECOVER);
        *rdonly = 1;
    }
    return OK;
}

/* The numbers of the superblock, one by one; fills the derived fields. */
static int check_super(void)
{
    struct ext2_super *s = &ext2.sb;
    if (s->magic != EXT2_MAGIC)
        return bad("magic", s->magic);
    if (s->rev_level > 1)
        return bad("revision", s->rev_level);
    if (s->log_block_size > 2)
        return bad("log_block_size", s->log_block_size);
    ext2.bsize = 1024u << s->log_block_size;
    ext2.ptrs = ext2.bsize / 4;
    if (s->first_data_block != (ext2.bsize == 1024 ? 1u : 0u))
        return bad("first_data_block", s->first_data_block);
    if (s->blocks_count <= s->first_data_block + 2)
        return bad("blocks_count", s->blocks_count);
    if ((uint64_t)s->blocks_count * ext2.bsize > disk_size())
        return bad("blocks_count beyond the disk", s->blocks_count);
    if (s->blocks_per_group == 0 || s->blocks_per_group > 8 * ext2.bsize)
        return bad("blocks_per_group", s->blocks_per_group);
    ext2.isize = s->rev_level == 0 ? EXT2_GOOD_OLD_INODE : s->inode_size;
    if (ext2.isize < EXT2_GOOD_OLD_INODE || ext2.isize > ext2.bsize ||
        (ext2.isize & (ext2.isize - 1)) != 0)
        return bad("inode_size", ext2.isize);
    ext2.ipb = ext2.bsize / ext2.isize;
    uint32_t ipg = s->inodes_per_group;
    if (ipg == 0 || ipg > 8 * ext2.bsize || ipg % ext2.ipb != 0)
        return bad("inodes_per_group", ipg);
    ext2.itb = ipg / ext2.ipb;
    uint32_t data = s->blocks_count - s->first_data_block;
    ext2.groups = data / s->blocks_per_group + (data % s->blocks_per_group != 0);
    if ((uint64_t)ext2.groups * ipg != s->inodes_count)
        return bad("inodes_count", s->inodes_count);
    uint32_t first_ino = s->rev_level == 0 ? 11 : s->first_ino;
    if (first_ino <= EXT2_ROOT_INO || first_ino >= s->inodes_count)
        return bad("first_ino", first_ino);
    if (s->free_blocks_count > s->blocks_count)
        return bad("free_blocks_count", s->free_blocks_count);
    if (s->free_inodes_count > s->inodes_count)
        return bad("free_inodes_count", s->free_inodes_count);
    if (s->r_blocks_count > s->blocks_count)
        return bad("r_blocks_count", s->r_blocks_count);
    ext2.gdt_blocks = (ext2.groups * 32 + ext2.bsize - 1) / ext2.bsize;
    if ((uint64_t)s->first_data_block + 1 + ext2.gdt_blocks > s->blocks_count)
        return bad("group descriptors beyond the disk", ext2.groups);
    return OK;
}

struct ext2_group *group_get(uint32_t g, struct ext2_buf **bp)
{
    uint32_t per = ext2.bsize / 32;
    *bp = NULL;
    if (g >= ext2.groups)
        return NULL;
    struct ext2_buf *b = bread(ext2.sb.first_data_block + 1 + g / per);
    if (b == NULL)
        return NULL;
    *bp = b;
    return (struct ext2_group *)b->data + g % per;
}

/* Blocks in group g: the last group may be short. */
uint32_t group_blocks(uint32_t g)
{
    uint32_t left = ext2.sb.blocks_count - ext2.sb.first_data_block - g * ext2.sb.blocks_per_group;
    return left < ext2.sb.blocks_per_group ? left : ext2.sb.blocks_per_group;
}

static int check_groups(void)
{
    for (uint32_t g = 0; g < ext2.groups; g++) {
        struct ext2_buf *b;
        struct ext2_group *gd = group_get(g, &b);
        if (gd == NULL)
            return -EIO;
        int ok = block_ok(gd->block_bitmap) && block_ok(gd->inode_bitmap) &&
                 block_ok(gd->inode_table) &&
                 (uint64_t)gd->inode_table + ext2.itb <= ext2.sb.blocks_count &&
                 gd->free_blocks_count <= group_blocks(g) &&
                 gd->free_inodes_count <= ext2.sb.inodes_per_group &&
                 gd->used_dirs_count <= ext2.sb.inodes_per_group;
        brelse(b);
        if (!ok) {
            ext2_log("ext2: bad group descriptor %u\n", g);
            return -EINVAL;
        }
    }
    return OK;
}

int ext2_mount(int rdonly, struct vfs_stat *root)
{
    memset(&ext2, 0, sizeof(ext2));
    if (disk_size() < EXT2_SUPER_OFFSET + sizeof(ext2.sb)) {
        ext2_log("ext2: the disk is too small\n");
        return -EINVAL;
    }
    int r = disk_read(EXT2_SUPER_OFFSET, &ext2.sb, sizeof(ext2.sb));
    if (r < 0)
        return r;
    if ((r = check_super()) < 0 || (r = check_features(&rdonly)) < 0)
        return r;
    cache_init(ext2.bsize);
    if ((r = check_groups()) < 0)
        return r;
    ext2.rdonly = rdonly;
    ext2.mounted = 1;
    r = ext2_getattr(EXT2_ROOT_INO, root);
    if (r == OK && !VFS_S_ISTYPE(root->mode, VFS_S_IFDIR)) {
        ext2_log("ext2: the root inode is not a directory\n");
        r = -EINVAL;
    }
    if (r < 0)
        ext2.mounted = 0;
    return r;
}

int ext2_sync(void)
{
    if (!ext2.mounted)
        return -EINVAL;
    if (ext2.rdonly)
        return OK;
    int r = cache_flush();
    ext2.sb.wtime = ext2_now;
    int r2 = disk_write(EXT2_SUPER_OFFSET, &ext2.sb, sizeof(ext2.sb));
    return r < 0 ? r : r2;
}

int ext2_statfs(struct vfs_statfs *st)
{
    struct ext2_super *s = &ext2.sb;
    memset(st, 0, sizeof(*st));
    st->bsize = ext2.bsize;
    st->blocks = s->blocks_count;
    st->bfree = s->free_blocks_count;
    st->bavail = s->free_blocks_count > s->r_blocks_count ?
                 s->free_blocks_count - s->r_blocks_count : 0;
    st->files = s->inodes_count;
    st->ffree = s->free_inodes_count;
    st->namemax = VFS_NAME_MAX;
    memcpy(&st->fsid, s->rest, sizeof(st->fsid));  /* the UUID's first bytes (offset 104) */
    return OK;
}

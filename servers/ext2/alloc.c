/*
 * alloc.c - the block and inode bitmaps: allocating and freeing one
 * block or inode, keeping the three counts that describe it in step
 * (the bitmap bit, the group's free count, the superblock's free count;
 * for a directory inode also the group's used_dirs_count).
 *
 * Block b (>= first_data_block) is bit (b - first_data_block) %
 * blocks_per_group of group (b - first_data_block) / blocks_per_group;
 * inode i (from 1) is bit (i - 1) % inodes_per_group of group
 * (i - 1) / inodes_per_group.  A search looks only at the bits that
 * stand for real blocks and inodes, and starts at a goal group so that
 * a file's blocks stay near its inode.  Inodes below first_ino are
 * reserved and never handed out.
 */
#include "ext2.h"

static int bit_get(const uint8_t *map, uint32_t i)
{
    return (map[i / 8] >> (i % 8)) & 1;
}

static void bit_flip(uint8_t *map, uint32_t i)
{
    map[i / 8] ^= (uint8_t)(1u << (i % 8));
}

/* First clear bit in map[from .. n), or n. */
static uint32_t first_clear(const uint8_t *map, uint32_t from, uint32_t n)
{
    for (uint32_t i = from; i < n; i++) {
        if (i % 8 == 0 && i + 8 <= n && map[i / 8] == 0xff) {
            i += 7;
            continue;
        }
        if (!bit_get(map, i))
            return i;
    }
    return n;
}

static uint32_t first_ino(void)
{
    return ext2.sb.rev_level == 0 ? 11 : ext2.sb.first_ino;
}

/* Whether bit i of group g's block bitmap stands for the group's own
 * metadata (bitmaps, inode table) or the primary superblock and group
 * descriptors: a hostile bitmap may call them free; they are never
 * handed out. */
static int is_meta(uint32_t g, const struct ext2_group *gd, uint32_t i)
{
    uint32_t blk = ext2.sb.first_data_block + g * ext2.sb.blocks_per_group + i;
    return blk == gd->block_bitmap || blk == gd->inode_bitmap ||
           (blk >= gd->inode_table && blk - gd->inode_table < ext2.itb) ||
           blk <= ext2.sb.first_data_block + ext2.gdt_blocks;
}

static void count_down(uint16_t *group_count, uint32_t *super_count)
{
    (*group_count)--;
    if (*super_count > 0)
        (*super_count)--;
}

/* Takes a clear bit in group g's bitmap (block or inode); OK and *bit,
 * or -ENOSPC if it has none, -EIO. */
static int take(uint32_t g, int inodes, int dir, uint32_t *bit)
{
    struct ext2_buf *gb;
    struct ext2_group *gd = group_get(g, &gb);
    if (gd == NULL)
        return -EIO;
    uint32_t n = inodes ? ext2.sb.inodes_per_group : group_blocks(g);
    uint32_t from = 0;
    if (inodes && g == 0)
        from = first_ino() - 1;
    if ((inodes ? gd->free_inodes_count : gd->free_blocks_count) == 0 || from >= n) {
        brelse(gb);
        return -ENOSPC;
    }
    struct ext2_buf *mb = bread(inodes ? gd->inode_bitmap : gd->block_bitmap);
    if (mb == NULL) {
        brelse(gb);
        return -EIO;
    }
    uint32_t i = first_clear(mb->data, from, n);
    while (!inodes && i < n && is_meta(g, gd, i))
        i = first_clear(mb->data, i + 1, n);
    int r = -ENOSPC;
    if (i < n) {
        bit_flip(mb->data, i);
        bdirty(mb);
        if (inodes) {
            count_down(&gd->free_inodes_count, &ext2.sb.free_inodes_count);
            if (dir)
                gd->used_dirs_count++;
        } else {
            count_down(&gd->free_blocks_count, &ext2.sb.free_blocks_count);
        }
        bdirty(gb);
        *bit = i;
        r = OK;
    }
    brelse(mb);
    brelse(gb);
    return r;
}

/* Clears a set bit; -EIO (and nothing changed) if it was clear. */
static int give(uint32_t g, uint32_t i, int inodes, int dir)
{
    struct ext2_buf *gb;
    struct ext2_group *gd = group_get(g, &gb);
    if (gd == NULL)
        return -EIO;
    struct ext2_buf *mb = bread(inodes ? gd->inode_bitmap : gd->block_bitmap);
    int r = -EIO;
    if (mb && bit_get(mb->data, i)) {
        bit_flip(mb->data, i);
        bdirty(mb);
        if (inodes) {
            gd->free_inodes_count++;
            ext2.sb.free_inodes_count++;
            if (dir && gd->used_dirs_count > 0)
                gd->used_dirs_count--;
        } else {
            gd->free_blocks_count++;
            ext2.sb.free_blocks_count++;
        }
        bdirty(gb);
        r = OK;
    } else {
        ext2_log("ext2: freeing a free %s (group %u bit %u)\n", inodes ? "inode" : "block", g, i);
    }
    brelse(mb);
    brelse(gb);
    return r;
}

/* Tries every group once, from goal on. */
static int search(uint32_t goal, int inodes, int dir, uint32_t *g_out, uint32_t *bit)
{
    if (goal >= ext2.groups)
        goal = 0;
    for (uint32_t k = 0; k < ext2.groups; k++) {
        uint32_t g = (goal + k) % ext2.groups;
        int r = take(g, inodes, dir, bit);
        if (r != -ENOSPC) {
            *g_out = g;
            return r;
        }
    }
    return -ENOSPC;
}

int balloc(uint32_t goal_group, uint32_t *blk)
{
    uint32_t g, bit;
    int r = search(goal_group, 0, 0, &g, &bit);
    if (r < 0)
        return r;
    *blk = ext2.sb.first_data_block + g * ext2.sb.blocks_per_group + bit;
    return OK;
}

int bfree(uint32_t blk)
{
    if (!block_ok(blk))
        return -EIO;
    uint32_t i = blk - ext2.sb.first_data_block;
    return give(i / ext2.sb.blocks_per_group, i % ext2.sb.blocks_per_group, 0, 0);
}

int ialloc(uint32_t goal_group, int dir, uint32_t *ino)
{
    uint32_t g, bit;
    int r = search(goal_group, 1, dir, &g, &bit);
    if (r < 0)
        return r;
    *ino = g * ext2.sb.inodes_per_group + bit + 1;
    return OK;
}

int ifree(uint32_t ino, int dir)
{
    if (!ino_ok(ino))
        return -EIO;
    uint32_t i = ino - 1;
    return give(i / ext2.sb.inodes_per_group, i % ext2.sb.inodes_per_group, 1, dir);
}

uint32_t ino_group(uint32_t ino)
{
    return (ino - 1) / ext2.sb.inodes_per_group;
}

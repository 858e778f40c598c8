/*
 * bmap.c - block maps: file block number (lbn) to disk block, through
 * i_block's 12 direct pointers and the single, double and triple
 * indirect trees (P = bsize / 4 pointers per indirect block).  A pointer
 * 0 is a hole.
 *
 * Invariants: every pointer followed passes block_ok, else -EIO; the
 * depth is at most 3, so walks are bounded; ip->blocks counts every data
 * and indirect block in 512-byte sectors.  A newly allocated block
 * (data or indirect) is zeroed, so holes inside it read as zeros.
 */
#include "ext2.h"

/* The i_block slot and the indices below it for lbn; how many (1..4),
 * or -EFBIG past the triple indirect tree. */
static int path(uint32_t lbn, uint32_t idx[4])
{
    uint64_t p = ext2.ptrs, n = lbn;
    if (n < EXT2_NDIR) {
        idx[0] = (uint32_t)n;
        return 1;
    }
    n -= EXT2_NDIR;
    if (n < p) {
        idx[0] = EXT2_IND;
        idx[1] = (uint32_t)n;
        return 2;
    }
    n -= p;
    if (n < p * p) {
        idx[0] = EXT2_DIND;
        idx[1] = (uint32_t)(n / p);
        idx[2] = (uint32_t)(n % p);
        return 3;
    }
    n -= p * p;
    if (n < p * p * p) {
        idx[0] = EXT2_TIND;
        idx[1] = (uint32_t)(n / (p * p));
        idx[2] = (uint32_t)(n / p % p);
        idx[3] = (uint32_t)(n % p);
        return 4;
    }
    return -EFBIG;
}

/* A new zeroed block for *slot; *nb is its pinned buffer. */
static int grow(uint32_t ino, struct ext2_inode *ip, uint32_t *slot, struct ext2_buf **nb)
{
    uint32_t b;
    int r = balloc(ino_group(ino), &b);
    if (r < 0)
        return r;
    *nb = bnew(b);
    if (*nb == NULL) {
        bfree(b);
        return -EIO;
    }
    *slot = b;
    ip->blocks += ext2.bsize / 512;
    return OK;
}

int bmap(uint32_t ino, struct ext2_inode *ip, uint32_t lbn, int alloc, uint32_t *blk)
{
    uint32_t idx[4];
    int n = path(lbn, idx);
    if (n < 0)
        return n;
    uint32_t *slot = &ip->block[idx[0]];
    struct ext2_buf *held = NULL;       /* the indirect block slot points into */
    for (int k = 0;; k++) {
        struct ext2_buf *nb = NULL;
        int r = OK;
        if (*slot == 0 && !alloc) {
            *blk = 0;                   /* a hole */
        } else if (*slot == 0) {
            r = grow(ino, ip, slot, &nb);
            if (r == OK && held)
                bdirty(held);
        } else if (!block_ok(*slot)) {
            ext2_log("ext2: inode %u: bad block number %u\n", ino, *slot);
            r = -EIO;
        }
        if (r < 0 || *slot == 0 || k == n - 1) {
            if (r == OK && *slot)
                *blk = *slot;
            brelse(nb);
            brelse(held);
            return r;
        }
        if (nb == NULL && (nb = bread(*slot)) == NULL) {
            brelse(held);
            return -EIO;
        }
        brelse(held);
        held = nb;
        slot = (uint32_t *)held->data + idx[k + 1];
    }
}

static void count_freed(struct ext2_inode *ip)
{
    uint32_t s = ext2.bsize / 512;
    ip->blocks = ip->blocks >= s ? ip->blocks - s : 0;
}

/* Frees blk and, if it is an indirect block of the given level (1..3),
 * everything below it.  The bit is cleared before the block is read, so
 * a hostile image whose pointers repeat a block is walked once per
 * block, not once per pointer. */
static int free_tree(struct ext2_inode *ip, uint32_t blk, int level)
{
    if (!block_ok(blk) || bfree(blk) < 0)
        return -EIO;
    count_freed(ip);
    if (level == 0)
        return OK;
    struct ext2_buf *b = bread(blk);
    if (b == NULL)
        return -EIO;
    int err = OK;
    uint32_t *p = (uint32_t *)b->data;
    for (uint32_t i = 0; i < ext2.ptrs; i++)
        if (p[i] && free_tree(ip, p[i], level - 1) < 0)
            err = -EIO;
    brelse(b);
    return err;
}

/* Frees the blocks at file block numbers >= keep under *slot, a tree of
 * the given level whose first file block is base. */
static int trunc_tree(struct ext2_inode *ip, uint32_t *slot, int level, uint64_t base,
                      uint32_t keep)
{
    if (*slot == 0)
        return OK;
    uint64_t below = 1;                 /* file blocks under one child */
    for (int i = 1; i < level; i++)
        below *= ext2.ptrs;
    if (base >= keep) {
        int r = free_tree(ip, *slot, level);
        *slot = 0;
        return r;
    }
    if (level == 0 || base + below * ext2.ptrs <= keep)
        return OK;
    struct ext2_buf *b = bread(*slot);
    if (b == NULL)
        return -EIO;
    uint32_t *p = (uint32_t *)b->data;
    int err = OK;
    for (uint32_t i = 0; i < ext2.ptrs; i++)
        if (trunc_tree(ip, &p[i], level - 1, base + i * below, keep) < 0)
            err = -EIO;
    bdirty(b);
    brelse(b);
    return err;
}

int bmap_trunc(struct ext2_inode *ip, uint32_t keep)
{
    uint64_t p = ext2.ptrs;
    int err = OK;
    for (uint32_t i = 0; i < EXT2_NDIR; i++)
        if (trunc_tree(ip, &ip->block[i], 0, i, keep) < 0)
            err = -EIO;
    if (trunc_tree(ip, &ip->block[EXT2_IND], 1, EXT2_NDIR, keep) < 0)
        err = -EIO;
    if (trunc_tree(ip, &ip->block[EXT2_DIND], 2, EXT2_NDIR + p, keep) < 0)
        err = -EIO;
    if (trunc_tree(ip, &ip->block[EXT2_TIND], 3, EXT2_NDIR + p + p * p, keep) < 0)
        err = -EIO;
    return err;
}

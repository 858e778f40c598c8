/*
 * cache.c - the block cache: EXT2_NBUF buffers of one file-system block
 * each, found through hash chains by block number, replaced least
 * recently used first, written back (a dirty block reaches the disk when
 * it is evicted or at cache_flush).
 *
 * All of its state is the one struct ext2_cache, so that a server can
 * keep it in its state region across a restart.
 * Invariants: a block is in at most one buffer; a valid buffer is on the
 * chain of hash[blk % EXT2_NHASH]; a pinned buffer (pins > 0) is never
 * evicted, so a pointer from bread stays good until brelse.  Only block
 * numbers that pass block_ok are ever cached, so the superblock (in
 * block 0 or 1) is never in the cache.
 */
#include "ext2.h"
#include "disk.h"


void cache_init(uint32_t bsize)
{
    struct ext2_cache *c = &ext2_cache;
    memset(c, 0, sizeof(*c));
    c->bsize = bsize;
    for (int i = 0; i < EXT2_NHASH; i++)
        c->hash[i] = EXT2_NONE;
    for (int i = 0; i < EXT2_NBUF; i++)
        c->buf[i].next = EXT2_NONE;
}

int block_ok(uint32_t blk)
{
    return blk > ext2.sb.first_data_block && blk < ext2.sb.blocks_count;
}

static struct ext2_buf *find(uint32_t blk)
{
    struct ext2_cache *c = &ext2_cache;
    for (int i = c->hash[blk % EXT2_NHASH]; i != EXT2_NONE; i = c->buf[i].next)
        if (c->buf[i].blk == blk)
            return &c->buf[i];
    return NULL;
}

static void unhash(struct ext2_buf *b)
{
    struct ext2_cache *c = &ext2_cache;
    int16_t *p = &c->hash[b->blk % EXT2_NHASH];
    int16_t me = (int16_t)(b - c->buf);
    while (*p != EXT2_NONE && *p != me)
        p = &c->buf[*p].next;
    if (*p == me)
        *p = b->next;
    b->next = EXT2_NONE;
    b->valid = 0;
}

static int write_back(struct ext2_buf *b)
{
    uint32_t bs = ext2_cache.bsize;
    if (!b->dirty)
        return OK;
    int r = disk_write((uint64_t)b->blk * bs, b->data, bs);
    if (r < 0) {
        ext2_log("ext2: cannot write block %u (%d)\n", b->blk, r);
        return r;
    }
    b->dirty = 0;
    return OK;
}

/* The least recently used unpinned buffer, written back and unhashed;
 * NULL if every buffer is pinned or the write-back failed. */
static struct ext2_buf *victim(void)
{
    struct ext2_cache *c = &ext2_cache;
    struct ext2_buf *best = NULL;
    for (int i = 0; i < EXT2_NBUF; i++) {
        struct ext2_buf *b = &c->buf[i];
        if (b->pins)
            continue;
        if (!b->valid)
            return b;
        if (best == NULL || b->used < best->used)
            best = b;
    }
    if (best == NULL) {
        ext2_log("ext2: every cache buffer is in use\n");
        return NULL;
    }
    if (write_back(best) < 0)
        return NULL;
    unhash(best);
    return best;
}

static struct ext2_buf *claim(uint32_t blk)
{
    struct ext2_cache *c = &ext2_cache;
    struct ext2_buf *b = victim();
    if (b == NULL)
        return NULL;
    b->blk = blk;
    b->dirty = 0;
    b->valid = 1;
    b->next = c->hash[blk % EXT2_NHASH];
    c->hash[blk % EXT2_NHASH] = (int16_t)(b - c->buf);
    return b;
}

static struct ext2_buf *pin(struct ext2_buf *b)
{
    b->pins++;
    b->used = ext2_cache.clock++;
    return b;
}

struct ext2_buf *bread(uint32_t blk)
{
    if (!block_ok(blk))
        return NULL;
    struct ext2_buf *b = find(blk);
    if (b)
        return pin(b);
    b = claim(blk);
    if (b == NULL)
        return NULL;
    uint32_t bs = ext2_cache.bsize;
    if (disk_read((uint64_t)blk * bs, b->data, bs) < 0) {
        ext2_log("ext2: cannot read block %u\n", blk);
        unhash(b);
        return NULL;
    }
    return pin(b);
}

struct ext2_buf *bnew(uint32_t blk)
{
    if (!block_ok(blk))
        return NULL;
    struct ext2_buf *b = find(blk);
    if (b == NULL)
        b = claim(blk);
    if (b == NULL)
        return NULL;
    memset(b->data, 0, ext2_cache.bsize);
    b->dirty = 1;
    return pin(b);
}

void bdirty(struct ext2_buf *b)
{
    b->dirty = 1;
}

void brelse(struct ext2_buf *b)
{
    if (b && b->pins > 0)
        b->pins--;
}

int cache_flush(void)
{
    int err = OK;
    for (int i = 0; i < EXT2_NBUF; i++) {
        struct ext2_buf *b = &ext2_cache.buf[i];
        if (b->valid && write_back(b) < 0)
            err = -EIO;
    }
    return err;
}

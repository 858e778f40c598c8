/*
 * blocks.c - the block pool and file contents.  Each file's blocks are a
 * chain through next_block[] starting at inode.first; free blocks are a
 * chain from free_head.  file_write writes what fits (whole blocks as
 * long as the pool lasts) and answers ENOSPC only when nothing fits; a
 * write that fails leaves the file as it was (blocks it added are given
 * back).  New blocks are zeroed; truncation zeroes the tail of the last
 * block, so bytes past the end always read as zeros when a file grows.
 */
#include "ramfs.h"

static uint8_t pool[RAMFS_NBLOCKS][RAMFS_BLOCK];
static uint16_t next_block[RAMFS_NBLOCKS];
static uint16_t free_head;
static uint32_t nfree;

void blocks_init(void)
{
    for (uint32_t i = 0; i < RAMFS_NBLOCKS; i++)
        next_block[i] = i + 1 < RAMFS_NBLOCKS ? (uint16_t)(i + 1) : NO_BLOCK;
    free_head = 0;
    nfree = RAMFS_NBLOCKS;
}

uint32_t blocks_free(void)
{
    return nfree;
}

static uint16_t block_alloc(void)
{
    uint16_t b = free_head;
    if (b == NO_BLOCK)
        return NO_BLOCK;
    free_head = next_block[b];
    next_block[b] = NO_BLOCK;
    nfree--;
    memset(pool[b], 0, RAMFS_BLOCK);
    return b;
}

/* The idx-th block of ip; with grow, append zeroed blocks up to it. */
static uint8_t *file_block(struct inode *ip, uint32_t idx, int grow)
{
    uint16_t *link = &ip->first;
    for (uint32_t i = 0;; i++) {
        if (*link == NO_BLOCK) {
            if (!grow || (*link = block_alloc()) == NO_BLOCK)
                return 0;
            ip->nblocks++;
        }
        if (i == idx)
            return pool[*link];
        link = &next_block[*link];
    }
}

/* Give back every block from index keep on. */
static void chain_cut(struct inode *ip, uint32_t keep)
{
    uint16_t *link = &ip->first;
    for (uint32_t i = 0; i < keep && *link != NO_BLOCK; i++)
        link = &next_block[*link];
    while (*link != NO_BLOCK) {
        uint16_t b = *link;
        *link = next_block[b];
        next_block[b] = free_head;
        free_head = b;
        nfree++;
        ip->nblocks--;
    }
}

static uint32_t blocks_for(uint32_t size)
{
    return (size + RAMFS_BLOCK - 1) / RAMFS_BLOCK;
}

int file_read(struct inode *ip, uint32_t pos, void *dst, uint32_t len)
{
    uint32_t done = 0;
    if (pos >= ip->size)
        return 0;
    if (len > ip->size - pos)
        len = ip->size - pos;
    while (done < len) {
        uint32_t off = (pos + done) % RAMFS_BLOCK;
        uint32_t n = RAMFS_BLOCK - off < len - done ? RAMFS_BLOCK - off : len - done;
        memcpy((uint8_t *)dst + done, file_block(ip, (pos + done) / RAMFS_BLOCK, 0) + off, n);
        done += n;
    }
    return (int)done;
}

int file_read_grant(struct inode *ip, uint32_t pos, endpoint_t who,
                    grant_id_t g, uint32_t len)
{
    uint32_t done = 0;
    if (pos >= ip->size)
        return 0;
    if (len > ip->size - pos)
        len = ip->size - pos;
    while (done < len) {
        uint32_t off = (pos + done) % RAMFS_BLOCK;
        uint32_t n = RAMFS_BLOCK - off < len - done ? RAMFS_BLOCK - off : len - done;
        int r = sys_safecopyto(who, g, done,
                               file_block(ip, (pos + done) / RAMFS_BLOCK, 0) + off, n);
        if (r != OK)
            return r;
        done += n;
    }
    return (int)done;
}

int file_write(struct inode *ip, uint32_t pos, const void *src, uint32_t len)
{
    uint32_t done = 0;
    if (len > UINT32_MAX - pos)
        return -EFBIG;
    while (done < len) {
        uint32_t off = (pos + done) % RAMFS_BLOCK;
        uint32_t n = RAMFS_BLOCK - off < len - done ? RAMFS_BLOCK - off : len - done;
        uint8_t *b = file_block(ip, (pos + done) / RAMFS_BLOCK, 1);
        if (!b)
            break;
        memcpy(b + off, (const uint8_t *)src + done, n);
        done += n;
    }
    if (done == 0 && len > 0) {
        chain_cut(ip, blocks_for(ip->size));    /* gap blocks it added */
        return -ENOSPC;
    }
    if (pos + done > ip->size)
        ip->size = pos + done;
    chain_cut(ip, blocks_for(ip->size));
    ip->mtime = ip->ctime = now();
    return (int)done;
}

int file_truncate(struct inode *ip, uint32_t size)
{
    if (size > ip->size) {
        uint32_t need = blocks_for(size) - ip->nblocks;
        if (blocks_for(size) > ip->nblocks && need > nfree)
            return -ENOSPC;
        if (size > 0 && !file_block(ip, (size - 1) / RAMFS_BLOCK, 1))
            return -ENOSPC;
    } else {
        chain_cut(ip, blocks_for(size));
        if (size % RAMFS_BLOCK) {
            uint8_t *b = file_block(ip, size / RAMFS_BLOCK, 0);
            memset(b + size % RAMFS_BLOCK, 0, RAMFS_BLOCK - size % RAMFS_BLOCK);
        }
    }
    ip->size = size;
    ip->mtime = ip->ctime = now();
    return OK;
}

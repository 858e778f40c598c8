/*
 * blocks.c - file contents in pool blocks (blockmap.c finds block idx of
 * a file).  A file of size s has exactly blocks_for(s) blocks, indices
 * 0.. without holes, and the bytes of its last block past s are zero, so
 * a file that grows (by a write past its end or ftruncate) reads zeros
 * there.  Data moves straight between a block and its source: memory, or
 * the request's grant (sys_safecopy; a grant VFS forwards from a client).
 *
 * file_write writes what fits (whole blocks as long as the pool lasts)
 * and answers ENOSPC only when nothing fits.  New blocks are zeroed only
 * where the write does not cover them.  The grant is checked before any
 * change: one copy when the write takes one block, else a zero-length
 * copy at its end first (grantee, access, length); a copy failing later
 * (a client gone, an unmapped page) makes a short write of the blocks
 * before it.  A write that fails leaves the file as it was.
 * A block the map cannot find is repaired before it is used (block()).
 */
#include "ramfs.h"

struct io {
    endpoint_t who;             /* the grant's owner, or NONE: memory */
    grant_id_t grant;
    uint8_t *mem;
};

static uint32_t blocks_for(uint32_t size)
{
    return size / RAMFS_BLOCK + (size % RAMFS_BLOCK != 0);
}

/* Block idx of ip.  A file has no holes, so a block below nblocks that
 * the map cannot find means the map is damaged: it is rebuilt from the
 * owners at once (check.c's repair), before the request is served, so a
 * damaged map never reads as a hole or gets a second block for a key. */
static uint8_t *block(struct inode *ip, uint32_t idx)
{
    uint8_t *b = bmap_get(inode_nr(ip), idx);
    if (!b && idx < ip->nblocks) {
        printf("ramfs: lookup: a block the hash table cannot find: block map rebuilt "
               "from the owners (%d blocks freed)\n", bmap_rebuild());
        b = bmap_get(inode_nr(ip), idx);
    }
    return b;
}

/* Blocks idx .. n-1 (fresh, contents undefined); the caller checked
 * that the pool has them. */
static void grow(struct inode *ip, uint32_t n)
{
    while (ip->nblocks < n && bmap_add(inode_nr(ip), ip->nblocks))
        ip->nblocks++;
}

static void shrink(struct inode *ip, uint32_t n)
{
    while (ip->nblocks > n)
        bmap_drop(inode_nr(ip), --ip->nblocks);
}

static int copy_in(const struct io *io, uint32_t off, uint8_t *dst, uint32_t n)
{
    if (io->who == NONE) {
        memcpy(dst, io->mem + off, n);
        return OK;
    }
    return sys_safecopyfrom(io->who, io->grant, off, dst, n);
}

static int copy_out(const struct io *io, uint32_t off, const uint8_t *src, uint32_t n)
{
    if (io->who == NONE) {
        memcpy(io->mem + off, src, n);
        return OK;
    }
    return sys_safecopyto(io->who, io->grant, off, src, n);
}

static int read_io(struct inode *ip, uint32_t pos, const struct io *io, uint32_t len)
{
    uint32_t done = 0;
    if (pos >= ip->size)
        return 0;
    if (len > ip->size - pos)
        len = ip->size - pos;
    while (done < len) {
        uint32_t off = (pos + done) % RAMFS_BLOCK;
        uint32_t n = RAMFS_BLOCK - off < len - done ? RAMFS_BLOCK - off : len - done;
        uint8_t *b = block(ip, (pos + done) / RAMFS_BLOCK);
        int r = b ? copy_out(io, done, b + off, n) : -EIO;
        if (r != OK)
            return r;
        done += n;
    }
    return (int)done;
}

/* Zero what [pos, end) does not cover of the new blocks from index first. */
static void zero_new(struct inode *ip, uint32_t first, uint32_t pos, uint32_t end)
{
    for (uint32_t i = first; i < ip->nblocks; i++) {
        uint32_t lo = i * RAMFS_BLOCK, hi = lo + RAMFS_BLOCK;
        uint8_t *b = block(ip, i);
        if (pos > lo)
            memset(b, 0, (pos < hi ? pos : hi) - lo);
        if (end < hi)
            memset(b + (end > lo ? end - lo : 0), 0, hi - (end > lo ? end : lo));
    }
}

/* Copy [pos, end) in; returns the bytes copied before a failure, or it. */
static int copy_range(struct inode *ip, uint32_t pos, uint32_t end, const struct io *io)
{
    uint32_t done = 0;
    while (pos + done < end) {
        uint32_t off = (pos + done) % RAMFS_BLOCK;
        uint32_t n = RAMFS_BLOCK - off < end - pos - done ? RAMFS_BLOCK - off : end - pos - done;
        uint8_t *b = block(ip, (pos + done) / RAMFS_BLOCK);
        int r = b ? copy_in(io, done, b + off, n) : -EIO;
        if (r != OK)
            return done ? (int)done : r;
        done += n;
    }
    return (int)done;
}

static int write_io(struct inode *ip, uint32_t pos, const struct io *io, uint32_t len)
{
    uint32_t have = ip->nblocks, end, need;
    int r;
    if (len > UINT32_MAX - pos)
        return -EFBIG;
    if (len == 0)
        return 0;
    end = pos + len;
    need = blocks_for(end);
    if (need > have && need - have > blocks_free()) {
        need = have + blocks_free();
        end = need * RAMFS_BLOCK;
    }
    if ((end != pos + len || end - pos > RAMFS_BLOCK - pos % RAMFS_BLOCK) &&
        (r = copy_in(io, len, 0, 0)) != OK)
        return r;
    if (end <= pos)
        return -ENOSPC;
    grow(ip, need);
    if (ip->nblocks < need) {
        shrink(ip, have);
        return -EIO;
    }
    zero_new(ip, have, pos, end);
    if ((r = copy_range(ip, pos, end, io)) > 0 && pos + (uint32_t)r > ip->size)
        ip->size = pos + (uint32_t)r;
    shrink(ip, blocks_for(ip->size));
    if (r > 0)
        ip->mtime = ip->ctime = now();
    return r;
}

int file_read(struct inode *ip, uint32_t pos, void *dst, uint32_t len)
{
    struct io io = { NONE, 0, dst };
    return read_io(ip, pos, &io, len);
}

int file_read_grant(struct inode *ip, uint32_t pos, endpoint_t who,
                    grant_id_t g, uint32_t len)
{
    struct io io = { who, g, 0 };
    return read_io(ip, pos, &io, len);
}

int file_write(struct inode *ip, uint32_t pos, const void *src, uint32_t len)
{
    struct io io = { NONE, 0, (uint8_t *)src };
    return write_io(ip, pos, &io, len);
}

int file_write_grant(struct inode *ip, uint32_t pos, endpoint_t who,
                     grant_id_t g, uint32_t len)
{
    struct io io = { who, g, 0 };
    return write_io(ip, pos, &io, len);
}

int file_truncate(struct inode *ip, uint32_t size)
{
    uint32_t have = ip->nblocks, need = blocks_for(size);
    if (need > have) {
        if (need - have > blocks_free())
            return -ENOSPC;
        grow(ip, need);
        if (ip->nblocks < need) {
            shrink(ip, have);
            return -EIO;
        }
        zero_new(ip, have, 0, 0);
    } else {
        shrink(ip, need);
        if (size % RAMFS_BLOCK && size < ip->size) {
            uint8_t *b = block(ip, size / RAMFS_BLOCK);
            if (b)
                memset(b + size % RAMFS_BLOCK, 0, RAMFS_BLOCK - size % RAMFS_BLOCK);
        }
    }
    ip->size = size;
    ip->mtime = ip->ctime = now();
    return OK;
}

/*
 * file.c - file contents: read, write and truncate through the block
 * map, and the operations ext2_read, ext2_write, ext2_truncate.
 *
 * Invariants: a file's size is at most 4 GiB - 1 (positions of proto/fs.h
 * have 32 bits), and 2 GiB - 1 without the large_file feature; the bytes
 * of the last block past the size are zero (truncate clears them), so
 * growing a file reads zeros; a hole reads as zeros.  A write writes what
 * fits: if the disk fills up it returns the bytes written, and -ENOSPC
 * only if it wrote none.
 */
#include "ext2.h"

static uint64_t max_size(void)
{
    if (ext2.sb.rev_level > 0 &&
        (ext2.sb.feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE))
        return 0xffffffffull;
    return 0x7fffffffull;
}

int file_read(uint32_t ino, struct ext2_inode *ip, uint64_t pos, void *buf, uint32_t len)
{
    uint64_t size = isize(ip);
    uint32_t bs = ext2.bsize, done = 0;
    if (pos >= size)
        return 0;
    if (len > size - pos)
        len = (uint32_t)(size - pos);
    if (len > 0x7fffffffu)
        len = 0x7fffffffu;              /* the count must fit the return value */
    while (done < len) {
        uint64_t at = pos + done;
        uint32_t off = (uint32_t)(at % bs), n = bs - off, blk;
        if (n > len - done)
            n = len - done;
        int r = bmap(ino, ip, (uint32_t)(at / bs), 0, &blk);
        if (r < 0)
            return done ? (int)done : r;
        if (blk == 0) {
            memset((uint8_t *)buf + done, 0, n);
        } else {
            struct ext2_buf *b = bread(blk);
            if (b == NULL)
                return done ? (int)done : -EIO;
            memcpy((uint8_t *)buf + done, b->data + off, n);
            brelse(b);
        }
        done += n;
    }
    return (int)done;
}

/* Writes into the file's blocks; the caller stores the inode. */
int file_write(uint32_t ino, struct ext2_inode *ip, uint64_t pos, const void *buf, uint32_t len)
{
    uint32_t bs = ext2.bsize, done = 0;
    if (pos + len > max_size() + 1 || len > 0x7fffffffu)
        return -EFBIG;
    int err = OK;
    while (done < len) {
        uint64_t at = pos + done;
        uint32_t off = (uint32_t)(at % bs), n = bs - off, blk;
        if (n > len - done)
            n = len - done;
        err = bmap(ino, ip, (uint32_t)(at / bs), 1, &blk);
        if (err < 0)
            break;
        struct ext2_buf *b = bread(blk);
        if (b == NULL) {
            err = -EIO;
            break;
        }
        memcpy(b->data + off, (const uint8_t *)buf + done, n);
        bdirty(b);
        brelse(b);
        done += n;
    }
    if (done > 0 && pos + done > isize(ip))
        iset_size(ip, pos + done);
    return done ? (int)done : err;
}

/* Zeroes the bytes of the block holding size from size on. */
static int clear_tail(uint32_t ino, struct ext2_inode *ip, uint64_t size)
{
    uint32_t bs = ext2.bsize, off = (uint32_t)(size % bs), blk;
    if (off == 0)
        return OK;
    int r = bmap(ino, ip, (uint32_t)(size / bs), 0, &blk);
    if (r < 0 || blk == 0)
        return r;
    struct ext2_buf *b = bread(blk);
    if (b == NULL)
        return -EIO;
    memset(b->data + off, 0, bs - off);
    bdirty(b);
    brelse(b);
    return OK;
}

int file_trunc(uint32_t ino, struct ext2_inode *ip, uint64_t size)
{
    uint32_t bs = ext2.bsize;
    if (size > max_size())
        return -EFBIG;
    if (size < isize(ip)) {
        uint64_t keep = (size + bs - 1) / bs;
        int r = bmap_trunc(ip, (uint32_t)keep);
        if (r == OK)
            r = clear_tail(ino, ip, size);
        if (r < 0)
            ext2_log("ext2: inode %u: truncate met a bad block map\n", ino);
    }
    iset_size(ip, size);
    return OK;
}

/* A regular file to change, or why not. */
static int writable(uint32_t ino, struct ext2_inode *ip)
{
    if (ext2.rdonly)
        return -EROFS;
    int r = iget(ino, ip);
    if (r < 0)
        return r;
    if (is_dir(ip))
        return -EISDIR;
    if (!VFS_S_ISTYPE(ip->mode, VFS_S_IFREG))
        return -EINVAL;
    return OK;
}

int ext2_read(uint32_t ino, uint32_t pos, void *buf, uint32_t len)
{
    struct ext2_inode in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    if (is_dir(&in))
        return -EISDIR;
    if (!VFS_S_ISTYPE(in.mode, VFS_S_IFREG) && !VFS_S_ISTYPE(in.mode, VFS_S_IFLNK))
        return -EINVAL;
    if (is_fast_link(&in)) {
        if (pos >= in.size)
            return 0;
        if (len > in.size - pos)
            len = in.size - pos;
        memcpy(buf, (const char *)in.block + pos, len);
        return (int)len;
    }
    return file_read(ino, &in, pos, buf, len);
}

int ext2_write(uint32_t ino, uint32_t pos, const void *buf, uint32_t len)
{
    struct ext2_inode in;
    int r = writable(ino, &in);
    if (r < 0)
        return r;
    if (len == 0)
        return 0;
    r = file_write(ino, &in, pos, buf, len);
    if (r > 0) {
        in.mtime = in.ctime = ext2_now;
        int r2 = iput(ino, &in);
        return r2 < 0 ? r2 : r;
    }
    iput(ino, &in);                     /* indirect blocks it may have kept */
    return r;
}

int ext2_truncate(uint32_t ino, uint32_t size)
{
    struct ext2_inode in;
    int r = writable(ino, &in);
    if (r < 0)
        return r;
    r = file_trunc(ino, &in, size);
    if (r < 0)
        return r;
    in.mtime = in.ctime = ext2_now;
    return iput(ino, &in);
}

/*
 * dir.c - directory records.  A directory is size / bsize blocks, each
 * divided completely into records { inode, rec_len, name_len, file_type,
 * name }; a record with inode 0 is free space.  The first block begins
 * with "." and "..".
 *
 * Invariants checked on every record read (else -EIO): rec_len >= 8, a
 * multiple of 4, inside the block; 8 + name_len <= rec_len.  Walks are
 * bounded by the directory's size.  A directory we change loses
 * EXT2_INDEX_FL: its hash index would be stale, and records written
 * plainly are what an indexed directory looks like to a reader that
 * ignores the index.
 */
#include "ext2.h"

#define REC_LEN(namelen)  ((EXT2_DIRENT_HEAD + (namelen) + 3u) & ~3u)

int name_ok(const char *name, uint32_t len)
{
    if (len == 0 || len > EXT2_NAME_LEN)
        return 0;
    if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
        return 0;
    for (uint32_t i = 0; i < len; i++)
        if (name[i] == '/' || name[i] == '\0')
            return 0;
    return 1;
}

uint8_t ftype(uint32_t mode)
{
    if (ext2.sb.rev_level == 0 || !(ext2.sb.feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE))
        return EXT2_FT_UNKNOWN;
    switch (mode & VFS_S_IFMT) {
    case VFS_S_IFREG: return EXT2_FT_REG;
    case VFS_S_IFDIR: return EXT2_FT_DIR;
    case VFS_S_IFCHR: return EXT2_FT_CHR;
    case VFS_S_IFBLK: return EXT2_FT_BLK;
    case VFS_S_IFIFO: return EXT2_FT_FIFO;
    case VFS_S_IFLNK: return EXT2_FT_SYMLINK;
    default:          return EXT2_FT_SOCK;
    }
}

/* Whole blocks only; never more than the disk has (a hostile size). */
static uint32_t nblocks(const struct ext2_inode *dp)
{
    uint32_t n = dp->size / ext2.bsize;
    return n < ext2.sb.blocks_count ? n : ext2.sb.blocks_count;
}

/* Block lbn of the directory, pinned; NULL (-EIO) for a hole or a bad map. */
static struct ext2_buf *dblock(uint32_t dino, struct ext2_inode *dp, uint32_t lbn)
{
    uint32_t blk;
    if (bmap(dino, dp, lbn, 0, &blk) < 0 || blk == 0) {
        ext2_log("ext2: directory %u: block %u is missing\n", dino, lbn);
        return NULL;
    }
    return bread(blk);
}

/* The record at off of a block, checked; NULL if it is malformed. */
static struct ext2_dirent *rec(struct ext2_buf *b, uint32_t off)
{
    uint32_t bs = ext2.bsize;
    if (off + EXT2_DIRENT_HEAD > bs)
        return NULL;
    struct ext2_dirent *de = (struct ext2_dirent *)(b->data + off);
    if (de->rec_len < EXT2_DIRENT_HEAD || de->rec_len % 4 != 0 ||
        off + de->rec_len > bs || EXT2_DIRENT_HEAD + de->name_len > de->rec_len)
        return NULL;
    return de;
}

static int bad_rec(uint32_t dino, uint32_t lbn, uint32_t off)
{
    ext2_log("ext2: directory %u: bad record in block %u at %u\n", dino, lbn, off);
    return -EIO;
}

/* Where a name is: OK with *lbn, *off, *prev (offset of the record
 * before it in the block, or off itself when it is the first); -ENOENT. */
static int locate(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len,
                  uint32_t *lbn, uint32_t *off, uint32_t *prev, uint32_t *ino)
{
    for (uint32_t l = 0; l < nblocks(dp); l++) {
        struct ext2_buf *b = dblock(dino, dp, l);
        if (b == NULL)
            return -EIO;
        uint32_t last = 0;
        for (uint32_t o = 0; o < ext2.bsize;) {
            struct ext2_dirent *de = rec(b, o);
            if (de == NULL) {
                brelse(b);
                return bad_rec(dino, l, o);
            }
            if (de->inode && de->name_len == len && memcmp(de + 1, name, len) == 0) {
                *lbn = l, *off = o, *prev = last, *ino = de->inode;
                brelse(b);
                return OK;
            }
            last = o;
            o += de->rec_len;
        }
        brelse(b);
    }
    return -ENOENT;
}

int dir_find(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len, uint32_t *ino)
{
    uint32_t lbn, off, prev;
    return locate(dino, dp, name, len, &lbn, &off, &prev, ino);
}

static int changed(uint32_t dino, struct ext2_inode *dp)
{
    dp->flags &= ~EXT2_INDEX_FL;
    dp->mtime = dp->ctime = ext2_now;
    return iput(dino, dp);
}

static void fill(struct ext2_dirent *de, uint32_t ino, uint32_t mode, const char *name,
                 uint32_t len)
{
    de->inode = ino;
    de->name_len = (uint8_t)len;
    de->file_type = ftype(mode);
    memcpy(de + 1, name, len);
}

/* Puts the record into a free gap of block b if one is big enough. */
static int place(struct ext2_buf *b, uint32_t need, uint32_t ino, uint32_t mode,
                 const char *name, uint32_t len)
{
    for (uint32_t o = 0; o < ext2.bsize;) {
        struct ext2_dirent *de = rec(b, o);
        if (de == NULL)
            return -EIO;
        uint32_t used = de->inode ? REC_LEN(de->name_len) : 0;
        if (de->rec_len - used >= need) {
            if (used) {
                struct ext2_dirent *nd = (struct ext2_dirent *)(b->data + o + used);
                nd->rec_len = (uint16_t)(de->rec_len - used);
                de->rec_len = (uint16_t)used;
                de = nd;
            }
            fill(de, ino, mode, name, len);
            bdirty(b);
            return OK;
        }
        o += de->rec_len;
    }
    return -ENOSPC;
}

int dir_add(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len,
            uint32_t ino, uint32_t mode)
{
    uint32_t need = REC_LEN(len), blk;
    for (uint32_t l = 0; l < nblocks(dp); l++) {
        struct ext2_buf *b = dblock(dino, dp, l);
        if (b == NULL)
            return -EIO;
        int r = place(b, need, ino, mode, name, len);
        brelse(b);
        if (r == -EIO)
            return bad_rec(dino, l, 0);
        if (r == OK)
            return changed(dino, dp);
    }
    if (dp->size > 0xffffffffu - ext2.bsize)
        return -EFBIG;
    int r = bmap(dino, dp, nblocks(dp), 1, &blk);
    struct ext2_buf *b = r < 0 ? NULL : bread(blk);
    if (b == NULL) {
        iput(dino, dp);                 /* blocks the map may have kept */
        return r < 0 ? r : -EIO;
    }
    struct ext2_dirent *de = (struct ext2_dirent *)b->data;
    de->rec_len = (uint16_t)ext2.bsize;
    fill(de, ino, mode, name, len);
    bdirty(b);
    brelse(b);
    dp->size += ext2.bsize;
    return changed(dino, dp);
}

int dir_remove(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len)
{
    uint32_t lbn, off, prev, ino;
    int r = locate(dino, dp, name, len, &lbn, &off, &prev, &ino);
    if (r < 0)
        return r;
    struct ext2_buf *b = dblock(dino, dp, lbn);
    if (b == NULL)
        return -EIO;
    struct ext2_dirent *de = (struct ext2_dirent *)(b->data + off);
    if (prev == off) {
        de->inode = 0;
    } else {
        struct ext2_dirent *pd = (struct ext2_dirent *)(b->data + prev);
        pd->rec_len = (uint16_t)(pd->rec_len + de->rec_len);
    }
    bdirty(b);
    brelse(b);
    return changed(dino, dp);
}

int dir_set(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len,
            uint32_t ino, uint32_t mode)
{
    uint32_t lbn, off, prev, old;
    int r = locate(dino, dp, name, len, &lbn, &off, &prev, &old);
    if (r < 0)
        return r;
    struct ext2_buf *b = dblock(dino, dp, lbn);
    if (b == NULL)
        return -EIO;
    struct ext2_dirent *de = (struct ext2_dirent *)(b->data + off);
    de->inode = ino;
    de->file_type = ftype(mode);
    bdirty(b);
    brelse(b);
    return changed(dino, dp);
}

/* The next record in use at or after *pos: 1 with *de, name (NUL-ended,
 * EXT2_NAME_LEN + 1 bytes) and *pos past it; 0 at the end; -EIO. */
int dir_next(uint32_t dino, struct ext2_inode *dp, uint32_t *pos, struct ext2_dirent *de,
             char *name)
{
    uint32_t bs = ext2.bsize;
    for (uint32_t l = *pos / bs; l < nblocks(dp); l++) {
        struct ext2_buf *b = dblock(dino, dp, l);
        if (b == NULL)
            return -EIO;
        for (uint32_t o = 0; o < bs;) {
            struct ext2_dirent *d = rec(b, o);
            if (d == NULL) {
                brelse(b);
                return bad_rec(dino, l, o);
            }
            if (d->inode && l * bs + o >= *pos) {
                *de = *d;
                memcpy(name, d + 1, d->name_len);
                name[d->name_len] = '\0';
                *pos = l * bs + o + d->rec_len;
                brelse(b);
                return 1;
            }
            o += d->rec_len;
        }
        brelse(b);
    }
    *pos = nblocks(dp) * bs;
    return 0;
}

/* 1 if only "." and ".." are in use, 0 if not, -EIO. */
int dir_empty(uint32_t dino, struct ext2_inode *dp)
{
    uint32_t pos = 0;
    struct ext2_dirent de;
    char name[EXT2_NAME_LEN + 1];
    int r;
    while ((r = dir_next(dino, dp, &pos, &de, name)) == 1)
        if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
            return 0;
    return r < 0 ? r : 1;
}

/*
 * ext2.h - the ext2 core: on-disk layout (revision 0 and 1, block sizes
 * 1, 2 and 4 KiB) and the operations a file-system server calls, one per
 * call of proto/fs.h.  The core has no IPC in it: it reaches the disk
 * only through disk.h, and the caller sets ext2_now (epoch seconds)
 * before each call and provides ext2_log for messages.
 *
 * Files are named by inode number.  Every operation returns OK (0), a
 * byte count, or -errno (errnums.h).  An operation that fails changes
 * nothing it has not undone, except that a write may stop short (it
 * returns what it wrote).  Nothing read from the disk is trusted: block
 * numbers, inode numbers, directory records and sizes are checked where
 * they are used, and a bad one is -EIO.
 *
 * The files: cache.c (block cache), super.c (mount, sync, statfs),
 * alloc.c (bitmaps), inode.c (inode table, references), bmap.c (block
 * maps), file.c (read, write, truncate), dir.c (directory records),
 * names.c (create, mkdir, link, unlink, rmdir), rename.c, attr.c
 * (getattr, setattr, symbolic links).
 */
#ifndef EXT2_H
#define EXT2_H

#include <stdint.h>
#include <stddef.h>
#include "errnums.h"
#include "proto/vfs.h"
#include "kstring.h"

/* ---- on disk ---------------------------------------------------------- */
#define EXT2_SUPER_OFFSET   1024        /* bytes from the start of the disk */
#define EXT2_MAGIC          0xEF53
#define EXT2_ROOT_INO       2
#define EXT2_NDIR           12          /* direct pointers in i_block */
#define EXT2_IND            12          /* i_block slots of the indirect trees */
#define EXT2_DIND           13
#define EXT2_TIND           14
#define EXT2_N_BLOCKS       15
#define EXT2_NAME_LEN       255
#define EXT2_LINK_MAX       32000
#define EXT2_FAST_LINK_MAX  60          /* bytes of a target kept in i_block */
#define EXT2_GOOD_OLD_INODE 128
#define EXT2_INDEX_FL       0x1000      /* a hashed directory (we write it plainly) */

#define EXT2_FEATURE_COMPAT_HAS_JOURNAL     0x0004
#define EXT2_FEATURE_INCOMPAT_FILETYPE      0x0002
#define EXT2_FEATURE_INCOMPAT_RECOVER       0x0004
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE   0x0002
#define EXT2_INCOMPAT_KNOWN  (EXT2_FEATURE_INCOMPAT_FILETYPE | EXT2_FEATURE_INCOMPAT_RECOVER)
#define EXT2_RO_COMPAT_KNOWN (EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | EXT2_FEATURE_RO_COMPAT_LARGE_FILE)

/* Directory entry file types (filetype feature). */
#define EXT2_FT_UNKNOWN  0
#define EXT2_FT_REG      1
#define EXT2_FT_DIR      2
#define EXT2_FT_CHR      3
#define EXT2_FT_BLK      4
#define EXT2_FT_FIFO     5
#define EXT2_FT_SOCK     6
#define EXT2_FT_SYMLINK  7

struct ext2_super {
    uint32_t inodes_count, blocks_count, r_blocks_count;
    uint32_t free_blocks_count, free_inodes_count;
    uint32_t first_data_block, log_block_size, log_frag_size;
    uint32_t blocks_per_group, frags_per_group, inodes_per_group;
    uint32_t mtime, wtime;
    uint16_t mnt_count, max_mnt_count, magic, state, errors, minor_rev_level;
    uint32_t lastcheck, checkinterval, creator_os, rev_level;
    uint16_t def_resuid, def_resgid;
    uint32_t first_ino;
    uint16_t inode_size, block_group_nr;
    uint32_t feature_compat, feature_incompat, feature_ro_compat;
    uint8_t rest[1024 - 104];
};
_Static_assert(sizeof(struct ext2_super) == 1024, "the superblock is 1024 bytes");

struct ext2_group {
    uint32_t block_bitmap, inode_bitmap, inode_table;
    uint16_t free_blocks_count, free_inodes_count, used_dirs_count, flags;
    uint8_t reserved[12];
};
_Static_assert(sizeof(struct ext2_group) == 32, "a group descriptor is 32 bytes");

/* The first 128 bytes of an inode; a larger inode's rest is kept as is. */
struct ext2_inode {
    uint16_t mode, uid;
    uint32_t size, atime, ctime, mtime, dtime;
    uint16_t gid, links_count;
    uint32_t blocks;                    /* 512-byte sectors, indirect blocks included */
    uint32_t flags, osd1;
    uint32_t block[EXT2_N_BLOCKS];
    uint32_t generation, file_acl, size_high, faddr;
    uint8_t frag, fsize;
    uint16_t pad1, uid_high, gid_high;
    uint32_t reserved2;
};
_Static_assert(sizeof(struct ext2_inode) == 128, "the old inode is 128 bytes");

struct ext2_dirent {                    /* followed by name_len bytes of name */
    uint32_t inode;
    uint16_t rec_len;
    uint8_t name_len, file_type;
};
#define EXT2_DIRENT_HEAD 8

/* ---- the block cache (cache.c) ------------------------------------------ */
#define EXT2_BLOCK_MAX   4096
#define EXT2_NBUF        256            /* buffers in the cache */
#define EXT2_NHASH       512            /* hash chains (block number % EXT2_NHASH) */
#define EXT2_NONE        (-1)

struct ext2_buf {
    uint32_t blk;
    uint32_t used;                      /* LRU stamp: larger = used later */
    uint16_t pins;                      /* bread without brelse */
    uint8_t valid, dirty;
    int16_t next;                       /* hash chain, EXT2_NONE at the end */
    _Alignas(8) uint8_t data[EXT2_BLOCK_MAX];  /* holds structs: aligned */
};

struct ext2_cache {
    uint32_t bsize;
    uint32_t clock;                     /* the next LRU stamp */
    int16_t hash[EXT2_NHASH];
    struct ext2_buf buf[EXT2_NBUF];
};

void cache_init(uint32_t bsize);
struct ext2_buf *bread(uint32_t blk);   /* NULL: a bad number, an I/O error, no buffer */
struct ext2_buf *bnew(uint32_t blk);    /* a zeroed, dirty buffer, not read */
void bdirty(struct ext2_buf *b);
void brelse(struct ext2_buf *b);
int cache_flush(void);                  /* write every dirty block */
int block_ok(uint32_t blk);             /* may hold data or metadata */

/* ---- the mount (super.c) --------------------------------------------------- */
#define EXT2_NREFS   64                 /* inodes the server may hold at once */

struct ext2_ref { uint32_t ino, count; };

struct ext2_fs {
    struct ext2_super sb;
    uint32_t bsize, groups, ptrs;       /* ptrs: block numbers in a block */
    uint32_t isize, ipb, itb;           /* inode size, inodes per block, inode-table blocks */
    uint32_t gdt_blocks;
    int mounted, rdonly;
    struct ext2_ref refs[EXT2_NREFS];
};

extern struct ext2_fs ext2;
extern struct ext2_cache ext2_cache;
extern uint32_t ext2_now;               /* "now", set by the caller */
void ext2_log(const char *fmt, ...);    /* the caller prints it */

struct ext2_group *group_get(uint32_t g, struct ext2_buf **bp);
uint32_t group_blocks(uint32_t g);

/* ---- inodes (inode.c) ------------------------------------------------------ */
int ino_ok(uint32_t ino);
int iget(uint32_t ino, struct ext2_inode *ip);  /* also checks it is in use */
int iput(uint32_t ino, const struct ext2_inode *ip);
int inode_init(uint32_t ino, const struct ext2_inode *ip);  /* a new inode, whole record */
uint64_t isize(const struct ext2_inode *ip);
void iset_size(struct ext2_inode *ip, uint64_t size);
uint32_t ref_count(uint32_t ino);
int ifree_if_unused(uint32_t ino, struct ext2_inode *ip);
int is_dir(const struct ext2_inode *ip);
int is_fast_link(const struct ext2_inode *ip);
int has_blocks(const struct ext2_inode *ip);

/* ---- bitmaps (alloc.c) ------------------------------------------------------ */
int balloc(uint32_t goal_group, uint32_t *blk);
int bfree(uint32_t blk);
int ialloc(uint32_t goal_group, int dir, uint32_t *ino);
int ifree(uint32_t ino, int dir);
uint32_t ino_group(uint32_t ino);

/* ---- block maps (bmap.c) ---------------------------------------------------- */
int bmap(uint32_t ino, struct ext2_inode *ip, uint32_t lbn, int alloc, uint32_t *blk);
int bmap_trunc(struct ext2_inode *ip, uint32_t keep);  /* free blocks >= keep */

/* ---- files (file.c) ---------------------------------------------------------- */
int file_read(uint32_t ino, struct ext2_inode *ip, uint64_t pos, void *buf, uint32_t len);
int file_write(uint32_t ino, struct ext2_inode *ip, uint64_t pos, const void *buf, uint32_t len);
int file_trunc(uint32_t ino, struct ext2_inode *ip, uint64_t size);

/* ---- directories (dir.c) ------------------------------------------------------ */
int name_ok(const char *name, uint32_t len);
int dir_find(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len, uint32_t *ino);
int dir_add(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len,
            uint32_t ino, uint32_t mode);
int dir_remove(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len);
int dir_set(uint32_t dino, struct ext2_inode *dp, const char *name, uint32_t len,
            uint32_t ino, uint32_t mode);
int dir_empty(uint32_t dino, struct ext2_inode *dp);
int dir_next(uint32_t dino, struct ext2_inode *dp, uint32_t *pos, struct ext2_dirent *de,
             char *name);
uint8_t ftype(uint32_t mode);

/* ---- shared by the operations (names.c) ---------------------------------------------- */
int dir_open(uint32_t dino, struct ext2_inode *dp, int write);
int make_node(uint32_t dir, const char *name, uint32_t len, uint32_t mode, uint32_t uid,
              uint32_t gid, uint32_t *ino, struct ext2_inode *ip);
int drop_link(uint32_t ino, struct ext2_inode *ip);

/* ---- the operations: one per call of proto/fs.h ----------------------------------- */
#define EXT2_KEEP   0xffffffffu         /* = FS_KEEP: setattr leaves it alone */
#define EXT2_NOW    0xfffffffeu         /* = FS_NOW: setattr uses ext2_now */

int ext2_mount(int rdonly, struct vfs_stat *root);
int ext2_sync(void);
int ext2_statfs(struct vfs_statfs *st);
int ext2_lookup(uint32_t dir, const char *name, uint32_t len, struct vfs_stat *st);
int ext2_getattr(uint32_t ino, struct vfs_stat *st);
int ext2_read(uint32_t ino, uint32_t pos, void *buf, uint32_t len);
int ext2_write(uint32_t ino, uint32_t pos, const void *buf, uint32_t len);
int ext2_truncate(uint32_t ino, uint32_t size);
int ext2_create(uint32_t dir, const char *name, uint32_t len, uint32_t mode, uint32_t rdev,
                uint32_t uid, uint32_t gid, struct vfs_stat *st);
int ext2_mkdir(uint32_t dir, const char *name, uint32_t len, uint32_t mode,
               uint32_t uid, uint32_t gid, struct vfs_stat *st);
int ext2_unlink(uint32_t dir, const char *name, uint32_t len);
int ext2_rmdir(uint32_t dir, const char *name, uint32_t len);
int ext2_link(uint32_t dir, const char *name, uint32_t len, uint32_t ino);
int ext2_rename(uint32_t odir, const char *oname, uint32_t olen,
                uint32_t ndir, const char *nname, uint32_t nlen);
int ext2_getdents(uint32_t dir, uint32_t *cookie, struct vfs_dirent *out, uint32_t max);
int ext2_ref(uint32_t ino, int delta);
int ext2_setattr(uint32_t ino, uint32_t mode, uint32_t uid, uint32_t gid,
                 uint32_t atime, uint32_t mtime, struct vfs_stat *st);
int ext2_symlink(uint32_t dir, const char *name, uint32_t len, const char *target,
                 uint32_t tlen, uint32_t mode, uint32_t uid, uint32_t gid, struct vfs_stat *st);
int ext2_readlink(uint32_t ino, char *buf, uint32_t len);

#endif

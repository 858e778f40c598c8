/*
 * ramfs.h - the boot ramdisk's file system: a writable in-memory tree
 * loaded from the "ramdisk" boot module (a cpio newc archive), serving
 * proto/fs.h to VFS.  Shared declarations of servers/ramfs/.
 *
 * Storage: a fixed pool of RAMFS_NBLOCKS blocks of RAMFS_BLOCK bytes; a
 * table outside it maps (inode, block index) to a block (blockmap.c).
 * A file of size s has blocks 0 .. ceil(s / RAMFS_BLOCK) - 1.
 * Directories are files of struct vfs_dirent records (ino 0 = free slot),
 * the first two being "." and "..".  A symbolic link (S_IFLNK) is a file
 * whose contents, 1..VFS_PATH_MAX-1 bytes, are its target.  Inode number = table index + 1; the
 * root is RAMFS_ROOT.  Invariants: a used inode has mode != 0; a block is
 * in exactly one chain; the bytes of a file's last block past its size
 * are zero (so extending a file reads zeros); an inode is freed only when
 * nlink == 0 and VFS holds no reference (refs == 0).
 */
#ifndef RAMFS_H
#define RAMFS_H

#include "sef.h"
#include "proto/fs.h"

#define RAMFS_BLOCK    4096
#define RAMFS_POOL     (16u * 1024 * 1024)          /* the capacity: one place */
#define RAMFS_NBLOCKS  (RAMFS_POOL / RAMFS_BLOCK)
#define RAMFS_NINODES  2048
#define RAMFS_ROOT     1
#define RAMFS_IO_MAX   (64u * 1024)                /* largest FS_READ/FS_WRITE */
#define RAMDISK_MAX    (6u * 1024 * 1024)          /* largest boot image */
#define NO_BLOCK       0xffffu
#define DIRENT_SIZE    ((uint32_t)sizeof(struct vfs_dirent))

struct inode {
    uint32_t mode;              /* 0: free */
    uint32_t nlink;
    uint32_t refs;              /* VFS's references (FS_REF) */
    uint32_t size;
    uint32_t rdev;
    uint32_t atime, mtime, ctime;
    uint32_t nblocks;           /* = ceil(size / RAMFS_BLOCK) */
    uint32_t uid, gid;          /* the owner (the ramdisk's files: root) */
};

/* inode.c and blockmap.c keep their tables in the state region (sef.h
 * STATE): a restarted ramfs serves on from them once inode_check and
 * bmap_check (NULL: sound, else what is wrong) have passed. */

/* inode.c */
void inode_init(void);                          /* every inode free */
const char *inode_check(void);
const char *inode_damaged(const void *entry);   /* one inode's shape */
void inode_twin_check(void);                    /* damaged inodes from their copies */
void inode_settle(void);                        /* srv_table.settle: copy what was handed out */
struct inode *inode_get(uint32_t ino);          /* a used inode, or 0; copied when done */
struct inode *inode_peek(uint32_t ino);         /* the same, to read only */
uint32_t inode_nr(const struct inode *ip);
struct inode *inode_alloc(uint32_t mode, uint32_t rdev);   /* 0: none free */
void inode_release(struct inode *ip);           /* free if unlinked and unused */
void inode_attr(const struct inode *ip, struct vfs_stat *st);
uint32_t inodes_free(void);
uint32_t now(void);
int is_dir(const struct inode *ip);

/* blockmap.c: block idx of inode ino (0: none), a fresh one (contents
 * undefined; 0: the pool is empty), give one back */
void blocks_init(void);
const char *bmap_check(void);
int bmap_rebuild(void);                 /* from owner[]: blocks freed */
void bmap_corrupt(void);
uint32_t blocks_free(void);
uint8_t *bmap_get(uint32_t ino, uint32_t idx);
uint8_t *bmap_add(uint32_t ino, uint32_t idx);
void bmap_drop(uint32_t ino, uint32_t idx);

/* blocks.c: contents, from and to memory or a grant of 'who' */
int file_read(struct inode *ip, uint32_t pos, void *dst, uint32_t len);
int file_read_grant(struct inode *ip, uint32_t pos, endpoint_t who,
                    grant_id_t g, uint32_t len);
int file_write(struct inode *ip, uint32_t pos, const void *src, uint32_t len);
int file_write_grant(struct inode *ip, uint32_t pos, endpoint_t who,
                     grant_id_t g, uint32_t len);
int file_truncate(struct inode *ip, uint32_t size);

/* dir.c */
int name_ok(const char *name, uint32_t len);
uint32_t dir_lookup(struct inode *dp, const char *name, uint32_t len, uint32_t *slot);
int dir_add(struct inode *dp, const char *name, uint32_t len, uint32_t ino);
void dir_set(struct inode *dp, uint32_t slot, uint32_t ino);
int dir_empty(struct inode *dp);
int dir_init(struct inode *dp, uint32_t parent);
int dir_getdents(struct inode *dp, uint32_t *cookie, void *buf, uint32_t len);

/* namei.c: the tree operations shared by the protocol and the loader */
int ns_create(struct inode *dp, const char *name, uint32_t len, uint32_t mode,
              uint32_t rdev, struct inode **out);
int ns_mkdir(struct inode *dp, const char *name, uint32_t len, uint32_t mode,
             struct inode **out);
int ns_link(struct inode *dp, const char *name, uint32_t len, struct inode *ip);
int ns_symlink(struct inode *dp, const char *name, uint32_t len, const char *target,
               uint32_t tlen, uint32_t mode, struct inode **out);

/* ops.c: a name from the request's grant, checked (NUL-terminated in buf) */
int get_name(const message *m, uint32_t off, uint32_t len, char *buf);

/* cpio.c */
int cpio_load(void);

/* check.c: the self-check on every heartbeat */
void ramfs_check(void);

/* again.c: the record of the last answer, for a request sent again */
int fs_again(message *m);
void fs_answered(endpoint_t to, const message *m);

/* ops.c, tree.c, symlink.c, statfs.c: the handlers */
int do_mount(message *m);
int do_lookup(message *m);
int do_getattr(message *m);
int do_read(message *m);
int do_write(message *m);
int do_getdents(message *m);
int do_truncate(message *m);
int do_ref(message *m);
int do_create(message *m);
int do_mkdir(message *m);
int do_unlink(message *m);
int do_rmdir(message *m);
int do_link(message *m);
int do_rename(message *m);
int do_setattr(message *m);
int do_symlink(message *m);
int do_readlink(message *m);
int do_statfs(message *m);
int do_sync(message *m);
int do_unmount(message *m);

#endif

/*
 * inode.c - ramfs's inode table: allocation, lookup by number, release
 * and attributes.  inode_get accepts any number and answers 0 for one
 * that is out of range or free, so a handler never trusts VFS's number.
 * Each inode has a second copy (twin.h), taken on every heartbeat and
 * for every inode a request was handed, once the request is done.
 */
#include "ramfs.h"
#include "twin.h"

static struct inode inodes[RAMFS_NINODES] STATE;     /* kept across a restart */
static struct inode copies[RAMFS_NINODES] STATE;     /* the second copy (twin.h) */
static uint32_t sums[RAMFS_NINODES] STATE;

static const struct twin twin;
#define TOUCH_MAX 8
static int touched[TOUCH_MAX], ntouched;        /* handed out by this request */

/* A handler may change any inode inode_get or inode_alloc handed it
 * (inode_peek: to read only): each is copied when the request is done
 * (inode_settle).  More than TOUCH_MAX in one request
 * (none does so) wait for the heartbeat's compare. */
static struct inode *touch(struct inode *ip)
{
    int i = (int)(ip - inodes);
    for (int k = 0; k < ntouched; k++)
        if (touched[k] == i)
            return ip;
    if (ntouched < TOUCH_MAX)
        touched[ntouched++] = i;
    return ip;
}

void inode_settle(void)
{
    for (int k = 0; k < ntouched; k++)
        twin_keep(&twin, touched[k]);
    ntouched = 0;
}

void inode_init(void)
{
    memset(inodes, 0, sizeof(inodes));
}

/* The time of day in epoch seconds (the kernel's boot epoch, read once,
 * plus the uptime). */
uint32_t now(void)
{
    static uint32_t epoch;
    if (!epoch)
        epoch = sys_boot_epoch();
    return epoch + (uint32_t)(sys_uptime_us() / 1000000);
}

struct inode *inode_peek(uint32_t ino)
{
    if (ino < 1 || ino > RAMFS_NINODES || inodes[ino - 1].mode == 0)
        return 0;
    return &inodes[ino - 1];
}

struct inode *inode_get(uint32_t ino)
{
    struct inode *ip = inode_peek(ino);
    return ip ? touch(ip) : 0;
}

uint32_t inode_nr(const struct inode *ip)
{
    return (uint32_t)(ip - inodes) + 1;
}

int is_dir(const struct inode *ip)
{
    return VFS_S_ISTYPE(ip->mode, VFS_S_IFDIR);
}

struct inode *inode_alloc(uint32_t mode, uint32_t rdev)
{
    for (int i = 0; i < RAMFS_NINODES; i++) {
        struct inode *ip = &inodes[i];
        if (ip->mode != 0)
            continue;
        memset(ip, 0, sizeof(*ip));
        ip->mode = mode;
        ip->rdev = rdev;
        ip->atime = ip->mtime = ip->ctime = now();
        return touch(ip);
    }
    return 0;
}

uint32_t inodes_free(void)
{
    uint32_t n = 0;
    for (int i = 0; i < RAMFS_NINODES; i++)
        n += inodes[i].mode == 0;
    return n;
}

void inode_release(struct inode *ip)
{
    if (ip->nlink > 0 || ip->refs > 0)
        return;
    file_truncate(ip, 0);
    ip->mode = 0;
}

void inode_attr(const struct inode *ip, struct vfs_stat *st)
{
    memset(st, 0, sizeof(*st));
    st->ino = inode_nr(ip);
    st->mode = ip->mode;
    st->nlink = ip->nlink;
    st->rdev = ip->rdev;
    st->uid = ip->uid;
    st->gid = ip->gid;
    st->size = ip->size;
    st->atime = ip->atime;
    st->mtime = ip->mtime;
    st->ctime = ip->ctime;
    st->blksize = RAMFS_BLOCK;
    st->blocks = ip->nblocks * (RAMFS_BLOCK / 512);
}

static int known_type(uint32_t mode)
{
    uint32_t t = mode & VFS_S_IFMT;
    return t == VFS_S_IFREG || t == VFS_S_IFDIR || t == VFS_S_IFCHR ||
           t == VFS_S_IFBLK || t == VFS_S_IFIFO || t == VFS_S_IFLNK;
}

/* One inode's shape: NULL when sound, else what is wrong.  A free inode
 * (mode 0) is sound whatever its other fields hold. */
const char *inode_damaged(const void *entry)
{
    const struct inode *ip = entry;
    if (ip->mode == 0)
        return 0;
    if (!known_type(ip->mode) || ip->mode > 0xffffu)
        return "an inode of no known type";
    if (ip->nblocks != (ip->size + RAMFS_BLOCK - 1) / RAMFS_BLOCK ||
        ip->nblocks > RAMFS_NBLOCKS)
        return "an inode whose block count does not match its size";
    if (is_dir(ip) && (ip->size % DIRENT_SIZE || ip->size < 2 * DIRENT_SIZE))
        return "a directory of a size no directory has";
    if (VFS_S_ISTYPE(ip->mode, VFS_S_IFLNK) && (ip->size == 0 || ip->size >= VFS_PATH_MAX))
        return "a symbolic link of a length no target has";
    if (ip->uid > 0xffffu || ip->gid > 0xffffu)
        return "an owner out of range";
    return 0;
}

/* The table's invariants (ramfs.h), on a table inherited from a previous
 * instance: NULL when they hold, else what is wrong. */
const char *inode_check(void)
{
    const struct inode *root = inode_get(RAMFS_ROOT);
    if (!root || !is_dir(root))
        return "no root directory";
    for (int i = 0; i < RAMFS_NINODES; i++) {
        const char *why = inode_damaged(&inodes[i]);
        if (why)
            return why;
    }
    return 0;
}

static int inode_unused(const void *entry)
{
    return ((const struct inode *)entry)->mode == 0;
}

static const struct twin twin = {
    .what = "ramfs: self-check: inode table", .table = inodes, .copy = copies,
    .sum = sums, .size = sizeof(struct inode), .n = RAMFS_NINODES,
    .damaged = inode_damaged, .unused = inode_unused,
};

/* Damaged inodes back from their second copies (twin.h). */
void inode_twin_check(void)
{
    twin_check(&twin);
}

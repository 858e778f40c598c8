/*
 * symlink.c - symbolic links: FS_SYMLINK makes one, FS_READLINK reads
 * its target back.  A link is an inode of type S_IFLNK whose contents
 * (size bytes, 1..VFS_PATH_MAX-1, stored in blocks like a file's) are the
 * target exactly as given; ramfs never follows one (VFS does).  The
 * request is checked in full (names, lengths, no NUL in the target)
 * before the tree changes; a link that cannot get its block is not made.
 */
#include "ramfs.h"

#define REQ(m) MSG_BODY(m, struct fs_req)

/* The target, len bytes at offset off of the request's grant. */
static int get_target(const message *m, uint32_t off, uint32_t len, char *buf)
{
    int r;
    if (len == 0 || len >= VFS_PATH_MAX)
        return len ? -ENAMETOOLONG : -ENOENT;
    if ((r = sys_safecopyfrom(m->m_source, REQ(m)->grant, off, buf, len)) != OK)
        return r;
    buf[len] = '\0';
    return strlen(buf) == len ? OK : -EINVAL;
}

int do_symlink(message *m)
{
    char name[VFS_NAME_MAX + 1], target[VFS_PATH_MAX];
    struct fs_req *rq = REQ(m);
    struct inode *dp, *ip;
    int r;
    if (rq->len1 == 0 || rq->len1 >= rq->len)
        return -EINVAL;
    if ((r = get_name(m, 0, rq->len1, name)) != OK ||
        (r = get_target(m, rq->len1, rq->len - rq->len1, target)) != OK)
        return r;
    if (!(dp = inode_get(rq->ino)))
        return -EINVAL;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return -EEXIST;
    r = ns_symlink(dp, name, rq->len1, target, rq->len - rq->len1, rq->mode, &ip);
    if (r != OK)
        return r;
    ip->uid = rq->uid;
    ip->gid = rq->gid;
    inode_attr(ip, MSG_BODY(m, struct vfs_stat));
    return OK;
}

int do_readlink(message *m)
{
    struct fs_req *rq = REQ(m);
    struct inode *ip = inode_peek(rq->ino);
    uint32_t n;
    if (!ip || !VFS_S_ISTYPE(ip->mode, VFS_S_IFLNK))
        return -EINVAL;
    if (rq->len > RAMFS_IO_MAX)
        return -EINVAL;
    n = rq->len < ip->size ? rq->len : ip->size;
    return file_read_grant(ip, 0, m->m_source, rq->grant, n);
}

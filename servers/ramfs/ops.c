/*
 * ops.c - the FS protocol's calls on existing files: mount, lookup,
 * getattr, read, write, getdents, truncate, ref, setattr (chmod, chown,
 * file times: VFS decides who may).  Every number from the
 * request is checked (inode in range and in use, right file type, sizes
 * at most RAMFS_IO_MAX) before anything changes.  Reads and writes copy
 * straight between the grant and the file's blocks (blocks.c checks the
 * grant before it changes anything).
 */
#include "ramfs.h"

static uint8_t staging[RAMFS_IO_MAX];

#define REQ(m) MSG_BODY(m, struct fs_req)

/* Copy a name (len bytes at offset off of the request's grant). */
int get_name(const message *m, uint32_t off, uint32_t len, char *buf)
{
    const struct fs_req *rq = MSG_BODY(m, const struct fs_req);
    int r;
    if (len == 0 || len > VFS_NAME_MAX)
        return len ? -ENAMETOOLONG : -EINVAL;
    if ((r = sys_safecopyfrom(m->m_source, rq->grant, off, buf, len)) != OK)
        return r;
    buf[len] = '\0';
    return name_ok(buf, len) ? OK : -EINVAL;
}

static int reply_attr(message *m, const struct inode *ip)
{
    inode_attr(ip, MSG_BODY(m, struct vfs_stat));
    return OK;
}

int do_mount(message *m)
{
    return reply_attr(m, inode_peek(RAMFS_ROOT));
}

int do_lookup(message *m)
{
    char name[VFS_NAME_MAX + 1];
    struct inode *dp = inode_peek(REQ(m)->ino), *ip;
    int r = get_name(m, 0, REQ(m)->len, name);
    if (r != OK)
        return r;
    if (!dp)
        return -EINVAL;
    if (!is_dir(dp))
        return -ENOTDIR;
    if (dp->nlink == 0 || !(ip = inode_peek(dir_lookup(dp, name, REQ(m)->len, 0))))
        return -ENOENT;
    return reply_attr(m, ip);
}

int do_getattr(message *m)
{
    struct inode *ip = inode_peek(REQ(m)->ino);
    return ip ? reply_attr(m, ip) : -EINVAL;
}

static int regular(struct inode *ip)
{
    if (!ip)
        return -EINVAL;
    if (is_dir(ip))
        return -EISDIR;
    return VFS_S_ISTYPE(ip->mode, VFS_S_IFREG) ? OK : -EINVAL;
}

int do_read(message *m)
{
    struct fs_req *rq = REQ(m);
    struct inode *ip = inode_peek(rq->ino);
    int r = regular(ip);
    if (r != OK)
        return r;
    if (rq->len > RAMFS_IO_MAX)
        return -EINVAL;
    return file_read_grant(ip, rq->pos, m->m_source, rq->grant, rq->len);
}

int do_write(message *m)
{
    struct fs_req *rq = REQ(m);
    struct inode *ip = inode_get(rq->ino);
    int r = regular(ip);
    if (r != OK)
        return r;
    if (rq->len > RAMFS_IO_MAX)
        return -EINVAL;
    if (rq->len > UINT32_MAX - rq->pos)
        return -EFBIG;
    return file_write_grant(ip, rq->pos, m->m_source, rq->grant, rq->len);
}

int do_getdents(message *m)
{
    struct fs_req *rq = REQ(m);
    struct inode *dp = inode_peek(rq->ino);
    uint32_t cookie = rq->pos;
    int n, r;
    if (!dp)
        return -EINVAL;
    if (!is_dir(dp))
        return -ENOTDIR;
    if (rq->len > RAMFS_IO_MAX || rq->len < DIRENT_SIZE)
        return -EINVAL;
    n = dir_getdents(dp, &cookie, staging, rq->len);
    if (n > 0 && (r = sys_safecopyto(m->m_source, rq->grant, 0, staging, n)) != OK)
        return r;
    rq->pos = cookie;
    return n;
}

int do_truncate(message *m)
{
    struct inode *ip = inode_get(REQ(m)->ino);
    int r = regular(ip);
    return r == OK ? file_truncate(ip, REQ(m)->pos) : r;
}

/* New permission bits, owner and times, each unless FS_KEEP; checked first. */
int do_setattr(message *m)
{
    struct fs_req *rq = REQ(m);
    struct inode *ip = inode_get(rq->ino);
    uint32_t mode = rq->mode;
    if (!ip || (mode != FS_KEEP && (mode & ~07777u)))
        return -EINVAL;
    if ((rq->uid != FS_KEEP && rq->uid > VFS_ID_MAX) ||
        (rq->gid != FS_KEEP && rq->gid > VFS_ID_MAX))
        return -EINVAL;
    if (mode != FS_KEEP)
        ip->mode = (ip->mode & VFS_S_IFMT) | mode;
    if (rq->uid != FS_KEEP)
        ip->uid = rq->uid;
    if (rq->gid != FS_KEEP)
        ip->gid = rq->gid;
    if (rq->atime != FS_KEEP)
        ip->atime = rq->atime == FS_NOW ? now() : rq->atime;
    if (rq->mtime != FS_KEEP)
        ip->mtime = rq->mtime == FS_NOW ? now() : rq->mtime;
    ip->ctime = now();
    inode_attr(ip, MSG_BODY(m, struct vfs_stat));
    return OK;
}

int do_ref(message *m)
{
    struct inode *ip = inode_get(REQ(m)->ino);
    int32_t delta = REQ(m)->delta;
    if (!ip || (delta != 1 && delta != -1) || (delta == -1 && ip->refs == 0))
        return -EINVAL;
    ip->refs += delta;
    inode_release(ip);
    return OK;
}

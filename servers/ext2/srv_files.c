/*
 * srv_files.c - the FS protocol's calls on existing files: lookup, getattr,
 * read, write, getdents, truncate, ref, setattr, readlink.  The core
 * checks every inode number and file type; here the sizes are checked
 * (at most EXT2_IO_MAX) and data moves through one bounce buffer: a
 * write copies the whole grant in before the core changes anything, a
 * read copies out only what the core read.
 */
#include "ext2srv.h"

static uint8_t bounce[EXT2_IO_MAX];

int do_lookup(message *m)
{
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, REQ(m)->len, name)) != OK)
        return r;
    return ext2_lookup(REQ(m)->ino, name, REQ(m)->len, MSG_BODY(m, struct vfs_stat));
}

int do_getattr(message *m)
{
    int r = begin();
    return r == OK ? ext2_getattr(REQ(m)->ino, MSG_BODY(m, struct vfs_stat)) : r;
}

int do_read(message *m)
{
    struct fs_req *rq = REQ(m);
    int n = begin();
    if (n != OK)
        return n;
    if (rq->len > EXT2_IO_MAX)
        return -EINVAL;
    if ((n = ext2_read(rq->ino, rq->pos, bounce, rq->len)) > 0) {
        int r = sys_safecopyto(m->m_source, rq->grant, 0, bounce, (uint32_t)n);
        if (r != OK)
            return r;
    }
    return n;
}

int do_write(message *m)
{
    struct fs_req *rq = REQ(m);
    int r = begin();
    if (r != OK)
        return r;
    if (rq->len > EXT2_IO_MAX)
        return -EINVAL;
    if (rq->len > UINT32_MAX - rq->pos)
        return -EFBIG;
    if (rq->len && (r = sys_safecopyfrom(m->m_source, rq->grant, 0, bounce, rq->len)) != OK)
        return r;
    return ext2_write(rq->ino, rq->pos, bounce, rq->len);
}

int do_getdents(message *m)
{
    struct fs_req *rq = REQ(m);
    uint32_t cookie = rq->pos;
    int n = begin(), r;
    if (n != OK)
        return n;
    if (rq->len > EXT2_IO_MAX || rq->len < sizeof(struct vfs_dirent))
        return -EINVAL;
    n = ext2_getdents(rq->ino, &cookie, (struct vfs_dirent *)bounce,
                      rq->len / sizeof(struct vfs_dirent));
    if (n < 0)
        return n;
    if (n > 0 && (r = sys_safecopyto(m->m_source, rq->grant, 0, bounce, (uint32_t)n)) != OK)
        return r;
    rq->pos = cookie;
    return n;
}

int do_truncate(message *m)
{
    int r = begin();
    return r == OK ? ext2_truncate(REQ(m)->ino, REQ(m)->pos) : r;
}

int do_ref(message *m)
{
    int32_t delta = REQ(m)->delta;
    int r = begin();
    if (r != OK)
        return r;
    if (delta != 1 && delta != -1)
        return -EINVAL;
    return ext2_ref(REQ(m)->ino, delta);
}

int do_setattr(message *m)
{
    struct fs_req *rq = REQ(m);
    int r = begin();
    if (r != OK)
        return r;
    return ext2_setattr(rq->ino, rq->mode, rq->uid, rq->gid, rq->atime, rq->mtime,
                        MSG_BODY(m, struct vfs_stat));
}

int do_readlink(message *m)
{
    struct fs_req *rq = REQ(m);
    int n = begin(), r;
    if (n != OK)
        return n;
    if (rq->len > EXT2_IO_MAX)
        return -EINVAL;
    if ((n = ext2_readlink(rq->ino, (char *)bounce, rq->len)) > 0 &&
        (r = sys_safecopyto(m->m_source, rq->grant, 0, bounce, (uint32_t)n)) != OK)
        return r;
    return n;
}

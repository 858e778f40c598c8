/*
 * srv_names.c - the FS protocol's calls that add or remove names: create,
 * mkdir, unlink, rmdir, link, rename, symlink.  The names come from the
 * grant (args.c); the core checks the directories, the types and the
 * space before it changes anything.
 */
#include "ext2srv.h"

int do_create(message *m)
{
    struct fs_req *rq = REQ(m);
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, rq->len, name)) != OK)
        return r;
    return ext2_create(rq->ino, name, rq->len, rq->mode, rq->rdev, rq->uid, rq->gid,
                       MSG_BODY(m, struct vfs_stat));
}

int do_mkdir(message *m)
{
    struct fs_req *rq = REQ(m);
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, rq->len, name)) != OK)
        return r;
    return ext2_mkdir(rq->ino, name, rq->len, rq->mode, rq->uid, rq->gid,
                      MSG_BODY(m, struct vfs_stat));
}

int do_unlink(message *m)
{
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, REQ(m)->len, name)) != OK)
        return r;
    return ext2_unlink(REQ(m)->ino, name, REQ(m)->len);
}

int do_rmdir(message *m)
{
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, REQ(m)->len, name)) != OK)
        return r;
    return ext2_rmdir(REQ(m)->ino, name, REQ(m)->len);
}

int do_link(message *m)
{
    char name[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK || (r = get_name(m, 0, REQ(m)->len, name)) != OK)
        return r;
    return ext2_link(REQ(m)->ino, name, REQ(m)->len, REQ(m)->ino2);
}

int do_rename(message *m)
{
    struct fs_req *rq = REQ(m);
    char old[VFS_NAME_MAX + 1], new[VFS_NAME_MAX + 1];
    int r = begin();
    if (r != OK)
        return r;
    if (rq->len1 == 0 || rq->len1 >= rq->len)
        return -EINVAL;
    if ((r = get_name(m, 0, rq->len1, old)) != OK ||
        (r = get_name(m, rq->len1, rq->len - rq->len1, new)) != OK)
        return r;
    return ext2_rename(rq->ino, old, rq->len1, rq->ino2, new, rq->len - rq->len1);
}

int do_symlink(message *m)
{
    struct fs_req *rq = REQ(m);
    char name[VFS_NAME_MAX + 1], target[VFS_PATH_MAX];
    int r = begin();
    if (r != OK)
        return r;
    if (rq->len1 == 0 || rq->len1 >= rq->len)
        return -EINVAL;
    if ((r = get_name(m, 0, rq->len1, name)) != OK ||
        (r = get_target(m, rq->len1, rq->len - rq->len1, target)) != OK)
        return r;
    return ext2_symlink(rq->ino, name, rq->len1, target, rq->len - rq->len1, rq->mode,
                        rq->uid, rq->gid, MSG_BODY(m, struct vfs_stat));
}

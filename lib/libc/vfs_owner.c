/*
 * vfs_owner.c - a file's permission bits and owner: chmod and fchmod
 * (its owner or root), chown, lchown (a link's own owner) and fchown
 * (root only; -1 keeps that id).  VFS checks and decides
 * (servers/vfs/perm.c); errors come back as EPERM, EACCES, ENOENT...
 */
#include "vfs.h"
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

static void ids(struct vfs_req *rq, uid_t owner, gid_t group)
{
    rq->offset = owner == (uid_t)-1 ? -1 : (int32_t)owner;
    rq->whence = group == (gid_t)-1 ? -1 : (int32_t)group;
}

int chmod(const char *path, mode_t mode)
{
    struct vfs_req rq = { .mode = mode & 07777 };  /* as Linux: the type bits a caller
                                                      copied from st_mode do not count */
    return __vfs_ret(__vfs_path(VFS_CHMOD, path, &rq));
}

int chown(const char *path, uid_t owner, gid_t group)
{
    struct vfs_req rq = { .flags = 0 };
    ids(&rq, owner, group);
    return __vfs_ret(__vfs_path(VFS_CHOWN, path, &rq));
}

int lchown(const char *path, uid_t owner, gid_t group)
{
    struct vfs_req rq = { .flags = VFS_AT_SYMLINK_NOFOLLOW };
    ids(&rq, owner, group);
    return __vfs_ret(__vfs_path(VFS_CHOWN, path, &rq));
}

int fchmod(int fd, mode_t mode)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_FCHMOD);
    rq->fd = fd;
    rq->mode = mode;
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

int fchown(int fd, uid_t owner, gid_t group)
{
    message m;
    struct vfs_req *rq = __vfs_req(&m, VFS_FCHOWN);
    rq->fd = fd;
    ids(rq, owner, group);
    return __vfs_ret(__vfs_call(&m, 0, 0, 0, 0, 0, 0));
}

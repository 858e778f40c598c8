/*
 * vfs_owner.c - a file's permission bits and owner: chmod (its owner or
 * root) and chown (root only; -1 keeps that id).  VFS checks and decides
 * (servers/vfs/perm.c); errors come back as EPERM, EACCES, ENOENT...
 */
#include "vfs.h"
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

int chmod(const char *path, mode_t mode)
{
    struct vfs_req rq = { .mode = mode & 07777 };  /* as Linux: the type bits a caller
                                                      copied from st_mode do not count */
    return __vfs_ret(__vfs_path(VFS_CHMOD, path, &rq));
}

int chown(const char *path, uid_t owner, gid_t group)
{
    struct vfs_req rq = {
        .offset = owner == (uid_t)-1 ? -1 : (int32_t)owner,
        .whence = group == (gid_t)-1 ? -1 : (int32_t)group,
    };
    return __vfs_ret(__vfs_path(VFS_CHOWN, path, &rq));
}

/* There are no symbolic links, so a link's owner is the file's. */
int lchown(const char *path, uid_t owner, gid_t group)
{
    return chown(path, owner, group);
}

/* VFS changes modes and owners by path only, so far: by descriptor is
 * ENOSYS (EBADF for a descriptor that is not open). */
static int by_fd(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -1;
    errno = ENOSYS;
    return -1;
}

int fchmod(int fd, mode_t mode)
{
    (void)mode;
    return by_fd(fd);
}

int fchown(int fd, uid_t owner, gid_t group)
{
    (void)owner;
    (void)group;
    return by_fd(fd);
}

/*
 * mount.c - mount, umount, umount2: one VFS call each (VFS_MOUNT,
 * VFS_UMOUNT).  VFS picks the disk file-system server; the type must be
 * one Stabilix has ("ext2", or NULL/"auto" for it): ENODEV otherwise.
 * Of the flags only MS_RDONLY is honoured; MS_REMOUNT and MS_BIND are
 * not supported (EINVAL), and the data string is ignored.  umount2's
 * MNT_FORCE and MNT_DETACH are refused (EINVAL): a busy mount stays.
 * __unmount_all is sx_shutdown's last step before power-off or reboot.
 */
#include "libc.h"
#include "vfs.h"
#include <sys/mount.h>

static int known_type(const char *type)
{
    return !type || strcmp(type, "ext2") == 0 || strcmp(type, "auto") == 0;
}

int mount(const char *src, const char *target, const char *type,
          unsigned long flags, const void *data)
{
    message m;
    (void)data;
    if (__bad_ptr(src) || __bad_ptr(target) || (type && __bad_ptr(type)))
        return __vfs_ret(-EFAULT);
    if (flags & (MS_REMOUNT | MS_BIND))
        return __vfs_ret(-EINVAL);
    if (!known_type(type))
        return __vfs_ret(-ENODEV);
    __vfs_req(&m, VFS_MOUNT)->flags = (flags & MS_RDONLY) ? VFS_MS_RDONLY : 0;
    return __vfs_ret(__vfs_call(&m, src, strlen(src) + 1, GRANT_READ,
                                target, strlen(target) + 1, GRANT_READ));
}

int umount2(const char *target, int flags)
{
    message m;
    if (__bad_ptr(target))
        return __vfs_ret(-EFAULT);
    if (flags != 0)
        return __vfs_ret(-EINVAL);
    __vfs_req(&m, VFS_UMOUNT);
    return __vfs_ret(__vfs_call(&m, target, strlen(target) + 1, GRANT_READ, 0, 0, 0));
}

int umount(const char *target)
{
    return umount2(target, 0);
}

/* Before a power-off or reboot (sx_shutdown): flush every mount, then
 * unmount the disks, the last mounted first.  One that is busy (a
 * process still has a file open there) stays mounted, flushed. */
void __unmount_all(void)
{
    struct vfs_mntent me;
    char dirs[VFS_MOUNTS_MAX][VFS_PATH_MAX];
    message m;
    int n = 0;
    __vfs_sync(-1);
    for (int i = 0; n < VFS_MOUNTS_MAX; i++) {
        __vfs_req(&m, VFS_GETMNT)->offset = i;
        if (__vfs_call(&m, 0, 0, 0, &me, sizeof(me), GRANT_WRITE) != OK)
            break;
        if (me.dev[0])
            memcpy(dirs[n++], me.dir, VFS_PATH_MAX);
    }
    while (n-- > 0)
        umount(dirs[n]);
}

/*
 * srv_mount.c - FS_MOUNT, FS_UNMOUNT, FS_SYNC, FS_STATFS.  A mount opens
 * the device (bdev.c) and reads the file system (ext2_mount checks the
 * superblock and the group descriptors before it is used); a mount that
 * fails says why on the console and leaves the server unmounted.
 * Unmounting flushes first: if the disk will not take the dirty blocks,
 * the mount stays (EIO) so nothing acknowledged is dropped.
 */
#include "ext2srv.h"

static char device[32] STATE;           /* "LABEL:MINOR" of the mount */

int do_mount(message *m)
{
    struct fs_req *rq = REQ(m);
    char dev[sizeof(device)];
    int r;
    if (ext2.mounted)
        return -EBUSY;
    if (rq->len == 0 || rq->len >= sizeof(dev) || (rq->mode & ~FS_RDONLY))
        return -EINVAL;
    if ((r = sys_safecopyfrom(m->m_source, rq->grant, 0, dev, rq->len)) != OK)
        return r;
    dev[rq->len] = '\0';
    if ((r = bdev_attach(dev, rq->len)) != OK) {
        printf("ext2: %s: the device did not open (%s)\n", dev, errname(r));
        return r;
    }
    if ((r = ext2_mount(rq->mode & FS_RDONLY, MSG_BODY(m, struct vfs_stat))) != OK) {
        printf("ext2: %s: not mounted (%s)\n", dev, errname(r));
        bdev_detach();
        return r;
    }
    strlcpy(device, dev, sizeof(device));
    printf("ext2: %s mounted%s: %u KiB blocks, %u of %u blocks free\n", dev,
           ext2.rdonly ? " read-only" : "", (unsigned)(ext2.bsize / 1024),
           (unsigned)ext2.sb.free_blocks_count, (unsigned)ext2.sb.blocks_count);
    return OK;
}

int do_unmount(message *m)
{
    int r;
    (void)m;
    if (!ext2.mounted)
        return OK;
    if ((r = ext2_sync()) != OK)
        return r;
    ext2.mounted = 0;
    bdev_detach();
    printf("ext2: %s unmounted\n", device);
    device[0] = '\0';
    return OK;
}

int do_sync(message *m)
{
    int r = begin();
    (void)m;
    return r == OK ? ext2_sync() : r;
}

int do_statfs(message *m)
{
    int r = begin();
    return r == OK ? ext2_statfs(MSG_BODY(m, struct vfs_statfs)) : r;
}

/*
 * statfs.c - FS_STATFS, FS_SYNC, FS_UNMOUNT.  FS_STATFS: the file system's size and what is free, in
 * RAMFS_BLOCK blocks and inodes, counted from the tables themselves
 * (the block map's free count, the free inodes), so the figures are
 * always those of the tree as it is.  Nothing is reserved for root:
 * bavail = bfree.
 */
#include "ramfs.h"

int do_statfs(message *m)
{
    struct vfs_statfs *sf = MSG_BODY(m, struct vfs_statfs);
    memset(sf, 0, sizeof(*sf));
    sf->bsize = RAMFS_BLOCK;
    sf->blocks = RAMFS_NBLOCKS;
    sf->bfree = sf->bavail = blocks_free();
    sf->files = RAMFS_NINODES;
    sf->ffree = inodes_free();
    sf->namemax = VFS_NAME_MAX;
    return OK;
}

/* Everything is in memory and always "written": nothing to flush. */
int do_sync(message *m)
{
    (void)m;
    return OK;
}

/* "/" is never unmounted (VFS refuses); a request changes nothing. */
int do_unmount(message *m)
{
    (void)m;
    return OK;
}

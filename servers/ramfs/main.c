/*
 * ramfs - the root file system: a writable tree in memory, loaded at
 * start from the "ramdisk" boot module (cpio newc), served to VFS over
 * proto/fs.h.  Nothing persists: after a restart the tree is the boot
 * image again (docs/vfs.md).
 */
#include "ramfs.h"

extern const struct srv_table ramfs_table;

static int init(const struct sef_init *info)
{
    struct inode *root;
    blocks_init();
    root = inode_alloc(VFS_S_IFDIR | 0755, 0);
    if (!root || dir_init(root, RAMFS_ROOT) != OK)
        return -ENOSPC;
    root->nlink = 2;
    cpio_load();                        /* no image: an empty root */
    return OK;
}

int main(void)
{
    sef_startup(init, init);
    server_loop(&ramfs_table);
}

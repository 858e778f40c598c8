/*
 * ramfs - the root file system: a writable tree in memory, loaded at
 * start from the "ramdisk" boot module (cpio newc), served to VFS over
 * proto/fs.h.  The tree lives in the state region (ramfs.h): a restarted
 * ramfs checks what it inherited (inode_check, bmap_check) and serves on
 * from it, so no file is lost; a damaged block map is rebuilt from the
 * block owners (check.c, also run on every heartbeat); a damaged inode is
 * put back from its second copy (inode.c); if the inode check still
 * fails, or RS starts it fresh, the tree is the boot image again, and
 * ramfs says why (docs/recovery.md).
 */
#include "ramfs.h"

extern const struct srv_table ramfs_table;

static int init_fresh(const struct sef_init *info)
{
    struct inode *root;
    inode_init();
    blocks_init();
    root = inode_alloc(VFS_S_IFDIR | 0755, 0);
    if (!root || dir_init(root, RAMFS_ROOT) != OK)
        return -ENOSPC;
    root->nlink = 2;
    cpio_load();                        /* no image: an empty root */
    return OK;
}

static int init_restart(const struct sef_init *info)
{
    const char *why = !info->state_pages ? "nothing was kept" : inode_check(), *map;
    if (why && info->state_pages) {     /* the copies only when needed: a restart is timed */
        inode_twin_check();
        why = inode_check();
    }
    map = why ? 0 : bmap_check();
    if (map)
        printf("ramfs: restarted: %s: block map rebuilt from the owners (%d blocks freed)\n",
               map, bmap_rebuild());
    if (why) {
        printf("ramfs: restarted (%d restarts): the boot image again (%s)\n",
               info->restarts, why);
        return init_fresh(info);
    }
    printf("ramfs: restarted (%d restarts): the tree kept, %u of %u blocks free\n",
           info->restarts, blocks_free(), RAMFS_NBLOCKS);
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, init_restart);
    server_loop(&ramfs_table);
}

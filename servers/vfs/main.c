/*
 * vfs - the virtual file system server: descriptors, paths, the mount
 * table, pipes and the character-device map, over file-system servers
 * (ramfs at "/") and drivers.  One thread that never waits for a client:
 * calls that must wait are suspended (suspend.c).  Its tables live in
 * the state region: a restarted VFS checks and keeps them (inherit.c).
 * docs/vfs.md, docs/recovery.md.
 */
#include "vfs.h"

extern const struct srv_table vfs_table;

static int init(const struct sef_init *info)
{
    for (int i = 0; i < NR_PROCS; i++)
        procs[i].ep = NONE;
    dev_init();
    if (mount_root() != OK)
        printf("vfs: root file system not mounted yet\n");
    mirror_save_all();
    return OK;
}

/* After a failure: serve on from the inherited tables if they pass
 * inherit.c's checks, else start as new. */
static int init_restart(const struct sef_init *info)
{
    if (vfs_inherit(info) != 0)
        return init(info);
    dev_init();
    return OK;
}

int main(void)
{
    sef_startup(init, init_restart);
    server_loop(&vfs_table);
}

/*
 * check.c - ramfs checks its own tables on every RS heartbeat, between
 * requests (sef.h, srv_table.check), with the predicates a restarted
 * ramfs applies to what it inherits: inode_check, then bmap_check.  The
 * block map's derived parts (free chain, free count, hash table) are
 * rebuilt from the block owners when they fail (bmap_rebuild), so a
 * damaged map never makes a file read a hole or a block be given out
 * twice.  A damaged inode is put back from its second copy first
 * (inode_twin_check); a table that still fails has nothing left to mend
 * it from: ramfs says so and exits, and RS's restart finds the same
 * failure and loads the boot image again (main.c), the primary source:
 * files written since boot are lost then, never served wrong.
 */
#include "ramfs.h"

void ramfs_check(void)
{
    const char *why;
    inode_twin_check();
    if ((why = inode_check())) {
        printf("ramfs: self-check: %s, and no sound copy to mend it from: "
               "I stop, to start again from the boot image\n", why);
        sys_exit(71);
    }
    if ((why = bmap_check())) {
        int freed = bmap_rebuild();
        printf("ramfs: self-check: %s: block map rebuilt from the owners (%d blocks freed)\n",
               why, freed);
    }
}

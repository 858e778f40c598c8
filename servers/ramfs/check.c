/*
 * check.c - ramfs checks its own tables on every RS heartbeat, between
 * requests (sef.h, srv_table.check), with the predicates a restarted
 * ramfs applies to what it inherits: inode_check, then bmap_check.  The
 * block map's derived parts (free chain, free count, hash table) are
 * rebuilt from the block owners when they fail (bmap_rebuild), so a
 * damaged map never makes a file read a hole or a block be given out
 * twice.  An inode that fails has no second copy to repair it from: that
 * is said once, and the restart path decides (main.c).
 */
#include "ramfs.h"

void ramfs_check(void)
{
    static const char *said;
    const char *why = inode_check();
    if (why) {
        if (why != said)
            printf("ramfs: self-check: %s\n", why);
        said = why;
        return;
    }
    said = 0;
    if ((why = bmap_check())) {
        int freed = bmap_rebuild();
        printf("ramfs: self-check: %s: block map rebuilt from the owners (%d blocks freed)\n",
               why, freed);
    }
}

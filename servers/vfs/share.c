/*
 * share.c - one user's share of VFS's global tables.
 *
 * The open file descriptions (filps) and the pipes are shared by every
 * process.  Each filp and pipe records its owner: the effective uid of
 * the process whose open() or pipe() made it.  An ordinary user (uid != 0)
 * may own at most 3/4 of each table, so whatever one user opens, root and
 * the services can still open files and make pipes.  Past its share a
 * request fails with ENFILE, as when the table is full.  Root is not
 * counted.
 */
#include "vfs.h"

static int filps_of(int32_t uid)
{
    int n = 0;
    for (int i = 0; i < NR_FILPS; i++)
        n += filp_at(i)->refs > 0 && filp_at(i)->owner == uid;
    return n;
}

int share_allows(const struct vproc *p, int filps, int pipes)
{
    if (p->uid == 0)
        return 1;
    return filps_of(p->uid) + filps <= NR_FILPS * 3 / 4 &&
           pipes_of(p->uid) + pipes <= NR_PIPES * 3 / 4;
}

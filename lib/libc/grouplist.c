/*
 * grouplist.c - getgrouplist: the groups of a user, from /etc/group
 * (passwd.c reads it): first 'group' (the user's primary group), then
 * every group that lists the user among its members, each once.  At most
 * *n are stored; *n becomes how many there are, and the result is that
 * count, or -1 when they did not all fit (as glibc's).
 */
#define _DEFAULT_SOURCE         /* getgrent and friends */
#include <grp.h>
#include <string.h>
#include <unistd.h>

static int listed(const struct group *g, const char *user)
{
    for (char **m = g->gr_mem; m && *m; m++)
        if (strcmp(*m, user) == 0)
            return 1;
    return 0;
}

int getgrouplist(const char *user, gid_t group, gid_t *groups, int *n)
{
    struct group *g;
    int have = 0, room = *n;
    if (room > 0)
        groups[0] = group;
    have = 1;
    setgrent();
    while ((g = getgrent())) {
        if (g->gr_gid == group || !listed(g, user))
            continue;
        if (have < room)
            groups[have] = g->gr_gid;
        have++;
    }
    endgrent();
    *n = have;
    return have <= room ? have : -1;
}

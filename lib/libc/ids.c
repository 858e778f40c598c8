/*
 * ids.c - users and groups: getuid, geteuid, getgid, getegid, setuid,
 * setgid.  Each is one call to PM, which keeps the ids (servers/pm/ids.c,
 * proto/pm.h).  The getters cannot fail (POSIX): if PM cannot be reached
 * they answer 65534, "nobody", never root.
 */
#include <errno.h>
#include <sys/types.h>
#include <unistd.h>
#include "libc.h"

#define NOBODY 65534

/* One of the caller's ids (0 uid, 1 euid, 2 gid, 3 egid), or NOBODY. */
static int id(int which)
{
    message m;
    struct pm_ids *i = MSG_BODY(&m, struct pm_ids);
    memset(&m, 0, sizeof(m));
    if (__pm_call(PM_GETUID, &m) < 0)
        return NOBODY;
    return which == 0 ? i->uid : which == 1 ? i->euid : which == 2 ? i->gid : i->egid;
}

uid_t getuid(void)
{
    return (uid_t)id(0);
}

uid_t geteuid(void)
{
    return (uid_t)id(1);
}

gid_t getgid(void)
{
    return (gid_t)id(2);
}

gid_t getegid(void)
{
    return (gid_t)id(3);
}

static int set(int type, int uid, int gid)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_ids)->uid = uid;
    MSG_BODY(&m, struct pm_ids)->gid = gid;
    r = __pm_call(type, &m);
    return r < 0 ? __err(r) : 0;
}

int setuid(uid_t uid)
{
    return set(PM_SETUID, (int)uid, 0);
}

int setgid(gid_t gid)
{
    return set(PM_SETGID, 0, (int)gid);
}

/* There are no supplementary groups: the list is the effective group. */
int getgroups(int size, gid_t list[])
{
    if (size == 0)
        return 1;
    if (size < 0) {
        errno = EINVAL;
        return -1;
    }
    list[0] = getegid();
    return 1;
}

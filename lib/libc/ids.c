/*
 * ids.c - users and groups: getuid, geteuid, getgid, getegid, setuid,
 * setgid.  Each is one call to PM, which keeps the ids (servers/pm/ids.c,
 * proto/pm.h).  The getters cannot fail (POSIX): if PM cannot be reached
 * they answer 65534, "nobody", never root.
 */
#include <sys/types.h>
#include <unistd.h>
#include "libc.h"

#define NOBODY 65534

static int ids(struct pm_ids *out)
{
    message m;
    memset(&m, 0, sizeof(m));
    if (__pm_call(PM_GETUID, &m) < 0)
        return -1;
    *out = *MSG_BODY(&m, struct pm_ids);
    return 0;
}

uid_t getuid(void)
{
    struct pm_ids i;
    return ids(&i) < 0 ? NOBODY : (uid_t)i.uid;
}

uid_t geteuid(void)
{
    struct pm_ids i;
    return ids(&i) < 0 ? NOBODY : (uid_t)i.euid;
}

gid_t getgid(void)
{
    struct pm_ids i;
    return ids(&i) < 0 ? NOBODY : (gid_t)i.gid;
}

gid_t getegid(void)
{
    struct pm_ids i;
    return ids(&i) < 0 ? NOBODY : (gid_t)i.egid;
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

/*
 * ids.c - users and groups: each process's real and effective uid and
 * gid (struct mproc), the calls that read and set them, and the two
 * questions other handlers ask: is the caller root, may it signal that
 * process.  PM is where the ids live: fork copies them, exec keeps them
 * (there are no set-user-ID files), and VFS is told of every change of
 * the effective ids (vfs.c): it checks file permissions with them.
 *
 * Rules (POSIX, without saved set-user-IDs):
 *   - setuid(u) by an effective root sets the real and effective uid to
 *     u; by anybody else it sets the effective uid to u only if u is its
 *     real uid; else EPERM and nothing changes.  setgid alike, with root
 *     still judged by the effective uid;
 *   - a process may signal another if it is root or its real or
 *     effective uid is the other's real or effective uid.
 * Services that PM adopted (and init, the first process) are root.
 */
#include "pm.h"

#define IDS(m) MSG_BODY(m, struct pm_ids)

int pm_is_root(const struct mproc *mp)
{
    return mp && mp->euid == 0;
}

int may_signal(const struct mproc *from, const struct mproc *to)
{
    return from->euid == 0 || from->uid == to->uid || from->euid == to->uid ||
           from->uid == to->euid || from->euid == to->euid;
}

int do_getuid(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    if (!mp)
        return -EAGAIN;
    memset(m->m.raw, 0, sizeof(m->m.raw));
    IDS(m)->uid = mp->uid;
    IDS(m)->euid = mp->euid;
    IDS(m)->gid = mp->gid;
    IDS(m)->egid = mp->egid;
    return OK;
}

/* Set *real and *eff to id by the rules above (root: the caller's
 * effective uid before the change).  Checked in full first; VFS is told
 * before anything changes here, so a refusal changes nothing. */
static int set_id(struct mproc *mp, int id, int *real, int *eff, int is_uid)
{
    int r;
    if (id < 0 || id > PM_ID_MAX)
        return -EINVAL;
    if (mp->euid != 0 && id != *real)
        return -EPERM;
    if ((r = vfs_ids(mp->ep, is_uid ? id : mp->euid, is_uid ? mp->egid : id)) != OK)
        return r;
    if (mp->euid == 0)
        *real = id;
    *eff = id;
    mp_touch(mp);
    return OK;
}

int do_setuid(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    return mp ? set_id(mp, IDS(m)->uid, &mp->uid, &mp->euid, 1) : -EAGAIN;
}

int do_setgid(message *m)
{
    struct mproc *mp = mp_caller(m->m_source);
    return mp ? set_id(mp, IDS(m)->gid, &mp->gid, &mp->egid, 0) : -EAGAIN;
}

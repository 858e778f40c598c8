/*
 * safecopy.c - copy between the caller and a grant's owner.  The grant is
 * checked completely (grantee, access, range: grant.c) and both address
 * ranges are checked before a single byte moves (uaccess.c).
 */
#include "safecopy.h"
#include "../mm.h"

int safecopy(struct proc *caller, const struct sys_safecopy *sc, uint32_t access)
{
    struct proc *owner;
    uint32_t addr;
    int r = ep_lookup(sc->owner, &owner);
    if (r != OK)
        return r;
    r = grant_check(owner->grants, sc->grant, caller->endpoint, sc->offset,
                    sc->len, access, &addr);
    if (r != OK)
        return r;
    if (access == GRANT_READ)
        return copy_user_to_user(caller->pgdir, sc->addr, owner->pgdir, addr, sc->len);
    return copy_user_to_user(owner->pgdir, addr, caller->pgdir, sc->addr, sc->len);
}

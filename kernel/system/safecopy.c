/*
 * safecopy.c - copy between the caller and a grant's owner.  The grant is
 * checked completely (grantee, access, range: grant.c) and both address
 * ranges are checked before a single byte moves (uaccess.c).  A
 * forwarding grant is followed one step: its struct grant_fwd is read
 * from its owner's memory, and the grant it names must be a direct grant
 * of that process to the forwarder, covering the same range shifted by
 * fwd.offset; the copy is then between the caller and that process.
 */
#include "safecopy.h"
#include "../mm.h"

static int forward(struct proc **owner, const struct sys_safecopy *sc,
                   uint32_t access, uint32_t *addr)
{
    struct grant_fwd f;
    struct proc *src;
    int r;
    if (copy_from_user((*owner)->pgdir, *addr, &f, sizeof(f)) != OK)
        return -EFAULT;
    if (f.offset > 0xffffffffu - sc->offset)
        return -ERANGE;
    if ((r = ep_lookup(f.owner, &src)) != OK)
        return r;
    r = grant_check(src->grants, f.grant, (*owner)->endpoint, f.offset + sc->offset,
                    sc->len, access, addr);
    if (r == GRANT_FORWARDED)
        return -EPERM;                  /* one step only */
    if (r == OK)
        *owner = src;
    return r;
}

int safecopy(struct proc *caller, const struct sys_safecopy *sc, uint32_t access)
{
    struct proc *owner;
    uint32_t addr;
    int r = ep_lookup(sc->owner, &owner);
    if (r != OK)
        return r;
    r = grant_check(owner->grants, sc->grant, caller->endpoint, sc->offset,
                    sc->len, access, &addr);
    if (r == GRANT_FORWARDED)
        r = forward(&owner, sc, access, &addr);
    if (r != OK)
        return r;
    if (access == GRANT_READ)
        return copy_user_to_user(caller->pgdir, sc->addr, owner->pgdir, addr, sc->len);
    return copy_user_to_user(owner->pgdir, addr, caller->pgdir, sc->addr, sc->len);
}

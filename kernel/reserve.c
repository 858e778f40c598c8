/*
 * reserve.c - memory kept back for services.
 *
 * A user process (USER_PRIV) may not take the last frames: a fork, exec
 * or brk for it that would leave fewer than kframes_total / 16 free
 * frames fails with ENOMEM before anything is allocated, and twice that
 * for an ordinary user's process (PM says which: 'user' in the request).
 * So one program that takes all the memory it can still leaves RS enough
 * to restart any service, and, if its user is not root, root enough to
 * run the commands that stop it.  Services and drivers are not held back:
 * their restarts are what the reserve is for.  The page count is the caller's
 * estimate before it allocates; page tables come on top (a few frames).
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

int reserve_allows(const struct proc *p, uint32_t pages, int user)
{
    uint32_t reserve = kframes_total / 16 * (user ? 2 : 1);
    if (p && p->priv != &priv_table[USER_PRIV])
        return 1;
    return kframes.nfree >= reserve && kframes.nfree - reserve >= pages;
}

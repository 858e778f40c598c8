/*
 * libc.h - what the files of lib/libc share (not a public header): the
 * servers' endpoints (from the initial stack, start.c), the call to PM,
 * and turning a negative reply into errno.
 */
#ifndef LIBC_LIBC_H
#define LIBC_LIBC_H

#include <stdint.h>
#include "libsys.h"
#include "proto/pm.h"

extern endpoint_t __pm_ep, __vfs_ep, __inet_ep;

/* pm_call.c: after EDEADSRCDST, find the restarted PM (and ask again
 * if that is harmless); same results as __pm_call.  __pm_call_once is
 * for the calls that must not happen twice (fork, kill, exec, ...). */
int __pm_again(int type, message *m, int why);
int __pm_call_once(int type, message *m);
void __pm_refresh(void);                    /* __pm_ep = PM's current endpoint */

/* Send m (type set here) to PM; the reply's m_type, or an IPC error. */
static inline int __pm_call(int type, message *m)
{
    int r;
    m->m_type = type;
    r = ipc_call(__pm_ep, m);
    if (r == OK)
        return m->m_type;
    return ipc_dead(r) ? __pm_again(type, m, r) : r;
}

/* errno = -r (IPC failures become EIO); returns -1. */
int __err(int r);
int __vfs_sync(int fd);                     /* fsync.c: VFS_SYNC, fd -1: all */
void __unmount_all(void);                   /* mount.c: before sx_shutdown */

/* Is p outside the memory a program can have (NULL, the kernel's)?  For
 * the pointers libc itself reads or writes (a path's strlen, a struct
 * filled from a reply): EFAULT instead of a fault. */
static inline int __bad_ptr(const void *p)
{
    return (uintptr_t)p < GRANT_LOW || (uintptr_t)p > GRANT_HIGH;
}

#endif

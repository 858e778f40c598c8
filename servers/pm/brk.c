/*
 * brk.c - the program break: the end of a process's heap.  PM keeps it
 * page-aligned; libc's sbrk keeps the byte-exact break below it.  The
 * heap starts at the program's &end (given on the first call after each
 * exec) and grows or shrinks with SYS_VMCTL, all or nothing.
 */
#include "pm.h"

#define PAGE 4096u

static uint32_t page_up(uint32_t a)
{
    return (a + PAGE - 1) & ~(PAGE - 1);
}

/* brk(addr): addr == 0 asks; the reply's addr is the (new) break. */
int do_brk(message *m)
{
    struct pm_req *rq = MSG_BODY(m, struct pm_req);
    struct mproc *mp = mp_caller(m->m_source);
    uint32_t want;
    int r = OK;
    if (!mp)
        return -EAGAIN;
    if (!mp->brk_base) {
        if (rq->end < 0x40000000u || rq->end > 0xd0000000u)
            return -EINVAL;
        mp->brk_base = mp->brk = page_up(rq->end);
        mp_touch(mp);
    }
    if (rq->addr) {
        if (rq->addr < mp->brk_base || rq->addr > 0xd0000000u)
            return -ENOMEM;
        want = page_up(rq->addr);
        if (want > mp->brk)
            r = sys_vmctl(m->m_source, VM_MAP, mp->brk, want - mp->brk, mp->uid != 0);
        else if (want < mp->brk)
            r = sys_vmctl(m->m_source, VM_UNMAP, want, mp->brk - want, mp->uid != 0);
        if (r != OK)
            return -ENOMEM;
        mp->brk = want;
        mp_touch(mp);
    }
    rq->addr = mp->brk;
    return OK;
}

/*
 * sbrk.c - the heap for malloc.  libc keeps the byte-exact break; PM
 * keeps the page-aligned one (PM_BRK) above it and maps or frees pages.
 * The heap starts at _end (the end of .bss, user/user.ld).
 */
#include <errno.h>
#include <stddef.h>
#include "libc.h"

extern char _end[];
static char *cur;                       /* the break programs see */
static char *top;                       /* PM's break: cur <= top */

static int pm_brk(char *want)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_req)->addr = (uint32_t)want;
    MSG_BODY(&m, struct pm_req)->end = (uint32_t)_end;
    r = __pm_call(PM_BRK, &m);
    if (r == OK)
        top = (char *)MSG_BODY(&m, struct pm_req)->addr;
    return r;
}

void *sbrk(ptrdiff_t incr)
{
    char *old, *want;
    if (!cur) {
        if (pm_brk(0) != OK)
            return (void *)(long)__err(-ENOMEM);
        cur = _end;
    }
    want = cur + incr;
    if ((incr > 0 && want < cur) || (incr < 0 && want < _end))
        return (void *)(long)__err(-ENOMEM);
    if ((want > top || want + 4096 <= top) && pm_brk(want) != OK)
        return (void *)(long)__err(-ENOMEM);
    old = cur;
    cur = want;
    return old;
}

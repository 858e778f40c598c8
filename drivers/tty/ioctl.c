/*
 * ioctl.c - the terminal ioctls of proto/tty.h: attributes, foreground
 * process group, session, window size.  The grant's size must be exactly the
 * argument's size; a background job may not set (job.c); a set is copied in and checked before it changes
 * anything, and saved in DS afterwards (state.c).
 */
#include "tty.h"

static int get(endpoint_t who, grant_id_t g, uint32_t size, const void *v, uint32_t len)
{
    if (size != len)
        return -EINVAL;
    return sys_safecopyto(who, g, 0, v, len);
}

static int set_attr(struct tty *t, endpoint_t who, grant_id_t g, uint32_t size)
{
    struct tty_attr a;
    int r;
    if (size != sizeof(a))
        return -EINVAL;
    if ((r = sys_safecopyfrom(who, g, 0, &a, sizeof(a))) != OK)
        return r;
    if (a.flags & ~(uint32_t)TTY_FLAGS)
        return -EINVAL;
    line_set_attr(t, &a);
    state_save();
    tty_wake();                         /* raw mode may make input readable */
    return OK;
}

static int set_pgrp(struct tty *t, endpoint_t who, grant_id_t g, uint32_t size)
{
    int32_t pgrp;
    int r;
    if (size != sizeof(pgrp))
        return -EINVAL;
    if ((r = sys_safecopyfrom(who, g, 0, &pgrp, sizeof(pgrp))) != OK)
        return r;
    if (pgrp < 0)
        return -EINVAL;
    t->pgrp = pgrp;
    state_save();
    return OK;
}

int tty_ioctl(int minor, uint32_t request, endpoint_t who, grant_id_t g, uint32_t size)
{
    static const struct tty_winsize ws = { VGA_ROWS, VGA_COLS };
    struct tty *t = &ttys[minor];
    int r;
    tty_touch();
    switch (request) {
    case TTY_GETATTR:
        return get(who, g, size, &t->attr, sizeof(t->attr));
    case TTY_SETATTR:
        r = job_check(t, 1);
        return r != OK ? r : set_attr(t, who, g, size);
    case TTY_GETPGRP:
        return get(who, g, size, &t->pgrp, sizeof(t->pgrp));
    case TTY_SETPGRP:
        r = job_may_set_pgrp(t);
        return r != OK ? r : set_pgrp(t, who, g, size);
    case TTY_GETSID:
        return get(who, g, size, &t->sid, sizeof(t->sid));
    case TTY_GETWINSZ:
        return get(who, g, size, &ws, sizeof(ws));
    default:
        return -EINVAL;
    }
}

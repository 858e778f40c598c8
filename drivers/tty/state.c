/*
 * state.c - the DS backup of each minor's attributes, foreground
 * process group, session and open count (blob "tty.state", owned by our label),
 * saved whenever an ioctl, an open or a close changes them.  It is read
 * back after a restart whose inherited state failed its checks, and for
 * a minor that the self-check had to start afresh (keep.c); everything
 * else of a minor lives in the state region (keep.c).  A saved entry
 * that fails the checks of the ioctls (unknown flags, negative group or
 * count or session) is not used; without DS nothing is saved or restored.
 */
#include "tty.h"

#define STATE_KEY "tty.state"

struct saved {
    struct tty_attr attr[TTY_NR_MINORS];
    int32_t pgrp[TTY_NR_MINORS];
    int32_t opens[TTY_NR_MINORS];
    int32_t sid[TTY_NR_MINORS];
};

void state_save(void)
{
    struct saved s;
    memset(&s, 0, sizeof(s));
    for (int i = 0; i < TTY_NR_MINORS; i++) {
        s.attr[i] = ttys[i].attr;
        s.pgrp[i] = ttys[i].pgrp;
        s.opens[i] = ttys[i].opens;
        s.sid[i] = ttys[i].sid;
    }
    ds_publish_blob(STATE_KEY, &s, sizeof(s));
}

void state_restore(int minor)
{
    struct saved s;
    uint32_t len = sizeof(s);
    if (ds_retrieve_blob(STATE_KEY, &s, &len) != OK || len != sizeof(s))
        return;
    if (!(s.attr[minor].flags & ~(uint32_t)TTY_FLAGS))
        ttys[minor].attr = s.attr[minor];
    if (s.pgrp[minor] >= 0)
        ttys[minor].pgrp = s.pgrp[minor];
    if (s.opens[minor] >= 0)
        ttys[minor].opens = s.opens[minor];
    if (s.sid[minor] >= 0)
        ttys[minor].sid = s.sid[minor];
}

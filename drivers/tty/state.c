/*
 * state.c - what a restarted tty keeps: each minor's attributes and
 * foreground process group, saved in DS (blob "tty.state", owned by our
 * label) whenever an ioctl changes them and read back by init after a
 * restart.  Input queues and waiting readers are not kept: a reader of
 * the dead driver got EDEADSRCDST and reads again.  A saved entry that
 * fails the checks of the ioctls (unknown flags, negative group) is not
 * used; without DS nothing is saved or restored.
 */
#include "tty.h"

#define STATE_KEY "tty.state"

struct saved {
    struct tty_attr attr[TTY_NR_MINORS];
    int32_t pgrp[TTY_NR_MINORS];
};

void state_save(void)
{
    struct saved s;
    memset(&s, 0, sizeof(s));
    for (int i = 0; i < TTY_NR_MINORS; i++) {
        s.attr[i] = ttys[i].attr;
        s.pgrp[i] = ttys[i].pgrp;
    }
    ds_publish_blob(STATE_KEY, &s, sizeof(s));
}

void state_restore(void)
{
    struct saved s;
    uint32_t len = sizeof(s);
    if (ds_retrieve_blob(STATE_KEY, &s, &len) != OK || len != sizeof(s))
        return;
    for (int i = 0; i < TTY_NR_MINORS; i++) {
        if (!(s.attr[i].flags & ~(uint32_t)TTY_FLAGS))
            ttys[i].attr = s.attr[i];
        if (s.pgrp[i] >= 0)
            ttys[i].pgrp = s.pgrp[i];
    }
}

/*
 * do_console.c - SYS_CONSOLE: a tty driver takes the VGA text screen (the
 * kernel stops drawing its log there; serial and the log ring go on) or
 * gives it back.  The kernel takes it back by itself when the owner dies.
 */
#include "system.h"

int do_console(struct proc *caller, message *m)
{
    switch (MSG_BODY(m, struct sys_console)->op) {
    case CONS_TAKE_VGA:
        console_take_vga(caller->endpoint);
        return OK;
    case CONS_GIVE_VGA:
        console_release_vga(caller->endpoint);
        return OK;
    default:
        return -EINVAL;
    }
}

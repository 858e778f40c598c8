/*
 * tty.c - terminal process groups: tcsetpgrp, tcgetpgrp and tcgetsid as
 * ioctls on the terminal (proto/tty.h).  The tty raises SIGINT (Ctrl-C)
 * for the foreground group set here; PM delivers it to every member.
 */
#include <errno.h>
#include <sys/types.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "libc.h"
#include "proto/tty.h"

int tcsetpgrp(int fd, pid_t pgrp)
{
    int32_t g = pgrp;
    return ioctl(fd, TTY_SETPGRP, &g) < 0 ? -1 : 0;
}

pid_t tcgetpgrp(int fd)
{
    int32_t g = 0;
    return ioctl(fd, TTY_GETPGRP, &g) < 0 ? -1 : g;
}

pid_t tcgetsid(int fd)
{
    int32_t sid = 0;
    if (ioctl(fd, TTY_GETSID, &sid) < 0)
        return -1;
    if (sid == 0) {
        errno = ENOTTY;                 /* no session's terminal */
        return -1;
    }
    return sid;
}

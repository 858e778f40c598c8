/*
 * termios.c - POSIX terminal attributes over the tty's TTY_GETATTR and
 * TTY_SETATTR (proto/tty.h), and the window size (TIOCGWINSZ).
 *
 * The tty keeps five line flags (ICANON, ECHO, ISIG, TOSTOP, ICRNL) and six
 * characters (VERASE, VKILL, VINTR, VEOF, VQUIT, VSUSP).  Everything else a program
 * sets in a struct termios is kept here, per descriptor number, so that
 * tcgetattr gives back what tcsetattr was given (programs save and
 * restore whole structs); the tty's own bits always win on reading.
 * Invariant: a tcsetattr that the tty refuses changes nothing here.
 */
#include <errno.h>
#include <string.h>
#include <termios.h>
#include <sys/ioctl.h>
#include "libc.h"
#include "proto/tty.h"

int __vfs_ioctl(int fd, unsigned request, void *arg, size_t size);

#define KEPT_FDS 8
static struct termios kept[KEPT_FDS];
static unsigned char kept_valid[KEPT_FDS];

static const struct { int tty, posix; } cc_map[TTY_NCCS] = {
    { TTY_VERASE, VERASE }, { TTY_VKILL, VKILL }, { TTY_VINTR, VINTR }, { TTY_VEOF, VEOF },
    { TTY_VQUIT, VQUIT }, { TTY_VSUSP, VSUSP },
};

/* The defaults of a line the tty does not describe: 8 bits, 38400. */
static void defaults(struct termios *t)
{
    memset(t, 0, sizeof(*t));
    t->c_oflag = OPOST | ONLCR;
    t->c_cflag = CS8 | CREAD | B38400;
    t->c_lflag = ECHOE | ECHOK | IEXTEN;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
    t->c_ispeed = t->c_ospeed = B38400;
}

int tcgetattr(int fd, struct termios *t)
{
    struct tty_attr a;
    if (__vfs_ioctl(fd, TTY_GETATTR, &a, sizeof(a)) < 0)
        return -1;
    if (fd >= 0 && fd < KEPT_FDS && kept_valid[fd])
        *t = kept[fd];
    else
        defaults(t);
    t->c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | TOSTOP);
    t->c_iflag &= ~(tcflag_t)ICRNL;
    t->c_lflag |= (a.flags & TTY_ICANON ? ICANON : 0) | (a.flags & TTY_ECHO ? ECHO : 0) |
                  (a.flags & TTY_ISIG ? ISIG : 0) | (a.flags & TTY_TOSTOP ? TOSTOP : 0);
    t->c_iflag |= a.flags & TTY_ICRNL ? ICRNL : 0;
    for (int i = 0; i < TTY_NCCS; i++)
        t->c_cc[cc_map[i].posix] = a.cc[cc_map[i].tty];
    return 0;
}

int tcsetattr(int fd, int when, const struct termios *t)
{
    struct tty_attr a;
    if (when != TCSANOW && when != TCSADRAIN && when != TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    a.flags = (t->c_lflag & ICANON ? TTY_ICANON : 0) | (t->c_lflag & ECHO ? TTY_ECHO : 0) |
              (t->c_lflag & ISIG ? TTY_ISIG : 0) | (t->c_iflag & ICRNL ? TTY_ICRNL : 0) |
              (t->c_lflag & TOSTOP ? TTY_TOSTOP : 0);
    for (int i = 0; i < TTY_NCCS; i++)
        a.cc[cc_map[i].tty] = t->c_cc[cc_map[i].posix];
    if (__vfs_ioctl(fd, TTY_SETATTR, &a, sizeof(a)) < 0)
        return -1;
    if (fd >= 0 && fd < KEPT_FDS) {
        kept[fd] = *t;
        kept_valid[fd] = 1;
    }
    return 0;
}

/* TIOCGWINSZ: the tty's rows and columns. */
int __tty_winsize(int fd, struct winsize *w)
{
    struct tty_winsize s;
    if (__vfs_ioctl(fd, TTY_GETWINSZ, &s, sizeof(s)) < 0)
        return -1;
    memset(w, 0, sizeof(*w));
    w->ws_row = s.rows;
    w->ws_col = s.cols;
    return 0;
}

/* Output is written at once and input can only be read: nothing waits. */
int tcdrain(int fd)
{
    struct tty_attr a;
    return __vfs_ioctl(fd, TTY_GETATTR, &a, sizeof(a)) < 0 ? -1 : 0;
}

int tcflush(int fd, int queue)
{
    if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return tcdrain(fd);
}

speed_t cfgetispeed(const struct termios *t) { return t->c_ispeed; }
speed_t cfgetospeed(const struct termios *t) { return t->c_ospeed; }

static int valid_speed(speed_t s)
{
    return s <= B38400 || (s >= B57600 && s <= B230400);
}

int cfsetispeed(struct termios *t, speed_t s)
{
    if (!valid_speed(s)) {
        errno = EINVAL;
        return -1;
    }
    t->c_ispeed = s;
    return 0;
}

int cfsetospeed(struct termios *t, speed_t s)
{
    if (!valid_speed(s)) {
        errno = EINVAL;
        return -1;
    }
    t->c_ospeed = s;
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | s;
    return 0;
}

int cfsetspeed(struct termios *t, speed_t s)
{
    return cfsetospeed(t, s) < 0 ? -1 : cfsetispeed(t, s);
}

void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag = (t->c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

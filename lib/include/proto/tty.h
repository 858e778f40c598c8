/*
 * proto/tty.h - the terminal driver (drivers/tty, label "tty"): the
 * character-driver protocol (proto/chardrv.h) plus terminal ioctls and
 * the signal pull of PM (0xC40..0xC4F).
 *
 * Minors: TTY_CONSOLE (0, /dev/console: output to VGA and COM1, input
 * from the keyboard and COM1), TTY_VGA (1, /dev/tty0: VGA + keyboard),
 * TTY_SERIAL (2, /dev/ttyS0: COM1).  Keyboard input goes to minor 1 while
 * it is open, else to the console; COM1 input to minor 2 while it is
 * open, else to the console.  Each minor has its own line discipline.
 *
 * THE READ CONTRACT: a CDEV_READ never blocks the caller.  With nothing
 * readable it is answered -EAGAIN at once and the driver remembers the
 * caller's endpoint for that minor (up to 4 readers per minor; a 5th
 * makes it forget the oldest); when input becomes readable (canonical
 * mode: a complete line or an EOF; raw mode: any byte) the driver sends
 * ipc_notify(caller) once, and the caller repeats the read.  A canonical read returns at most one line
 * (a line is cut if the buffer is smaller; the rest comes next time);
 * a read of 0 bytes is end of file (Ctrl-D on an empty line).  A raw
 * read returns what is there, at least 1 byte.  Writes complete at once.
 * The driver never answers late (no EDONTREPLY).  When the driver dies,
 * callers get EDEADSRCDST from IPC; a restarted tty starts with empty
 * input queues but keeps each minor's attributes and foreground group
 * (saved in DS as "tty.state").
 *
 * Ioctls: CDEV_IOCTL with cdev_req.request = TTY_*, cdev_req.grant a
 * buffer of cdev_req.size bytes, which must be exactly the size of the
 * argument (else EINVAL):
 *   TTY_GETATTR  struct tty_attr out     TTY_SETATTR  struct tty_attr in
 *   TTY_GETPGRP  int32_t out             TTY_SETPGRP  int32_t in (>= 0;
 *                                        0 = none: Ctrl-C raises nothing)
 *   TTY_GETWINSZ struct tty_winsize out
 *   TTY_GETSID   int32_t out: the session whose controlling terminal
 *                this is (0: none)
 * SETATTR with unknown flag bits is refused (EINVAL) and changes nothing.
 *
 * Job control (the caller's group, session and job bits come with each
 * request, proto/chardrv.h): a session leader that opens a minor without
 * O_NOCTTY (CDEV_CTTY_OK), while the minor is no session's terminal and
 * its session has no other minor, makes it its controlling terminal: the
 * minor's session becomes the caller's and its foreground group the
 * caller's group.  A caller in that session but not in the foreground
 * group (a background job) gets ETTIN for a read, and ETTOU for a write
 * while TTY_TOSTOP is set and for TTY_SETATTR and TTY_SETPGRP, unless it
 * ignores or blocks SIGTTOU (CDEV_BG_OK); libc then asks PM for the
 * signal (PM_JOBSIG).  TTY_SETPGRP from another session: ENOTTY.  A
 * caller whose session is not known (0) is never in the background.
 * When a session leader ends, PM sends TTY_HANGUP (m_type, a struct
 * tty_sig with pgrp = the session): each minor of that session goes
 * free, and its foreground group gets SIGHUP then SIGCONT through the
 * signal queue.  Only PM may send it (others: -EPERM).
 *
 * Signals: Ctrl-C, Ctrl-\ and Ctrl-Z (the VINTR, VQUIT and VSUSP
 * characters, when ISIG is set) discard the line being edited, echo
 * "^C\n" ("^\\\n", "^Z\n"), and, when the minor has a foreground
 * group, queue (minor, pgrp, TTY_SIGINT, TTY_SIGQUIT or TTY_SIGTSTP) and notify PM (label "pm",
 * or the kernel argument tty_pm=<label> for tests).  Without PM the
 * signal is dropped.  PM then calls TTY_SIGPULL (m_type) until it gets
 * -ESRCH; each OK reply carries one struct tty_sig.  Only PM may pull
 * (others get -EPERM).  At most TTY_NR_SIGS signals wait; more are
 * dropped.
 */
#ifndef STABILIX_PROTO_TTY_H
#define STABILIX_PROTO_TTY_H

#include "chardrv.h"

#define TTY_CONSOLE  0
#define TTY_VGA      1
#define TTY_SERIAL   2
#define TTY_NR_MINORS 3

/* ioctl request numbers (cdev_req.request) */
#define TTY_BASE      0xC40
#define TTY_GETATTR   (TTY_BASE + 0)
#define TTY_SETATTR   (TTY_BASE + 1)
#define TTY_GETPGRP   (TTY_BASE + 2)
#define TTY_SETPGRP   (TTY_BASE + 3)
#define TTY_GETWINSZ  (TTY_BASE + 4)

#define TTY_GETSID    (TTY_BASE + 5)

/* message types from PM: a session ended; pull one pending signal */
#define TTY_HANGUP    (TTY_BASE + 0xE)
#define TTY_SIGPULL   (TTY_BASE + 0xF)

/* tty_attr.flags */
#define TTY_ICANON  0x1     /* canonical (line) mode */
#define TTY_ECHO    0x2     /* echo input */
#define TTY_ISIG    0x4     /* VINTR, VQUIT, VSUSP raise SIGINT, SIGQUIT, SIGTSTP */
#define TTY_ICRNL   0x8     /* CR becomes NL on input */
#define TTY_TOSTOP  0x10    /* a background write raises SIGTTOU */
#define TTY_FLAGS   0x1F    /* every known flag */

/* tty_attr.cc indices; a control character of 0 is disabled */
#define TTY_VERASE  0       /* default DEL (0x7f); Backspace (0x08) erases too */
#define TTY_VKILL   1       /* default Ctrl-U */
#define TTY_VINTR   2       /* default Ctrl-C */
#define TTY_VEOF    3       /* default Ctrl-D */
#define TTY_VQUIT   4       /* default Ctrl-\ */
#define TTY_VSUSP   5       /* default Ctrl-Z */
#define TTY_NCCS    6

struct tty_attr {
    uint32_t flags;
    uint8_t cc[TTY_NCCS];
};

struct tty_winsize {
    uint16_t rows;
    uint16_t cols;
};

#define TTY_SIGHUP  1
#define TTY_SIGINT  2
#define TTY_SIGQUIT 3
#define TTY_SIGTSTP 18       /* newlib's numbers, as PM's */
#define TTY_SIGCONT 19
#define TTY_NR_SIGS 8

struct tty_sig {            /* the TTY_SIGPULL reply's payload */
    int32_t minor;
    int32_t pgrp;
    int32_t signo;
};

MSG_PAYLOAD_CHECK(struct tty_sig);

#endif

/*
 * scen_line.c - the line discipline over COM1: canonical reads, one line
 * per read, erase and kill, EOF, raw mode, echo off, Ctrl-C with and
 * without a foreground group, and minor 2 taking COM1's input while it
 * is open.  The host types what each "waiting" step needs (test_tty.py)
 * and checks the hex results; this side checks statuses.
 */
#include "ttytest.h"

#define DEFAULT (TTY_ICANON | TTY_ECHO | TTY_ISIG | TTY_ICRNL)

static char buf[128];

static void canonical(void)
{
    read_wait(TTY_CONSOLE, "canon", buf, sizeof(buf), 3000);
    read_after(TTY_CONSOLE, "oneline1", buf, sizeof(buf), 100);
    read_after(TTY_CONSOLE, "oneline2", buf, sizeof(buf), 1);
    read_after(TTY_CONSOLE, "short1", buf, 3, 100);
    read_after(TTY_CONSOLE, "short2", buf, sizeof(buf), 1);
    read_wait(TTY_CONSOLE, "erase", buf, sizeof(buf), 3000);
    read_wait(TTY_CONSOLE, "kill", buf, sizeof(buf), 3000);
    read_wait(TTY_CONSOLE, "eof", buf, sizeof(buf), 3000);
    read_wait(TTY_CONSOLE, "eofdata", buf, sizeof(buf), 3000);
}

static void modes(void)
{
    expect(set_flags(TTY_CONSOLE, TTY_ECHO | TTY_ISIG | TTY_ICRNL), OK, "raw mode");
    read_wait(TTY_CONSOLE, "raw1", buf, sizeof(buf), 3000);
    read_after(TTY_CONSOLE, "raw3", buf, sizeof(buf), 100);
    expect(set_flags(TTY_CONSOLE, TTY_ICANON | TTY_ISIG | TTY_ICRNL), OK, "echo off");
    read_wait(TTY_CONSOLE, "noecho", buf, sizeof(buf), 3000);
    expect(set_flags(TTY_CONSOLE, DEFAULT), OK, "default attributes again");
    printf("ttytest: echo is on again\n");
}

static void sigint(void)
{
    struct tty_sig s = { -1, -1, -1 };
    int32_t pgrp = 0;
    expect(set_pgrp(TTY_CONSOLE, 42), OK, "set the foreground group to 42");
    tty_ioctl_buf(TTY_CONSOLE, TTY_GETPGRP, &pgrp, sizeof(pgrp), GRANT_WRITE);
    check(pgrp == 42, "get the foreground group: %d", (int)pgrp);
    read_wait(TTY_CONSOLE, "intr", buf, sizeof(buf), 3000);
    expect(sig_pull(&s), OK, "pull the signal");
    check(s.minor == TTY_CONSOLE && s.pgrp == 42 && s.signo == TTY_SIGINT,
          "signal: minor %d pgrp %d signo %d", (int)s.minor, (int)s.pgrp, (int)s.signo);
    expect(sig_pull(&s), -ESRCH, "pull again: nothing pending");
    expect(set_pgrp(TTY_CONSOLE, 0), OK, "no foreground group");
    read_wait(TTY_CONSOLE, "intr0", buf, sizeof(buf), 3000);
    expect(sig_pull(&s), -ESRCH, "Ctrl-C without a foreground group raises nothing");
}

static void serial_minor(void)
{
    expect(cdev_call(CDEV_OPEN, TTY_SERIAL, 0, 0, 0), OK, "open ttyS0");
    read_wait(TTY_SERIAL, "ttyS0", buf, sizeof(buf), 3000);
    expect(tty_io(CDEV_READ, TTY_CONSOLE, buf, sizeof(buf), GRANT_WRITE), -EAGAIN,
           "the console got none of it");
    expect(cdev_call(CDEV_CLOSE, TTY_SERIAL, 0, 0, 0), OK, "close ttyS0");
    expect_bytes(tty_write_str(TTY_SERIAL, "ttytest: written to ttyS0\n"), 26, "write to ttyS0");
}

void scen_line(void)
{
    canonical();
    modes();
    sigint();
    serial_minor();
}

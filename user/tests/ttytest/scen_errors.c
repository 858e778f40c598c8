/*
 * scen_errors.c - bad requests get errors and change nothing: bad
 * minors, unknown ioctls and message types, wrong sizes, bad grants for
 * reads (the line stays queued), writes and ioctls, bad attributes; the
 * window size; and TTY_SIGPULL from a process that is not PM.
 */
#include "ttytest.h"

static char buf[64];

static void bad_minors_and_types(void)
{
    message m;
    expect(tty_io(CDEV_READ, 3, buf, 8, GRANT_WRITE), -ENXIO, "read minor 3");
    expect(tty_io(CDEV_WRITE, -1, buf, 8, GRANT_READ), -ENXIO, "write minor -1");
    expect(cdev_call(CDEV_OPEN, 7, 0, 0, 0), -ENXIO, "open minor 7");
    expect(tty_ioctl_buf(3, TTY_GETWINSZ, buf, 4, GRANT_WRITE), -ENXIO, "ioctl minor 3");
    expect(tty_ioctl_buf(0, 0x1234, buf, 4, GRANT_WRITE), -EINVAL, "unknown ioctl 0x1234");
    memset(&m, 0, sizeof(m));
    m.m_type = TTY_BASE + 5;
    expect(ipc_call(tty_ep, &m) == OK ? m.m_type : -1, -EBADREQUEST, "message type 0xC45");
}

static void attrs(void)
{
    struct tty_attr a, b;
    struct tty_winsize ws = { 0, 0 };
    int32_t pgrp = -5;
    expect(tty_ioctl_buf(0, TTY_GETATTR, &a, 2, GRANT_WRITE), -EINVAL, "getattr into 2 bytes");
    expect(tty_ioctl_buf(0, TTY_GETATTR, &a, sizeof(a), GRANT_READ), -EPERM,
           "getattr into a read-only grant");
    expect(tty_ioctl_buf(0, TTY_GETATTR, &a, sizeof(a), GRANT_WRITE), OK, "getattr");
    b = a;
    b.flags = 0x100;
    expect(tty_ioctl_buf(0, TTY_SETATTR, &b, sizeof(b), GRANT_READ), -EINVAL,
           "setattr with an unknown flag");
    b.flags = 0;
    expect(tty_ioctl_buf(0, TTY_SETATTR, &b, sizeof(b), GRANT_WRITE), -EPERM,
           "setattr from a write-only grant");
    expect(tty_ioctl_buf(0, TTY_GETATTR, &b, sizeof(b), GRANT_WRITE), OK, "getattr again");
    check(memcmp(&a, &b, sizeof(a)) == 0 && a.flags == 0xF && a.cc[TTY_VEOF] == 4,
          "attributes unchanged (flags 0x%x, VEOF %d)", (unsigned)b.flags, b.cc[TTY_VEOF]);
    expect(set_pgrp(0, -1), -EINVAL, "set the foreground group to -1");
    tty_ioctl_buf(0, TTY_GETPGRP, &pgrp, sizeof(pgrp), GRANT_WRITE);
    check(pgrp == 0, "foreground group unchanged: %d", (int)pgrp);
    expect(tty_ioctl_buf(0, TTY_GETWINSZ, &ws, sizeof(ws), GRANT_WRITE), OK, "window size");
    check(ws.rows == 25 && ws.cols == 80, "window: %d rows, %d cols", ws.rows, ws.cols);
}

static void bad_grants(void)
{
    grant_id_t g = grant_create(tty_ep, buf, sizeof(buf), GRANT_WRITE);
    endpoint_t self;
    int r;
    printf("ttytest: waiting keep\n");
    sleep_ticks(100);                   /* the host types a line */
    grant_revoke(g);
    expect(cdev_call(CDEV_READ, 0, g, sizeof(buf), 0), -EINVAL, "read with a revoked grant");
    expect(tty_io(CDEV_READ, 0, buf, sizeof(buf), GRANT_READ), -EPERM,
           "read into a read-only grant");
    sys_self(&self, 0);
    g = grant_create(self, buf, sizeof(buf), GRANT_WRITE);
    expect(cdev_call(CDEV_READ, 0, g, sizeof(buf), 0), -EPERM, "read with a grant for another process");
    grant_revoke(g);
    r = tty_io(CDEV_READ, 0, buf, sizeof(buf), GRANT_WRITE);
    show("kept", buf, r);
    expect(tty_io(CDEV_WRITE, 0, "NOTSHOWN\n", 9, GRANT_WRITE), -EPERM,
           "write from a write-only grant");
    g = grant_create(tty_ep, "NOTSHOWN\n", 9, GRANT_READ);
    grant_revoke(g);
    expect(cdev_call(CDEV_WRITE, 0, g, 9, 0), -EINVAL, "write with a revoked grant");
}

static void not_pm(void)
{
    struct tty_sig s;
    expect(sig_pull(&s), -EPERM, "TTY_SIGPULL from a process that is not PM");
}

void scen_errors(void)
{
    bad_minors_and_types();
    attrs();
    bad_grants();
    not_pm();
}

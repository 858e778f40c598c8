/*
 * req.c - requests to the tty: plain CDEV calls with any grant, I/O
 * through a grant made for one request, ioctls, the signal pull, and
 * the read loop of the non-blocking contract (EAGAIN, wait for the
 * tty's notification, read again).
 */
#include "ttytest.h"

endpoint_t tty_ep = NONE;

/* The tty's endpoint, waiting up to 5 s for it to come up. */
endpoint_t find_tty(void)
{
    endpoint_t ep;
    for (int i = 0; i < 100; i++) {
        if (sys_lookup("tty", &ep) == OK)
            return ep;
        sleep_ticks(5);
    }
    return NONE;
}

static int call(message *m)
{
    int r = ipc_call(tty_ep, m);
    return r != OK ? r : m->m_type;
}

int cdev_call(int type, int minor, grant_id_t g, uint32_t size, uint32_t request)
{
    message m;
    struct cdev_req *rq = MSG_BODY(&m, struct cdev_req);
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->minor = minor;
    rq->grant = g;
    rq->size = size;
    rq->request = request;
    return call(&m);
}

int tty_io(int type, int minor, void *buf, uint32_t size, int access)
{
    grant_id_t g = grant_create(tty_ep, buf, size ? size : 1, access);
    int r = cdev_call(type, minor, g, size, 0);
    grant_revoke(g);
    return r;
}

int tty_write_str(int minor, const char *s)
{
    return tty_io(CDEV_WRITE, minor, (void *)s, strlen(s), GRANT_READ);
}

int tty_ioctl_buf(int minor, uint32_t request, void *buf, uint32_t size, int access)
{
    grant_id_t g = grant_create(tty_ep, buf, size ? size : 1, access);
    int r = cdev_call(CDEV_IOCTL, minor, g, size, request);
    grant_revoke(g);
    return r;
}

int set_flags(int minor, uint32_t flags)
{
    struct tty_attr a;
    int r = tty_ioctl_buf(minor, TTY_GETATTR, &a, sizeof(a), GRANT_WRITE);
    if (r != OK)
        return r;
    a.flags = flags;
    return tty_ioctl_buf(minor, TTY_SETATTR, &a, sizeof(a), GRANT_READ);
}

int set_pgrp(int minor, int32_t pgrp)
{
    return tty_ioctl_buf(minor, TTY_SETPGRP, &pgrp, sizeof(pgrp), GRANT_READ);
}

int sig_pull(struct tty_sig *sig)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = TTY_SIGPULL;
    r = call(&m);
    if (r == OK)
        *sig = *MSG_BODY(&m, struct tty_sig);
    return r;
}

/* Wait up to 'ticks' for a notification from the tty. */
static int wait_notify(uint32_t ticks)
{
    message m;
    sys_setalarm(ticks);
    for (;;) {
        if (ipc_receive(ANY, &m) != OK)
            return 0;
        if (IS_NOTIFY(&m) && m.m_source == tty_ep) {
            sys_setalarm(0);
            return 1;
        }
        if (m.m_source == SYSTEM && (m.m.u32[0] & SYSEV_ALARM))
            return 0;
    }
}

/* The read contract: the first read must say EAGAIN (then the host is
 * told to type), the tty notifies once input is readable, the read is
 * repeated.  Returns the byte count or an error. */
int read_wait(int minor, const char *tag, char *buf, uint32_t size, uint32_t ticks)
{
    int r = tty_io(CDEV_READ, minor, buf, size, GRANT_WRITE);
    if (r != -EAGAIN) {
        check(0, "%s: first read says EAGAIN (got %d)", tag, r);
        return r;
    }
    printf("ttytest: waiting %s\n", tag);
    while (r == -EAGAIN) {
        if (!wait_notify(ticks)) {
            check(0, "%s: the tty notified us", tag);
            return r;
        }
        r = tty_io(CDEV_READ, minor, buf, size, GRANT_WRITE);
    }
    show(tag, buf, r);
    return r;
}

/* Say "waiting", give the host 'delay' ticks to type, then read once. */
int read_after(int minor, const char *tag, char *buf, uint32_t size, uint32_t delay)
{
    int r;
    printf("ttytest: waiting %s\n", tag);
    sleep_ticks(delay);
    r = tty_io(CDEV_READ, minor, buf, size, GRANT_WRITE);
    show(tag, buf, r);
    return r;
}

void show(const char *tag, const char *buf, int n)
{
    static const char hex[] = "0123456789abcdef";
    char out[2 * 64 + 1];
    int i;
    if (n < 0) {
        printf("ttytest: read %s: %s\n", tag, errname(n));
        return;
    }
    for (i = 0; i < n && i < 64; i++) {
        out[2 * i] = hex[(uint8_t)buf[i] >> 4];
        out[2 * i + 1] = hex[buf[i] & 15];
    }
    out[2 * i] = 0;
    printf("ttytest: read %s: %d bytes %s\n", tag, n, out);
}

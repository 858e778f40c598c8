/*
 * peer.c - the second process.  It waits for a command from the
 * controller (ipc_send of a struct peer_cmd), carries it out with its
 * own VFS calls (which may be suspended in VFS), and sends the result
 * back; the controller collects it with peer_result when it chooses.
 * The peer makes no VFS call before its first command, so the
 * controller can give it a descriptor table with VFS_PM_FORK.
 */
#include "vfstest.h"
#include "crc32.h"

static uint8_t bulk[8192];

static void bulk_write(struct peer_cmd *c)
{
    uint32_t crc = 0;
    int total = 0;
    while (total < c->len) {
        int n = c->len - total < (int)sizeof(bulk) ? c->len - total : (int)sizeof(bulk);
        for (int i = 0; i < n; i++)
            bulk[i] = (uint8_t)((total + i) * 7 + ((total + i) >> 10));
        crc = crc32_update(crc, bulk, n);
        if ((n = v_write(c->fd, bulk, n)) <= 0)
            break;
        total += n;
    }
    c->result = total;
    c->crc = crc;
}

/* Everything PM may do, tried by somebody who is not PM. */
static void pm_calls(struct peer_cmd *c)
{
    char buf[16];
    int bad = 0;
    bad += pm_call(VFS_PM_FORK, self_ep, ctl_ep, 0, 0, 0) != -EPERM;
    bad += pm_call(VFS_PM_EXIT, ctl_ep, 0, 0, 0, 0) != -EPERM;
    bad += pm_call(VFS_PM_EXEC, ctl_ep, 0, "/etc/motd", buf, sizeof(buf)) != -EPERM;
    bad += pm_call(VFS_PM_EXECDONE, ctl_ep, 0, 0, 0, 0) != -EPERM;
    bad += pm_call(VFS_PM_UNPAUSE, ctl_ep, 0, 0, 0, 0) != -EPERM;
    c->result = bad;
}

static void run(struct peer_cmd *c)
{
    switch (c->op) {
    case PEER_READ:
        memset(c->text, 0, sizeof(c->text));
        c->result = v_read(c->fd, c->text, c->len < 35 ? c->len : 35);
        break;
    case PEER_WRITE:
        sleep_ticks(c->len);
        c->result = v_write(c->fd, c->text, strlen(c->text));
        break;
    case PEER_CLOSE:
        sleep_ticks(c->len);
        c->result = v_close(c->fd);
        break;
    case PEER_WRITE_BULK:
        bulk_write(c);
        break;
    case PEER_PM_CALLS:
        pm_calls(c);
        break;
    case PEER_READ_FD_POS:
        c->result = v_lseek(c->fd, 0, VFS_SEEK_CUR);
        if (c->len == 1)
            c->result = v_getcwd(c->text, sizeof(c->text));
        break;
    default:
        c->result = -EINVAL;
    }
}

void peer_main(void)
{
    message m;
    for (;;) {
        if (ipc_receive(ANY, &m) != OK || IS_NOTIFY(&m))
            continue;
        ctl_ep = m.m_source;
        run(MSG_BODY(&m, struct peer_cmd));
        ipc_send(ctl_ep, &m);
    }
}

void peer_send(int op, int fd, int len, const char *text)
{
    message m;
    struct peer_cmd *c = MSG_BODY(&m, struct peer_cmd);
    memset(&m, 0, sizeof(m));
    c->op = op;
    c->fd = fd;
    c->len = len;
    if (text)
        strlcpy(c->text, text, sizeof(c->text));
    ipc_send(peer_ep, &m);
}

struct peer_cmd peer_result(void)
{
    message m;
    struct peer_cmd none = { .result = -EDEADSRCDST };
    if (ipc_receive(peer_ep, &m) != OK)
        return none;
    return *MSG_BODY(&m, struct peer_cmd);
}

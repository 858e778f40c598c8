/*
 * cdevtest - a character driver for the VFS tests (major 5): minor 0 is
 * a byte queue.  A read of the empty queue answers EAGAIN at once and
 * remembers the reader (VFS); a write appends and notifies that reader,
 * which retries - the contract of character drivers with VFS
 * (docs/vfs.md).  ioctls: CDT_COUNT copies out the bytes ever written
 * (u32); CDT_CRASH exits at once (during the call); CDT_CRASH_LATER
 * exits 5 ticks later (outside any call), to test both ways VFS learns
 * that a driver died.
 */
#include "chardriver.h"

#define CDT_COUNT       1
#define CDT_CRASH       2
#define CDT_CRASH_LATER 3

static uint8_t queue[4096];
static uint32_t queued, written;
static endpoint_t waiter = NONE;
static int crash_armed;

static int cdt_read(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                    uint32_t size, int flags)
{
    int r;
    if (queued == 0) {
        waiter = who;
        return -EAGAIN;
    }
    if (size > queued)
        size = queued;
    if ((r = sys_safecopyto(who, g, 0, queue, size)) != OK)
        return r;
    memmove(queue, queue + size, queued - size);
    queued -= size;
    return (int)size;
}

static int cdt_write(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                     uint32_t size, int flags)
{
    int r;
    if (size > sizeof(queue) - queued)
        size = sizeof(queue) - queued;
    if (size == 0)
        return -EAGAIN;
    if ((r = sys_safecopyfrom(who, g, 0, queue + queued, size)) != OK)
        return r;
    queued += size;
    written += size;
    if (waiter != NONE) {
        ipc_notify(waiter);             /* input is ready: retry your reads */
        waiter = NONE;
    }
    return (int)size;
}

static int cdt_ioctl(int minor, uint32_t request, endpoint_t who, grant_id_t g,
                     uint32_t size)
{
    switch (request) {
    case CDT_COUNT:
        if (size != sizeof(written))
            return -EINVAL;
        return sys_safecopyto(who, g, 0, &written, sizeof(written));
    case CDT_CRASH:
        sys_exit(70);
    case CDT_CRASH_LATER:
        crash_armed = 1;
        sys_setalarm(5);
        return OK;
    default:
        return -EINVAL;
    }
}

static void cdt_notify(const message *m)
{
    if (m->m_source == SYSTEM && crash_armed)
        sys_exit(71);
}

static const struct chardriver cdt = {
    .nr_minors = 1,
    .read = cdt_read,
    .write = cdt_write,
    .ioctl = cdt_ioctl,
    .notify = cdt_notify,
};

static int init(const struct sef_init *info)
{
    if (info->restarts)
        printf("cdevtest: restarted (%d)\n", info->restarts);
    return OK;
}

int main(void)
{
    sef_startup(init, init);
    chardriver_task(&cdt);
}

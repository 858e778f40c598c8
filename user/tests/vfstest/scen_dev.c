/*
 * scen_dev.c - character devices through the test driver cdevtest
 * (major 5).  vfstest=device (no RS): a device node made with mknod, a
 * read suspended on the driver's EAGAIN and completed when the driver
 * notifies VFS, O_NONBLOCK, ioctl forwarding, and the driver dying in
 * the middle of a call (EIO for that call and for the suspended read).
 * vfstest=restart (under RS): the driver dies on its own while a read is
 * suspended; VFS learns it from DS (EIO), and the next open reaches the
 * restarted driver.
 */
#include "vfstest.h"

#define CDT_COUNT       1
#define CDT_CRASH       2
#define CDT_CRASH_LATER 3

static char buf[64];

static int open_cdev(void)
{
    struct vfs_stat st;
    int r = v_mknod("/dev/cdevtest", VFS_S_IFCHR | 0600, VFS_MAKEDEV(5, 0));
    expect("mknod /dev/cdevtest c 5 0", r, 0);
    v_stat("/dev/cdevtest", &st);
    check(st.mode == (VFS_S_IFCHR | 0600) && st.rdev == 0x500, "mode %s rdev 0x%x",
          octal(st.mode), st.rdev);
    return v_open("/dev/cdevtest", VFS_O_RDWR, 0);
}

static void suspended_read(int fd)
{
    struct peer_cmd res;
    peer_send(PEER_READ, fd, 64, 0);
    sleep_ticks(20);
    expect("write 'ping' (the driver notifies VFS)", v_write(fd, "ping", 4), 4);
    res = peer_result();
    check(res.result == 4 && strcmp(res.text, "ping") == 0,
          "the peer's suspended read completed: %s '%s'", ename(res.result), res.text);
}

void scen_device(void)
{
    uint32_t count = 0;
    int fd = open_cdev();
    expect("open /dev/cdevtest", fd, 0);
    v_fcntl(fd, VFS_F_SETFL, VFS_O_NONBLOCK);
    expect("non-blocking read with no data", v_read(fd, buf, 10), -EAGAIN);
    v_fcntl(fd, VFS_F_SETFL, 0);
    expect("VFS_PM_FORK", pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), 0);
    suspended_read(fd);
    expect("ioctl CDT_COUNT", v_ioctl(fd, CDT_COUNT, &count, sizeof(count)), 0);
    expect("the driver counted the bytes written", (int)count, 4);
    expect("ioctl 99", v_ioctl(fd, 99, &count, sizeof(count)), -EINVAL);
    peer_send(PEER_READ, fd, 64, 0);
    sleep_ticks(20);
    expect("ioctl CDT_CRASH (the driver dies in the call)", v_ioctl(fd, CDT_CRASH, 0, 0), -EIO);
    expect("the peer's suspended read", peer_result().result, -EIO);
    expect("read on the old descriptor", v_read(fd, buf, 10), -EIO);
    expect("open with no driver", v_open("/dev/cdevtest", VFS_O_RDWR, 0), -ENXIO);
    expect("close the old descriptor", v_close(fd), 0);
}

void scen_restart(void)
{
    int fd = open_cdev(), fd2 = -1, r = -1;
    expect("open /dev/cdevtest", fd, 0);
    expect("VFS_PM_FORK", pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), 0);
    suspended_read(fd);
    peer_send(PEER_READ, fd, 64, 0);
    sleep_ticks(10);
    expect("ioctl CDT_CRASH_LATER", v_ioctl(fd, CDT_CRASH_LATER, 0, 0), 0);
    expect("the peer's suspended read when the driver dies", peer_result().result, -EIO);
    expect("read on the old descriptor", v_read(fd, buf, 10), -EIO);
    for (int i = 0; i < 100 && fd2 < 0; i++) {
        fd2 = v_open("/dev/cdevtest", VFS_O_RDWR, 0);
        if (fd2 < 0)
            sleep_ticks(2);
    }
    check(fd2 > 0, "a new open reaches the restarted driver: %s", ename(fd2 > 0 ? 0 : fd2));
    expect("write through it", v_write(fd2, "again", 5), 5);
    memset(buf, 0, sizeof(buf));
    r = v_read(fd2, buf, 10);
    check(r == 5 && strcmp(buf, "again") == 0, "read back '%s' (%s)", buf, ename(r));
}

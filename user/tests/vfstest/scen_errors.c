/*
 * scen_errors.c - vfstest=errors: bad paths (ENAMETOOLONG, ENOTDIR,
 * ENOENT, EEXIST, EISDIR), bad flags, bad grants (revoked, for another
 * process, read-only where VFS must write, too short), unknown requests,
 * and the PM-only calls refused from a process that is not PM.  After the
 * bad requests the file they aimed at is unchanged.
 */
#include "vfstest.h"

static char buf[600];

static void names(void)
{
    char name[80];
    memset(name, 'n', sizeof(name));
    memcpy(name, "/tmp/", 5);
    name[5 + 59] = '\0';
    expect("create a 59-character name", v_open(name, VFS_O_CREAT | VFS_O_RDWR, 0644), 0);
    v_close(0);
    name[5 + 59] = 'n';
    name[5 + 60] = '\0';
    expect("create a 60-character name", v_open(name, VFS_O_CREAT | VFS_O_RDWR, 0644),
           -ENAMETOOLONG);
    memset(buf, 'a', sizeof(buf));
    for (int i = 0; i < 300; i += 2)
        buf[i] = '/';
    buf[300] = '\0';
    expect("a path of 301 bytes", v_open(buf, VFS_O_RDONLY, 0), -ENAMETOOLONG);
    expect("a file used as a directory", v_open("/etc/motd/x", VFS_O_RDONLY, 0), -ENOTDIR);
    expect("a file with a trailing slash", v_open("/etc/motd/", VFS_O_RDONLY, 0), -ENOTDIR);
    expect("a missing file", v_open("/nope", VFS_O_RDONLY, 0), -ENOENT);
    expect("in a missing directory", v_open("/nope/x", VFS_O_CREAT | VFS_O_RDWR, 0644), -ENOENT);
    expect("the empty path", v_open("", VFS_O_RDONLY, 0), -ENOENT);
    expect("mkdir /etc", v_mkdir("/etc", 0755), -EEXIST);
    expect("open /etc O_RDWR", v_open("/etc", VFS_O_RDWR, 0), -EISDIR);
    expect("unlink /etc", v_unlink("/etc"), -EISDIR);
    expect("O_CREAT on /", v_open("/", VFS_O_CREAT | VFS_O_RDWR, 0644), -EISDIR);
    expect("open with access mode 3", v_open("/etc/motd", 3, 0), -EINVAL);
    expect("open with an unknown flag", v_open("/etc/motd", 0x1000000, 0), -EINVAL);
    expect("mknod a block device", v_mknod("/tmp/blk", VFS_S_IFBLK | 0600, 0x100), OK);
    expect("open a block device (mount it instead)", v_open("/tmp/blk", VFS_O_RDONLY, 0), -ENXIO);
    expect("mknod a socket", v_mknod("/tmp/sock", 0140000 | 0600, 0), -EINVAL);
    expect("open a device with no driver",
           v_mknod("/tmp/nodev", VFS_S_IFCHR | 0600, VFS_MAKEDEV(9, 0)) == 0
           ? v_open("/tmp/nodev", VFS_O_RDWR, 0) : -1, -ENXIO);
    expect("open /dev/null's minor 7",
           v_mknod("/tmp/mem7", VFS_S_IFCHR | 0600, VFS_MAKEDEV(1, 7)) == 0
           ? v_open("/tmp/mem7", VFS_O_RDWR, 0) : -1, -ENXIO);
}

static int file_is(const char *text)
{
    int fd = v_open("/tmp/g", VFS_O_RDONLY, 0), n = v_read(fd, buf, sizeof(buf));
    v_close(fd);
    return n == (int)strlen(text) && memcmp(buf, text, n) == 0;
}

static void grants(void)
{
    message m;
    struct vfs_req *rq = MSG_BODY(&m, struct vfs_req);
    static const char path[] = "/tmp/g";
    int fd = v_open(path, VFS_O_CREAT | VFS_O_RDWR, 0644);
    grant_id_t g;
    v_write(fd, "original", 8);
    g = grant_create(vfs_ep, path, sizeof(path), GRANT_READ);
    grant_revoke(g);
    expect("a revoked path grant", v_path_call(VFS_UNLINK, g, sizeof(path)), -EINVAL);
    g = grant_create(self_ep, path, sizeof(path), GRANT_READ);
    expect("a path grant for another process", v_path_call(VFS_UNLINK, g, sizeof(path)), -EPERM);
    grant_revoke(g);
    g = grant_create(vfs_ep, path, sizeof(path), GRANT_WRITE);
    expect("a write-only path grant", v_path_call(VFS_UNLINK, g, sizeof(path)), -EPERM);
    grant_revoke(g);
    g = grant_create(vfs_ep, path, sizeof(path) - 1, GRANT_READ);
    expect("a path without its NUL", v_path_call(VFS_UNLINK, g, sizeof(path) - 1), -EINVAL);
    expect("a path longer than its grant", v_path_call(VFS_UNLINK, g, sizeof(path)), -ERANGE);
    expect("a path of length 0", v_path_call(VFS_UNLINK, g, 0), -EINVAL);
    grant_revoke(g);
    v_lseek(fd, 0, VFS_SEEK_SET);
    memset(&m, 0, sizeof(m));
    m.m_type = VFS_READ;
    rq->fd = fd;
    rq->grant = g = grant_create(vfs_ep, buf, 8, GRANT_READ);
    rq->len = 8;
    expect("read into a read-only grant", v_raw(&m), -EPERM);
    grant_revoke(g);
    memset(&m, 0, sizeof(m));
    m.m_type = VFS_WRITE;
    rq->fd = fd;
    rq->grant = grant_create(vfs_ep, "XXXXXXXX", 8, GRANT_READ);
    grant_revoke(rq->grant);
    rq->len = 8;
    expect("write from a revoked grant", v_raw(&m), -EINVAL);
    expect("the offset did not move", v_lseek(fd, 0, VFS_SEEK_CUR), 0);
    check(file_is("original"), "the file still reads 'original'");
    memset(&m, 0, sizeof(m));
    m.m_type = VFS_FSTAT;
    rq->fd = fd;
    rq->grant2 = g = grant_create(vfs_ep, buf, 20, GRANT_WRITE);
    rq->len2 = 20;
    expect("fstat into a 20-byte buffer", v_raw(&m), -EINVAL);
    grant_revoke(g);
    memset(&m, 0, sizeof(m));
    m.m_type = VFS_BASE + VFS_NR_CALLS;
    expect("request VFS_BASE+VFS_NR_CALLS", v_raw(&m), -EBADREQUEST);
    m.m_type = VFS_BASE + 0xff;
    expect("request VFS_BASE+0xff", v_raw(&m), -EBADREQUEST);
    v_close(fd);
}

static void not_pm(void)
{
    char b[16];
    expect("VFS_PM_FORK from a non-PM", pm_call(VFS_PM_FORK, self_ep, self_ep + 1, 0, 0, 0), -EPERM);
    expect("VFS_PM_EXIT from a non-PM", pm_call(VFS_PM_EXIT, self_ep, 0, 0, 0, 0), -EPERM);
    expect("VFS_PM_EXEC from a non-PM", pm_call(VFS_PM_EXEC, self_ep, 0, "/etc/motd", b, 16), -EPERM);
    expect("VFS_PM_EXECDONE from a non-PM", pm_call(VFS_PM_EXECDONE, self_ep, 0, 0, 0, 0), -EPERM);
    expect("VFS_PM_UNPAUSE from a non-PM", pm_call(VFS_PM_UNPAUSE, self_ep, 0, 0, 0, 0), -EPERM);
    check(file_is("original"), "still served after the refused calls");
}

void scen_errors(void)
{
    names();
    grants();
    not_pm();
}

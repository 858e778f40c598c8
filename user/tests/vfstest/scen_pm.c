/*
 * scen_pm.c - vfstest=pm (booted with vfs_pm=vfstest and a peer): what
 * VFS_PM_FORK copies (descriptors sharing their offsets, cwd, the
 * close-on-exec flag), VFS_PM_EXECDONE closing the FD_CLOEXEC
 * descriptors, VFS_PM_EXEC copying a program file into PM's buffer (and
 * its errors), bad endpoints, and the PM calls refused to the peer.
 */
#include "vfstest.h"

static uint8_t prog[5000], image[8192];

static void fork_and_exec_done(void)
{
    struct peer_cmd res;
    int fd = v_open("/tmp/shared", VFS_O_CREAT | VFS_O_RDWR, 0644), cx;
    v_write(fd, "0123456789", 10);
    v_lseek(fd, 2, VFS_SEEK_SET);
    cx = v_open("/etc/motd", VFS_O_RDONLY | VFS_O_CLOEXEC, 0);
    expect("O_CLOEXEC sets FD_CLOEXEC", v_fcntl(cx, VFS_F_GETFD, 0), VFS_FD_CLOEXEC);
    v_chdir("/tmp");
    expect("VFS_PM_FORK", pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), 0);
    peer_send(PEER_READ_FD_POS, fd, 0, 0);
    expect("the child sees the offset", peer_result().result, 2);
    peer_send(PEER_READ, fd, 3, 0);
    res = peer_result();
    check(res.result == 3 && strcmp(res.text, "234") == 0, "the child reads '%s'", res.text);
    expect("our offset moved with the child's read", v_lseek(fd, 0, VFS_SEEK_CUR), 5);
    peer_send(PEER_READ_FD_POS, fd, 1, 0);
    res = peer_result();
    check(res.result == 5 && strcmp(res.text, "/tmp") == 0, "the child's cwd is '%s'", res.text);
    peer_send(PEER_READ_FD_POS, cx, 0, 0);
    expect("the child has the FD_CLOEXEC descriptor", peer_result().result, 0);
    expect("VFS_PM_EXECDONE", pm_call(VFS_PM_EXECDONE, peer_ep, 0, 0, 0, 0), 0);
    peer_send(PEER_READ_FD_POS, cx, 0, 0);
    expect("after exec it is closed", peer_result().result, -EBADF);
    peer_send(PEER_READ_FD_POS, fd, 0, 0);
    expect("the other descriptor stays", peer_result().result, 5);
    expect("ours is untouched", v_lseek(cx, 0, VFS_SEEK_CUR), 0);
}

static void exec(void)
{
    struct vfs_stat st;
    int fd = v_open("/tmp/prog", VFS_O_CREAT | VFS_O_WRONLY, 0755), same = 1;
    for (unsigned i = 0; i < sizeof(prog); i++)
        prog[i] = (uint8_t)(i * 13 + 5);
    v_write(fd, prog, sizeof(prog));
    v_close(fd);
    memset(image, 0, sizeof(image));
    expect("VFS_PM_EXEC prog (relative to the child's cwd)",
           pm_call(VFS_PM_EXEC, peer_ep, 0, "prog", image, sizeof(image)), 5000);
    for (unsigned i = 0; i < sizeof(prog); i++)
        same &= image[i] == prog[i];
    check(same, "PM's buffer holds the file");
    expect("VFS_PM_EXEC into 4096 bytes", pm_call(VFS_PM_EXEC, peer_ep, 0, "/tmp/prog", image, 4096), -ENOMEM);
    expect("VFS_PM_EXEC of a file without x bits", pm_call(VFS_PM_EXEC, peer_ep, 0, "/etc/motd", image, 8192), -EACCES);
    expect("VFS_PM_EXEC of a directory", pm_call(VFS_PM_EXEC, peer_ep, 0, "/tmp", image, 8192), -EACCES);
    expect("VFS_PM_EXEC of a device", pm_call(VFS_PM_EXEC, peer_ep, 0, "/dev/null", image, 8192), -EACCES);
    expect("VFS_PM_EXEC of a missing file", pm_call(VFS_PM_EXEC, peer_ep, 0, "/bin/nope", image, 8192), -ENOENT);
    expect("VFS_PM_EXEC through a file", pm_call(VFS_PM_EXEC, peer_ep, 0, "/etc/motd/x", image, 8192), -ENOTDIR);
    expect("the program is unchanged", v_stat("/tmp/prog", &st) == 0 ? (int)st.size : -1, 5000);
}

static void bad_calls(void)
{
    expect("VFS_PM_FORK to endpoint -5", pm_call(VFS_PM_FORK, self_ep, -5, 0, 0, 0), -EINVAL);
    expect("VFS_PM_FORK of ourselves", pm_call(VFS_PM_FORK, self_ep, self_ep, 0, 0, 0), -EINVAL);
    expect("VFS_PM_EXIT of endpoint 0", pm_call(VFS_PM_EXIT, 0, 0, 0, 0, 0), -EINVAL);
    expect("VFS_PM_UNPAUSE of endpoint -1", pm_call(VFS_PM_UNPAUSE, -1, 0, 0, 0, 0), -EINVAL);
    peer_send(PEER_PM_CALLS, 0, 0, 0);
    expect("PM calls from the peer that were not refused with EPERM", peer_result().result, 0);
}

void scen_pm(void)
{
    fork_and_exec_done();
    exec();
    bad_calls();
}

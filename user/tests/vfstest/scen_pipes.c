/*
 * scen_pipes.c - vfstest=pipes (booted with vfs_pm=vfstest, so this
 * controller may make the PM calls, and a peer process): pipes in one
 * process, then shared with the peer through VFS_PM_FORK: a blocking
 * read woken by the other process's write (both ways), 1 MiB through a
 * pipe with a CRC, EOF when the last writer closes (the peer's close or
 * its exit), EPIPE (also for a writer suspended when the reader goes),
 * VFS_PM_UNPAUSE ending a suspended read with EINTR, and ENFILE.
 */
#include "vfstest.h"
#include "crc32.h"

static uint8_t buf[8192];

static void one_process(void)
{
    struct vfs_stat st;
    int p[2];
    expect("pipe", v_pipe(p, 0), 0);
    check(p[0] == 0 && p[1] == 1, "pipe descriptors %d and %d", p[0], p[1]);
    expect("write 3 bytes", v_write(p[1], "abc", 3), 3);
    expect("fstat the read end", v_fstat(p[0], &st), 0);
    check(VFS_S_ISTYPE(st.mode, VFS_S_IFIFO) && st.size == 3, "a FIFO holding %u bytes", st.size);
    memset(buf, 0, 8);
    expect("read 10 gets the 3 there", v_read(p[0], buf, 10), 3);
    check(memcmp(buf, "abc", 3) == 0, "they are 'abc'");
    expect("lseek on a pipe", v_lseek(p[0], 0, VFS_SEEK_SET), -ESPIPE);
    expect("write on the read end", v_write(p[0], "x", 1), -EBADF);
    v_fcntl(p[0], VFS_F_SETFL, VFS_O_NONBLOCK);
    expect("non-blocking read of the empty pipe", v_read(p[0], buf, 10), -EAGAIN);
    v_fcntl(p[0], VFS_F_SETFL, 0);
    v_fcntl(p[1], VFS_F_SETFL, VFS_O_NONBLOCK);
    expect("non-blocking write of 8192 bytes", v_write(p[1], buf, 8192), 4096);
    expect("non-blocking write to the full pipe", v_write(p[1], buf, 1), -EAGAIN);
    v_close(p[0]);
    expect("write with no reader", v_write(p[1], buf, 1), -EPIPE);
    v_close(p[1]);
}

static void two_processes(void)
{
    struct peer_cmd res;
    uint32_t crc = 0;
    int p[2], got = 0, n;
    v_pipe(p, 0);
    expect("VFS_PM_FORK (the peer gets our descriptors)",
           pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), 0);
    expect("VFS_PM_FORK of a known child", pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), -EEXIST);
    peer_send(PEER_WRITE, p[1], 20, "wake up");     /* the peer writes after 20 ticks */
    memset(buf, 0, 16);
    expect("our read of the empty pipe, woken by the peer's write", v_read(p[0], buf, 100), 7);
    check(memcmp(buf, "wake up", 7) == 0, "we read 'wake up'");
    expect("the peer's write", peer_result().result, 7);
    peer_send(PEER_READ, p[0], 100, 0);             /* the peer blocks */
    sleep_ticks(20);
    expect("our write", v_write(p[1], "hello peer", 10), 10);
    res = peer_result();
    expect("the peer's blocked read", res.result, 10);
    check(strcmp(res.text, "hello peer") == 0, "the peer read '%s'", res.text);
    peer_send(PEER_WRITE_BULK, p[1], 1 << 20, 0);
    while (got < (1 << 20) && (n = v_read(p[0], buf, sizeof(buf))) > 0) {
        crc = crc32_update(crc, buf, n);
        got += n;
    }
    res = peer_result();
    expect("1 MiB through the pipe: bytes read", got, 1 << 20);
    check(res.result == (1 << 20) && res.crc == crc, "the CRC matches (0x%08x)", crc);
    peer_send(PEER_READ, p[0], 100, 0);
    sleep_ticks(10);
    expect("VFS_PM_UNPAUSE of the peer", pm_call(VFS_PM_UNPAUSE, peer_ep, 0, 0, 0, 0), 0);
    expect("the peer's suspended read", peer_result().result, -EINTR);
    expect("VFS_PM_UNPAUSE with nothing suspended", pm_call(VFS_PM_UNPAUSE, peer_ep, 0, 0, 0, 0), 0);
    v_close(p[1]);
    peer_send(PEER_CLOSE, p[1], 20, 0);              /* the last writer, later */
    expect("our read, until the last writer closes", v_read(p[0], buf, 100), 0);
    expect("the peer's close", peer_result().result, 0);
    v_close(p[0]);
}

static void exits(void)
{
    int p[2], q[2];
    v_pipe(p, 0);
    expect("VFS_PM_EXIT of the peer", pm_call(VFS_PM_EXIT, peer_ep, 0, 0, 0, 0), 0);
    expect("VFS_PM_FORK it again", pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0), 0);
    v_close(p[0]);
    peer_send(PEER_CLOSE, p[0], 20, 0);              /* the reader goes, later */
    expect("our write of 8192: 4096 fit, then the reader went", v_write(p[1], buf, 8192), 4096);
    expect("the next write", v_write(p[1], buf, 1), -EPIPE);
    peer_result();
    v_close(p[1]);
    v_pipe(q, 0);
    pm_call(VFS_PM_EXIT, peer_ep, 0, 0, 0, 0);
    pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0);
    v_close(q[1]);
    expect("the peer still holds a writer: non-blocking read",
           v_fcntl(q[0], VFS_F_SETFL, VFS_O_NONBLOCK) == 0 ? v_read(q[0], buf, 1) : -1, -EAGAIN);
    expect("VFS_PM_EXIT closes the peer's descriptors", pm_call(VFS_PM_EXIT, peer_ep, 0, 0, 0, 0), 0);
    expect("then the read sees end of file", v_read(q[0], buf, 1), 0);
    v_close(q[0]);
}

/* 16 pipes exist at most (NR_PIPES): 8 kept alive by the peer's copies
 * of our descriptors, 8 more of ours, then ENFILE (not EMFILE: we hold
 * only 16 descriptors). */
static void system_limit(void)
{
    int p[2], made = 0, r = 0;
    for (int i = 0; i < 8; i++)
        made += v_pipe(p, 0) == 0;
    pm_call(VFS_PM_FORK, self_ep, peer_ep, 0, 0, 0);
    for (int fd = 0; fd < 16; fd++)
        v_close(fd);
    while (made < 40 && (r = v_pipe(p, 0)) == 0)
        made++;
    check(made == 16 && r == -ENFILE, "pipes made before the system-wide limit: %d, then %s",
          made, ename(r));
    pm_call(VFS_PM_EXIT, peer_ep, 0, 0, 0, 0);
    expect("after the peer's exit a pipe can be made", v_pipe(p, 0), 0);
}

void scen_pipes(void)
{
    one_process();
    two_processes();
    exits();
    system_limit();
}

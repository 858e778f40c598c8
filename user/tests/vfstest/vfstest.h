/*
 * vfstest.h - the VFS/ramfs test program (tests/system/test_vfs.py).
 * One program, two roles chosen by its service label: "vfstest" is the
 * controller (and plays PM: the test boots with vfs_pm=vfstest), and
 * "vfspeer" is a second process the controller drives with commands
 * (struct peer_cmd) to test what needs two processes: pipes, fork,
 * unpause, exit.  Calls go to VFS as raw messages (client.c), so these
 * tests do not depend on libc.
 */
#ifndef VFSTEST_H
#define VFSTEST_H

#include "libsys.h"
#include "proto/vfs.h"

extern endpoint_t vfs_ep, self_ep, peer_ep, ctl_ep;

/* client.c: one VFS call each; the reply status (>= 0 or -E<error>) */
int v_open(const char *path, int flags, uint32_t mode);
int v_close(int fd);
int v_read(int fd, void *buf, uint32_t len);
int v_write(int fd, const void *buf, uint32_t len);
int v_lseek(int fd, int32_t off, int whence);     /* the new position */
int v_fstat(int fd, struct vfs_stat *st);
int v_stat(const char *path, struct vfs_stat *st);
int v_mkdir(const char *path, uint32_t mode);
int v_mknod(const char *path, uint32_t mode, uint32_t rdev);
int v_rmdir(const char *path);
int v_unlink(const char *path);
int v_link(const char *old, const char *new);
int v_rename(const char *old, const char *new);
int v_chdir(const char *path);
int v_getcwd(char *buf, uint32_t len);
int v_getdents(int fd, void *buf, uint32_t len);
int v_dup(int fd);
int v_dup2(int fd, int fd2);
int v_pipe(int fds[2], int flags);
int v_fcntl(int fd, int cmd, int arg);
int v_ioctl(int fd, uint32_t request, void *buf, uint32_t len);
int v_ftruncate(int fd, int32_t size);
int v_access(const char *path, int mode);
int v_umask(uint32_t mask);
int v_raw(message *m);                  /* any message; the reply status */
int v_path_call(int type, grant_id_t g, uint32_t len);
int pm_call(int type, endpoint_t ep, endpoint_t ep2, const char *path,
            void *buf, uint32_t len);

/* check.c */
void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void expect(const char *what, int got, int want);   /* "ok - what: <got>" */
const char *ename(int r);
const char *octal(uint32_t v);           /* "0644" */
int checks_done(void);
int checks_failed(void);
void sleep_ticks(uint32_t n);
uint32_t crc_file(const char *path, int *size);

/* peer.c: the second process and the controller's side of it */
enum { PEER_READ = 1, PEER_WRITE, PEER_CLOSE, PEER_WRITE_BULK, PEER_EXIT_CHECK,
       PEER_PM_CALLS, PEER_READ_FD_POS, PEER_OPEN_CDEV, PEER_STOP };
struct peer_cmd {
    int32_t op, fd, len;
    int32_t result;
    uint32_t crc;
    char text[36];
};
MSG_PAYLOAD_CHECK(struct peer_cmd);
void peer_main(void) __attribute__((noreturn));
void peer_send(int op, int fd, int len, const char *text);
struct peer_cmd peer_result(void);

/* scenarios */
void scen_files(void);
void scen_dirs(void);
void scen_errors(void);
void scen_many(void);
void scen_full(void);
void scen_pipes(void);
void scen_pm(void);
void scen_device(void);
void scen_restart(void);

#endif

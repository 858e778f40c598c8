/*
 * vfs.h - the virtual file system server's shared declarations.
 *
 * Objects, from the process down (docs/vfs.md has the picture):
 *   vproc   one per process, indexed by endpoint slot, created lazily on
 *           a process's first request: cwd, descriptor table, umask and at
 *           most one suspended call;
 *   filp    an open file description (position, flags), shared by
 *           descriptors made with dup/fork, reference-counted;
 *   vnode   a file in use: (mount, inode) or a pipe; while a vnode exists
 *           VFS holds one FS_REF on the inode, so unlinked files stay;
 *   mount   a file-system server and its root vnode ("/" = ramfs).
 * Invariants: a filp's refs = the descriptor slots naming it; a vnode's
 * refs = filps + cwds + mounts naming it; a pipe's readers/writers = the
 * filps open on its read/write end; a vproc with susp.kind != SUSP_NONE
 * is blocked in ipc_call to VFS and gets exactly one reply (ipc_sendnb).
 * All of these tables live in the state region (STATE), so a restarted
 * VFS inherits them: inherit.c checks them first, again.c answers a
 * request sent again after the failure from its record (docs/recovery.md).
 */
#ifndef VFS_H
#define VFS_H

#include "sef.h"
#include "proto/vfs.h"
#include "proto/fs.h"
#include "proto/chardrv.h"

#define NR_FILPS     128            /* open file descriptions (ENFILE) */
#define NR_VNODES    128
#define NR_PIPES     16
#define NR_MOUNTS    VFS_MOUNTS_MAX
#define PIPE_SIZE    4096
#define PIPE_ATOMIC  512            /* POSIX PIPE_BUF */
#define IO_CHUNK     (64u * 1024)   /* VFS's buffer: one FS or driver transfer */
#define IOCTL_MAX    1024

struct pipe {
    int used;
    uint8_t buf[PIPE_SIZE];
    uint32_t head, count;           /* count bytes from buf[head], wrapping */
    int readers, writers;
    int32_t owner;                  /* uid that made it (share.c) */
};

struct vnode {
    int refs;                       /* 0: free */
    int mnt;                        /* mount index, -1 for a pipe */
    uint32_t ino;
    uint32_t mode, rdev;
    struct pipe *pipe;
};

struct filp {
    int refs;                       /* 0: free */
    struct vnode *vp;
    uint32_t pos;                   /* bytes, or the directory cookie */
    int flags;                      /* O_ACCMODE | O_APPEND | O_NONBLOCK */
    endpoint_t drv;                 /* a device's driver when opened */
    int32_t owner;                  /* uid that opened it (share.c) */
};

enum { SUSP_NONE, SUSP_PIPE_READ, SUSP_PIPE_WRITE, SUSP_DEV_READ, SUSP_POLL };
#define SUSP_LAST SUSP_POLL
#define SUSP_ON_FILE(kind) ((kind) != SUSP_POLL)   /* susp.f names the open file */

struct susp {
    int kind;
    struct filp *f;
    grant_id_t grant;
    uint32_t len, done;             /* done: bytes of a pipe write already moved;
                                       SUSP_POLL: len entries, done = deadline (poll.c) */
    uint32_t seq;                   /* the request's number (proto/vfs.h) */
};

/* The last reply sent to a process, for a request sent again (again.c). */
struct answer {
    uint32_t seq;                   /* 0: none */
    int32_t status;
    uint8_t body[MSG_PAYLOAD];
};

struct vproc {
    endpoint_t ep;                  /* NONE: free */
    struct vnode *cwd;
    struct filp *fd[VFS_OPEN_MAX];
    uint8_t cloexec[VFS_OPEN_MAX];
    uint32_t umask;
    int32_t uid, gid;               /* effective ids, from PM (perm.c) */
    int32_t pgrp, sid;              /* group and session, from PM (0: not known) */
    int32_t leader;                 /* 1: it leads its session */
    struct susp susp;
    struct answer last;
    uint32_t partial_seq;           /* a pipe write cut by a VFS failure: */
    uint32_t partial_done;          /* its number and the bytes it moved */
};

struct mount {
    int used;
    char label[16];
    endpoint_t ep;                  /* NONE until found */
    struct vnode *root;
    struct vnode *covered;          /* 0 for "/" */
    char dev[32];                   /* the device path it was mounted from */
    uint32_t flags;                 /* VFS_MS_RDONLY */
};

/* A resolved file: its mount and attributes (st.ino is the inode). */
struct loc {
    int mnt;
    struct vfs_stat st;
};

extern struct vproc procs[NR_PROCS];
extern struct mount mounts[NR_MOUNTS];
extern uint8_t iobuf[IO_CHUNK];

#define REQ(m) MSG_BODY(m, struct vfs_req)
#define IS_TYPE(mode, t) VFS_S_ISTYPE(mode, t)

/* perm.c: OK if p may (VFS_R_OK | VFS_W_OK | VFS_X_OK) st, else -EACCES */
int vfs_may(const struct vproc *p, const struct vfs_stat *st, int want);

/* proc.c */
struct vproc *vproc_get(endpoint_t ep);         /* lazily created */
struct vproc *vproc_get_for_pm(endpoint_t ep);  /* the same, for PM's calls */
struct vproc *vproc_find(endpoint_t ep);        /* known, or 0 */
void vproc_forget(struct vproc *p);
int ep_ok(endpoint_t ep);
void reply(endpoint_t ep, int status);
int fd_free_slot(struct vproc *p, int from);    /* -EMFILE when full */
struct filp *fd_filp(struct vproc *p, int fd);  /* 0: EBADF */
void fd_close(struct vproc *p, int fd);

/* filp.c */
struct filp *filp_alloc(void);                  /* 0: ENFILE */
int filp_free_count(void);
void filp_put(struct filp *f);
int can_read(const struct filp *f);
int can_write(const struct filp *f);

/* vnode.c */
struct vnode *vnode_get(const struct loc *l);   /* 0: table full */
struct vnode *vnode_pipe(struct pipe *pp);
void vnode_hold(struct vnode *vp);
void vnode_put(struct vnode *vp);
int vnode_free_count(void);
void vnode_loc(const struct vnode *vp, struct loc *l);

/* fscall.c: requests to file-system servers */
int fs_call(int mnt, message *m, void *buf, uint32_t len, int access);
int fs_simple(int mnt, int type, uint32_t ino, struct fs_req *rq);
int fs_name(int mnt, int type, uint32_t ino, const char *name, message *m);
int fs_getattr(int mnt, uint32_t ino, struct vfs_stat *st);
int fs_ref(int mnt, uint32_t ino, int delta);
void fs_keep_all(struct fs_req *rq);            /* every FS_SETATTR field FS_KEEP */
int fs_setattr(const struct loc *l, const struct fs_req *want);
int mount_root(void);

/* path.c */
int get_path(endpoint_t who, grant_id_t g, uint32_t len, char *buf);
/* base: where a relative path starts (0: the cwd); follow: a symbolic
 * link at the end is followed (resolve always follows) */
int resolve_from(struct vproc *p, const struct loc *base, const char *path, int follow,
                 struct loc *out);
int resolve(struct vproc *p, const char *path, struct loc *out);
int resolve_req(const message *m, struct vproc **pp, int follow, struct loc *out);
int resolve_parent_from(struct vproc *p, const struct loc *base, const char *path,
                        struct loc *dir, char *name, int *trailing);
int resolve_parent(struct vproc *p, const char *path, struct loc *dir,
                   char *name, int *trailing);
int read_link(const struct loc *l, char *buf);  /* buf: VFS_PATH_MAX; -> length */
int step(struct loc *cur, const char *name, uint32_t len);
int is_dotname(const char *name);

/* dir.c: the path of directory l from "/" into out (VFS_PATH_MAX bytes) */
int dir_path(const struct loc *l, char *out);

/* file.c */
int file_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len);
int file_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len);

/* pipe.c */
int pipe_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len);
int pipe_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len,
               uint32_t done);
void pipe_wake(struct pipe *pp);
void pipe_closed(struct filp *f);

/* device.c */
/* bg_ok: the caller's VFS_BG_OK (a background write or setting goes on) */
int dev_open(const struct vproc *p, struct vnode *vp, int flags, endpoint_t *drv);
void dev_close(struct filp *f);
int dev_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len);
int dev_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len, int bg_ok);
int dev_ioctl(struct vproc *p, struct filp *f, uint32_t request, grant_id_t g,
              uint32_t len, int bg_ok);
void dev_notify(const message *m);
int dev_poll(struct filp *f, int notify);       /* VFS_POLL* bits (poll.c) */

/* poll.c */
int do_poll(message *m);
enum poll_cause { POLL_PIPE, POLL_DEVICE, POLL_ALARM };
void poll_retry(enum poll_cause why);           /* held polls: something may be ready */
void dev_init(void);

/* suspend.c */
int suspend(struct vproc *p, int kind, struct filp *f, grant_id_t g,
            uint32_t len, uint32_t done);
void resume(struct vproc *p, int status);
struct filp *held_filp(struct vproc *p, int kind);  /* the held call's file if still open */

/* again.c: requests sent again after a VFS failure */
int vfs_again(message *m);
void vfs_answered(endpoint_t to, const message *m);
void answer_late(struct vproc *p, int status);
uint32_t request_seq(void);                     /* of the request in hand */
int request_was_read(endpoint_t from);          /* the last request: a VFS_READ from 'from'? */
uint32_t partial_done(struct vproc *p);         /* bytes a repeated write moved */

/* inherit.c: the tables a restarted VFS inherits */
int vfs_inherit(const struct sef_init *info);
const char *vproc_shape(int slot, const struct vproc *p);  /* NULL: sound */

/* mirror.c: a copy of every process slot, to mend a damaged one from */
void vproc_changed(const struct vproc *p);      /* its descriptors, cwd or umask changed */
void vproc_susp_changed(const struct vproc *p); /* its held call changed */
void vproc_suspect(struct vproc *p);            /* it looks wrong: mended if damaged */
void vproc_check_susp(struct vproc *p);         /* before its held call is woken */
void mirror_settle(void);                       /* between messages: copy the changed */
void mirror_save_all(void);
int vprocs_mend(const char *who);               /* slots mended or dropped */

/* check.c: the counts against what they count */
int counts_fix(void);                           /* how many were wrong */
void vfs_check(void);
void vfs_corrupt(void);

/* the tables, for inherit.c */
struct filp *filp_at(int i);                    /* 0 <= i < NR_FILPS */
/* share.c: may p's user own 'filps' and 'pipes' more? (root: always) */
int share_allows(const struct vproc *p, int filps, int pipes);
int pipes_of(int32_t uid);                      /* pipe.c: pipes uid owns */
struct vnode *vnode_at(int i);
struct pipe *pipe_at(int i);
/* The index of the element of a table at p (the table's n bytes at base,
 * elements of size bytes), or -1 if p is not one of them. */
static inline int table_index(const void *base, uint32_t n, uint32_t size, const void *p)
{
    uintptr_t off = (uintptr_t)p - (uintptr_t)base;
    return off >= n || off % size ? -1 : (int)(off / size);
}
int filp_index(const struct filp *f);           /* -1: not in the table */
int vnode_index(const struct vnode *vp);
int pipe_index(const struct pipe *pp);
void pipe_drop(struct pipe *pp);                /* empty, unused */

/* handlers: open.c, readwrite.c, link.c, stat.c, dir.c, fd.c, pipe.c, perm.c,
 * symlink.c, times.c, statfs.c, mount.c, pm.c */
int do_open(message *m);
int do_close(message *m);
int do_read(message *m);
int do_write(message *m);
int do_lseek(message *m);
int do_ftruncate(message *m);
int do_fstat(message *m);
int do_stat(message *m);
int do_access(message *m);
int do_umask(message *m);
int do_mkdir(message *m);
int do_mknod(message *m);
int do_chmod(message *m);
int do_chown(message *m);
int do_rmdir(message *m);
int do_unlink(message *m);
int do_link(message *m);
int do_rename(message *m);
int do_chdir(message *m);
int do_getcwd(message *m);
int do_getdents(message *m);
int do_dup(message *m);
int do_dup2(message *m);
int do_fcntl(message *m);
int do_pipe(message *m);
int do_ioctl(message *m);
int do_lstat(message *m);
int do_fchmod(message *m);
int do_fchown(message *m);
int do_symlink(message *m);
int do_readlink(message *m);
int do_utimens(message *m);
int do_futimens(message *m);
int do_statfs(message *m);
int do_fstatfs(message *m);
int do_getmnt(message *m);
int do_mount(message *m);
int do_umount(message *m);
int do_sync(message *m);
int do_pm_fork(message *m);
int do_pm_exit(message *m);
int do_pm_exec(message *m);
int do_pm_execdone(message *m);
int do_pm_unpause(message *m);
int do_pm_setids(message *m);
int do_pm_setpgrp(message *m);

#endif

/*
 * client.c - raw VFS calls for the tests: each builds a struct vfs_req,
 * lends the buffers with one-shot grants, calls VFS and revokes them.
 */
#include "vfstest.h"

static int call(message *m)
{
    int r = ipc_call(vfs_ep, m);
    return r == OK ? m->m_type : r;
}

int v_raw(message *m)
{
    return call(m);
}

static struct vfs_req *req(message *m, int type)
{
    memset(m, 0, sizeof(*m));
    m->m_type = type;
    return MSG_BODY(m, struct vfs_req);
}

/* A call with up to two buffers (0 = none); 'access' of the first. */
static int call2(message *m, const void *b1, uint32_t l1, int a1,
                 const void *b2, uint32_t l2, int a2)
{
    struct vfs_req *rq = MSG_BODY(m, struct vfs_req);
    grant_id_t g1 = -1, g2 = -1;
    int r;
    if (b1 && (g1 = rq->grant = grant_create(vfs_ep, b1, l1, a1)) < 0)
        return g1;
    if (b2 && (g2 = rq->grant2 = grant_create(vfs_ep, b2, l2, a2)) < 0)
        return g2;
    rq->len = b1 ? l1 : 0;
    rq->len2 = b2 ? l2 : 0;
    r = call(m);                        /* the reply overwrites *rq */
    if (b1)
        grant_revoke(g1);
    if (b2)
        grant_revoke(g2);
    return r;
}

static int path_call(int type, const char *path, uint32_t mode)
{
    message m;
    req(&m, type)->mode = mode;
    return call2(&m, path, strlen(path) + 1, GRANT_READ, 0, 0, 0);
}

int v_path_call(int type, grant_id_t g, uint32_t len)
{
    message m;
    struct vfs_req *rq = req(&m, type);
    rq->grant = g;
    rq->len = len;
    return call(&m);
}

int v_open(const char *path, int flags, uint32_t mode)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_OPEN);
    rq->flags = flags;
    rq->mode = mode;
    return call2(&m, path, strlen(path) + 1, GRANT_READ, 0, 0, 0);
}

static int fd_call(int type, int fd, int fd2)
{
    message m;
    struct vfs_req *rq = req(&m, type);
    rq->fd = fd;
    rq->fd2 = fd2;
    return call(&m);
}

int v_close(int fd) { return fd_call(VFS_CLOSE, fd, 0); }
int v_dup(int fd) { return fd_call(VFS_DUP, fd, 0); }
int v_dup2(int fd, int fd2) { return fd_call(VFS_DUP2, fd, fd2); }

int v_read(int fd, void *buf, uint32_t len)
{
    message m;
    req(&m, VFS_READ)->fd = fd;
    return call2(&m, buf, len, GRANT_WRITE, 0, 0, 0);
}

int v_write(int fd, const void *buf, uint32_t len)
{
    message m;
    req(&m, VFS_WRITE)->fd = fd;
    return call2(&m, buf, len, GRANT_READ, 0, 0, 0);
}

int v_lseek(int fd, int32_t off, int whence)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_LSEEK);
    int r;
    rq->fd = fd;
    rq->offset = off;
    rq->whence = whence;
    r = call(&m);
    return r == OK ? MSG_BODY(&m, struct vfs_req)->offset : r;
}

int v_fstat(int fd, struct vfs_stat *st)
{
    message m;
    req(&m, VFS_FSTAT)->fd = fd;
    return call2(&m, 0, 0, 0, st, sizeof(*st), GRANT_WRITE);
}

int v_stat(const char *path, struct vfs_stat *st)
{
    message m;
    req(&m, VFS_STAT);
    return call2(&m, path, strlen(path) + 1, GRANT_READ, st, sizeof(*st), GRANT_WRITE);
}

int v_mkdir(const char *path, uint32_t mode) { return path_call(VFS_MKDIR, path, mode); }
int v_rmdir(const char *path) { return path_call(VFS_RMDIR, path, 0); }
int v_unlink(const char *path) { return path_call(VFS_UNLINK, path, 0); }
int v_chdir(const char *path) { return path_call(VFS_CHDIR, path, 0); }
int v_access(const char *path, int mode) { return path_call(VFS_ACCESS, path, mode); }

int v_mknod(const char *path, uint32_t mode, uint32_t rdev)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_MKNOD);
    rq->mode = mode;
    rq->offset = (int32_t)rdev;
    return call2(&m, path, strlen(path) + 1, GRANT_READ, 0, 0, 0);
}

static int two_paths(int type, const char *a, const char *b)
{
    message m;
    req(&m, type);
    return call2(&m, a, strlen(a) + 1, GRANT_READ, b, strlen(b) + 1, GRANT_READ);
}

int v_link(const char *old, const char *new) { return two_paths(VFS_LINK, old, new); }
int v_rename(const char *old, const char *new) { return two_paths(VFS_RENAME, old, new); }

int v_getcwd(char *buf, uint32_t len)
{
    message m;
    req(&m, VFS_GETCWD);
    return call2(&m, buf, len, GRANT_WRITE, 0, 0, 0);
}

int v_getdents(int fd, void *buf, uint32_t len)
{
    message m;
    req(&m, VFS_GETDENTS)->fd = fd;
    return call2(&m, buf, len, GRANT_WRITE, 0, 0, 0);
}

int v_pipe(int fds[2], int flags)
{
    message m;
    int r;
    req(&m, VFS_PIPE)->flags = flags;
    r = call(&m);
    if (r == OK) {
        fds[0] = MSG_BODY(&m, struct vfs_req)->fd;
        fds[1] = MSG_BODY(&m, struct vfs_req)->fd2;
    }
    return r;
}

int v_fcntl(int fd, int cmd, int arg)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_FCNTL);
    rq->fd = fd;
    rq->request = cmd;
    rq->offset = arg;
    return call(&m);
}

int v_ioctl(int fd, uint32_t request, void *buf, uint32_t len)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_IOCTL);
    rq->fd = fd;
    rq->request = request;
    return call2(&m, buf, len, GRANT_READ | GRANT_WRITE, 0, 0, 0);
}

int v_ftruncate(int fd, int32_t size)
{
    message m;
    struct vfs_req *rq = req(&m, VFS_FTRUNCATE);
    rq->fd = fd;
    rq->offset = size;
    return call(&m);
}

int v_umask(uint32_t mask)
{
    message m;
    req(&m, VFS_UMASK)->mode = mask;
    return call(&m);
}

int pm_call(int type, endpoint_t ep, endpoint_t ep2, const char *path,
            void *buf, uint32_t len)
{
    message m;
    struct vfs_pm_req *rq = MSG_BODY(&m, struct vfs_pm_req);
    grant_id_t g1 = -1, g2 = -1;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->ep = ep;
    rq->ep2 = ep2;
    if (path) {
        g1 = rq->grant = grant_create(vfs_ep, path, strlen(path) + 1, GRANT_READ);
        rq->len = strlen(path) + 1;
    }
    if (buf) {
        g2 = rq->grant2 = grant_create(vfs_ep, buf, len, GRANT_WRITE);
        rq->len2 = len;
    }
    r = call(&m);
    if (path)
        grant_revoke(g1);
    if (buf)
        grant_revoke(g2);
    return r;
}

/*
 * fscall.c - requests from VFS to file-system servers (proto/fs.h) and
 * the mount table.  Names and data go through a grant VFS makes for the
 * one call (over its own buffer, or forwarding a client's: file.c),
 * revoked when the call returns.  Every request carries a number; one
 * that meets a dead file system (EDEADSRCDST: it died with the request,
 * or before it took it) goes once more, with the same number and
 * FS_AGAIN, to the instance RS restarted, which kept its tree and its
 * record of the last answer, so it is done exactly once
 * (docs/recovery.md).  The counter is in the state region: a restarted
 * VFS never reuses a number.  mounts[0] is "/" (ramfs); more mounts
 * would cover a directory vnode with another server's root.
 */
#include "vfs.h"

struct mount mounts[NR_MOUNTS] STATE;
static uint32_t fs_seq STATE;
uint8_t iobuf[IO_CHUNK];
static char namebuf[2 * (VFS_NAME_MAX + 1)];

static int find_server(struct mount *mt)
{
    if (mt->ep != NONE)
        return OK;
    if (sys_lookup(mt->label, &mt->ep) != OK) {
        mt->ep = NONE;
        return -EIO;
    }
    return OK;
}

/* The file system died: wait (at most FS_WAIT ticks, well inside VFS's
 * own heartbeat period) for RS to start it again under a new endpoint. */
#define FS_WAIT 10
static int find_new_server(struct mount *mt, endpoint_t dead)
{
    mt->ep = sys_lookup_new(mt->label, dead, FS_WAIT);
    return mt->ep == NONE ? -EIO : OK;
}

/* One attempt: ipc_dead() when the server died before it answered. */
static int attempt(struct mount *mt, message *m, void *buf, uint32_t len, int access)
{
    struct fs_req *rq = MSG_BODY(m, struct fs_req);
    grant_id_t g = -1;
    int r;
    if (find_server(mt) != OK)
        return -EIO;
    if (buf && (g = rq->grant = grant_create(mt->ep, buf, len, access)) < 0)
        return g;
    r = ipc_call(mt->ep, m);            /* the reply overwrites *rq */
    if (buf)
        grant_revoke(g);
    return r == OK ? m->m_type : r;
}

/* When the server died no reply arrived, so m still holds the request. */
int fs_call(int mnt, message *m, void *buf, uint32_t len, int access)
{
    int r;
    if (mnt < 0 || mnt >= NR_MOUNTS || !mounts[mnt].used)
        return -EIO;
    fs_seq = (fs_seq + 1) & FS_SEQ_MASK;
    if (fs_seq == 0)
        fs_seq = 1;
    MSG_BODY(m, struct fs_req)->seq = fs_seq;
    r = attempt(&mounts[mnt], m, buf, len, access);
    if (ipc_dead(r) && find_new_server(&mounts[mnt], mounts[mnt].ep) == OK) {
        MSG_BODY(m, struct fs_req)->seq = fs_seq | FS_AGAIN;
        r = attempt(&mounts[mnt], m, buf, len, access);
    }
    return ipc_dead(r) ? -EIO : r;
}

int fs_simple(int mnt, int type, uint32_t ino, struct fs_req *rq)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    *MSG_BODY(&m, struct fs_req) = *rq;
    MSG_BODY(&m, struct fs_req)->ino = ino;
    r = fs_call(mnt, &m, 0, 0, 0);
    *rq = *MSG_BODY(&m, struct fs_req);
    return r;
}

/* A call naming 'name' in directory ino; m holds the other fields and
 * gets the reply. */
int fs_name(int mnt, int type, uint32_t ino, const char *name, message *m)
{
    struct fs_req *rq = MSG_BODY(m, struct fs_req);
    uint32_t len = strlen(name);
    m->m_type = type;
    rq->ino = ino;
    rq->len = len;
    memcpy(namebuf, name, len);
    return fs_call(mnt, m, namebuf, len, GRANT_READ);
}

int fs_getattr(int mnt, uint32_t ino, struct vfs_stat *st)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = FS_GETATTR;
    MSG_BODY(&m, struct fs_req)->ino = ino;
    if ((r = fs_call(mnt, &m, 0, 0, 0)) == OK)
        *st = *MSG_BODY(&m, struct vfs_stat);
    return r;
}

int fs_ref(int mnt, uint32_t ino, int delta)
{
    struct fs_req rq;
    memset(&rq, 0, sizeof(rq));
    rq.delta = delta;
    return fs_simple(mnt, FS_REF, ino, &rq);
}

void fs_keep_all(struct fs_req *rq)
{
    memset(rq, 0, sizeof(*rq));
    rq->mode = rq->uid = rq->gid = rq->atime = rq->mtime = FS_KEEP;
}

/* FS_SETATTR of the file at l with want's mode, owner and times. */
int fs_setattr(const struct loc *l, const struct fs_req *want)
{
    message m;
    memset(&m, 0, sizeof(m));
    m.m_type = FS_SETATTR;
    *MSG_BODY(&m, struct fs_req) = *want;
    MSG_BODY(&m, struct fs_req)->ino = l->st.ino;
    return fs_call(l->mnt, &m, 0, 0, 0);
}

/* Mount the root file system if it is not mounted yet. */
int mount_root(void)
{
    struct mount *mt = &mounts[0];
    struct loc l;
    message m;
    int r;
    if (mt->used && mt->root)
        return OK;
    mt->used = 1;
    mt->ep = NONE;
    strlcpy(mt->label, "ramfs", sizeof(mt->label));
    memset(&m, 0, sizeof(m));
    m.m_type = FS_MOUNT;
    if ((r = fs_call(0, &m, 0, 0, 0)) != OK)
        return r;
    l.mnt = 0;
    l.st = *MSG_BODY(&m, struct vfs_stat);
    if (!(mt->root = vnode_get(&l)))
        return -ENFILE;
    return OK;
}

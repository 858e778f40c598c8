/*
 * mount.c - mounting disk file systems (VFS_MOUNT, VFS_UMOUNT) and
 * flushing them (VFS_SYNC).  docs/storage.md has the design.
 *
 * A mount covers a directory vnode with the root of another server's
 * tree; path walks cross it (path.c).  The device is a block special
 * file: its major names the driver (majors[] below), and the file-system
 * server gets the device as text, "LABEL:MINOR" (proto/fs.h, FS_MOUNT).
 * Each disk file-system server holds one mount, so the servers listed in
 * disk_servers[] are the most disk mounts there can be.
 *
 * Invariants: only root mounts and unmounts; a request is checked
 * completely (the device, the directory, a free slot and server) before
 * anything changes, and a mount that fails leaves the table as it was.
 * A mount is unmounted only when nothing but the mount itself holds a
 * vnode on it (EBUSY), and only after its server flushed everything.
 */
#include "vfs.h"
#include "format.h"

struct block_major {
    int major;
    const char *label;
};

static const struct block_major majors[] = {
    { 3, "ata" },
};
static const char *const disk_servers[] = { "ext2" };

#define NR_BLOCK_MAJORS ((int)(sizeof(majors) / sizeof(majors[0])))
#define NR_DISK_SERVERS ((int)(sizeof(disk_servers) / sizeof(disk_servers[0])))

static const char *driver_of(uint32_t rdev)
{
    for (int i = 0; i < NR_BLOCK_MAJORS; i++)
        if (majors[i].major == (int)VFS_MAJOR(rdev))
            return majors[i].label;
    return 0;
}

/* The mount whose root l is, or -1. */
static int mount_rooted_at(const struct loc *l)
{
    for (int i = 0; i < NR_MOUNTS; i++)
        if (mounts[i].used && mounts[i].root && mounts[i].root->mnt == l->mnt &&
            mounts[i].root->ino == l->st.ino)
            return i;
    return -1;
}

static int free_slot(void)
{
    for (int i = 1; i < NR_MOUNTS; i++)
        if (!mounts[i].used)
            return i;
    return -1;
}

/* A disk file-system server that holds no mount, or 0. */
static const char *free_server(void)
{
    for (int s = 0; s < NR_DISK_SERVERS; s++) {
        int busy = 0;
        for (int i = 0; i < NR_MOUNTS; i++)
            busy |= mounts[i].used && strcmp(mounts[i].label, disk_servers[s]) == 0;
        if (!busy)
            return disk_servers[s];
    }
    return 0;
}

/* The device file at path: its driver label and minor. */
static int device_at(struct vproc *p, const char *path, const char **drv, uint32_t *minor)
{
    struct loc l;
    int r;
    if ((r = resolve(p, path, &l)) != OK)
        return r;
    if (!IS_TYPE(l.st.mode, VFS_S_IFBLK))
        return -ENODEV;                 /* not a block device (newlib has no ENOTBLK text) */
    if (!(*drv = driver_of(l.st.rdev)))
        return -ENXIO;
    *minor = VFS_MINOR(l.st.rdev);
    return OK;
}

/* Ask the server in slot i to mount "drv:minor"; OK and its root in l. */
static int fs_mount(int i, const char *drv, uint32_t minor, int flags, struct loc *l)
{
    char dev[32];
    message m;
    int r;
    fmt_snprintf(dev, sizeof(dev), "%s:%u", drv, (unsigned)minor);
    memset(&m, 0, sizeof(m));
    m.m_type = FS_MOUNT;
    MSG_BODY(&m, struct fs_req)->len = strlen(dev);
    MSG_BODY(&m, struct fs_req)->mode = (flags & VFS_MS_RDONLY) ? FS_RDONLY : 0;
    if ((r = fs_call(i, &m, dev, strlen(dev), GRANT_READ)) != OK)
        return r;
    l->mnt = i;
    l->st = *MSG_BODY(&m, struct vfs_stat);
    return IS_TYPE(l->st.mode, VFS_S_IFDIR) ? OK : -EIO;
}

int do_mount(message *m)
{
    char dev[VFS_PATH_MAX], dir[VFS_PATH_MAX];
    struct vproc *p = vproc_get(m->m_source);
    struct loc at, root;
    const char *drv, *server;
    uint32_t minor;
    struct mount *mt;
    int i, r;
    if (!p)
        return -EIO;
    if (p->uid != 0)
        return -EPERM;
    if ((r = get_path(m->m_source, REQ(m)->grant, REQ(m)->len, dev)) != OK ||
        (r = get_path(m->m_source, REQ(m)->grant2, REQ(m)->len2, dir)) != OK ||
        (r = device_at(p, dev, &drv, &minor)) != OK || (r = resolve(p, dir, &at)) != OK)
        return r;
    if (!IS_TYPE(at.st.mode, VFS_S_IFDIR))
        return -ENOTDIR;
    if (mount_rooted_at(&at) >= 0)
        return -EBUSY;                  /* "/" or a directory already mounted on */
    if ((i = free_slot()) < 0 || !(server = free_server()))
        return -EBUSY;
    mt = &mounts[i];
    memset(mt, 0, sizeof(*mt));
    mt->used = 1;
    mt->ep = NONE;
    strlcpy(mt->label, server, sizeof(mt->label));
    strlcpy(mt->dev, dev, sizeof(mt->dev));
    mt->flags = REQ(m)->flags & VFS_MS_RDONLY;
    if ((r = fs_mount(i, drv, minor, mt->flags, &root)) == OK &&
        !(mt->root = vnode_get(&root)))
        r = -ENFILE;
    if (r == OK && !(mt->covered = vnode_get(&at))) {
        vnode_put(mt->root);
        r = -ENFILE;
    }
    if (r != OK) {
        fs_simple(i, FS_UNMOUNT, 0, &(struct fs_req){ 0 });
        memset(mt, 0, sizeof(*mt));
    }
    return r;
}

/* Vnodes on mount i other than its root's own reference. */
static int in_use(int i)
{
    int n = 0;
    for (int v = 0; v < NR_VNODES; v++) {
        struct vnode *vp = vnode_at(v);
        if (vp->refs && !vp->pipe && vp->mnt == i)
            n += vp == mounts[i].root ? vp->refs - 1 : vp->refs;
    }
    return n;
}

int do_umount(message *m)
{
    struct vproc *p;
    struct loc l;
    struct mount *mt;
    struct fs_req rq;
    int i, r;
    if ((r = resolve_req(m, &p, 1, &l)) != OK)
        return r;
    if (p->uid != 0)
        return -EPERM;
    if ((i = mount_rooted_at(&l)) < 0)
        return -EINVAL;                 /* not a mount point */
    if (i == 0 || in_use(i))
        return -EBUSY;
    mt = &mounts[i];
    memset(&rq, 0, sizeof(rq));
    if ((r = fs_simple(i, FS_SYNC, 0, &rq)) != OK)
        return r;                       /* it could not write: still mounted */
    vnode_put(mt->root);
    fs_simple(i, FS_UNMOUNT, 0, &rq);
    vnode_put(mt->covered);
    memset(mt, 0, sizeof(*mt));
    return OK;
}

/* VFS_SYNC: fd < 0 flushes every mount, else the one holding fd's file. */
int do_sync(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct filp *f = 0;
    struct fs_req rq;
    int r = OK;
    if (!p)
        return -EIO;
    if (REQ(m)->fd >= 0 && !(f = fd_filp(p, REQ(m)->fd)))
        return -EBADF;
    if (f && f->vp->pipe)
        return -EINVAL;
    for (int i = 0; i < NR_MOUNTS; i++) {
        int e;
        if (!mounts[i].used || !mounts[i].root || (f && f->vp->mnt != i))
            continue;
        memset(&rq, 0, sizeof(rq));
        if ((e = fs_simple(i, FS_SYNC, f ? f->vp->ino : 0, &rq)) != OK && r == OK)
            r = e;
    }
    return r;
}

/*
 * open.c - open, close, and the calls that create names: mkdir, mknod.
 * open checks everything that can fail before it creates or truncates:
 * a free descriptor (EMFILE), a free open file description (ENFILE) and
 * vnode, the permissions (perm.c: the file's for the access asked, the
 * directory's w and x to create; a file just created is its creator's
 * to open); only then does it create the file, open the device or
 * truncate.  New files and directories belong to the caller's ids.
 * open follows a symbolic link at the end unless O_NOFOLLOW (ELOOP).
 */
#include "vfs.h"

#define OPEN_FLAGS (VFS_O_ACCMODE | VFS_O_APPEND | VFS_O_CREAT | VFS_O_TRUNC | \
                    VFS_O_EXCL | VFS_O_NONBLOCK | VFS_O_NOCTTY | VFS_O_CLOEXEC | \
                    VFS_O_DIRECTORY | VFS_O_NOFOLLOW)
#define FILP_FLAGS (VFS_O_ACCMODE | VFS_O_APPEND | VFS_O_NONBLOCK)

/* Create name in directory l (which gets the new file). */
static int create_in(struct vproc *p, struct loc *l, const char *name, uint32_t mode)
{
    message m;
    int r;
    if ((r = vfs_may(p, &l->st, VFS_W_OK | VFS_X_OK)) != OK)
        return r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct fs_req)->mode = VFS_S_IFREG | (mode & 07777 & ~p->umask);
    MSG_BODY(&m, struct fs_req)->uid = (uint32_t)p->uid;
    MSG_BODY(&m, struct fs_req)->gid = (uint32_t)p->gid;
    if ((r = fs_name(l->mnt, FS_CREATE, l->st.ino, name, &m)) != OK)
        return r;
    l->st = *MSG_BODY(&m, struct vfs_stat);
    return OK;
}

/* Find or create the file that open(path, O_CREAT) names; *made says
 * it was created (its creator may open it whatever its mode says).  A
 * symbolic link at the end is EEXIST with O_EXCL, ELOOP with
 * O_NOFOLLOW, else followed: its target is created if missing. */
static int open_create(struct vproc *p, const char *path, int flags, uint32_t mode,
                       struct loc *l, int *made)
{
    char name[VFS_NAME_MAX + 1], target[VFS_PATH_MAX];
    struct loc dir, *base = 0;
    int trailing, r;
    for (int links = 0; ; links++) {
        if ((r = resolve_parent_from(p, base, path, l, name, &trailing)) != OK)
            return r;
        if (!name[0] || is_dotname(name))
            return flags & VFS_O_EXCL ? -EEXIST : -EISDIR;
        if ((r = vfs_may(p, &l->st, VFS_X_OK)) != OK)
            return r;
        dir = *l;
        r = step(l, name, strlen(name));
        if (r == -ENOENT)
            break;
        if (r != OK)
            return r;
        if (flags & VFS_O_EXCL)
            return -EEXIST;
        if (!IS_TYPE(l->st.mode, VFS_S_IFLNK))
            return fs_getattr(l->mnt, l->st.ino, &l->st);
        if ((flags & VFS_O_NOFOLLOW) || links >= VFS_SYMLOOP_MAX)
            return -ELOOP;
        if ((r = read_link(l, target)) < 0)
            return r;
        path = target;
        base = &dir;
    }
    if (trailing)
        return -EISDIR;
    *l = dir;
    if ((r = create_in(p, l, name, mode)) != OK)
        return r;
    *made = 1;
    return OK;
}

/* The access an open asks for, as permission bits. */
static int wanted(int flags)
{
    switch (flags & VFS_O_ACCMODE) {
    case VFS_O_RDONLY:
        return VFS_R_OK;
    case VFS_O_WRONLY:
        return VFS_W_OK;
    default:
        return VFS_R_OK | VFS_W_OK;
    }
}

static int open_check(const struct vproc *p, const struct loc *l, int flags, int made)
{
    uint32_t mode = l->st.mode;
    int r = made ? OK : vfs_may(p, &l->st, wanted(flags));
    if (IS_TYPE(mode, VFS_S_IFDIR))
        return (flags & VFS_O_ACCMODE) != VFS_O_RDONLY ? -EISDIR : r;
    if (flags & VFS_O_DIRECTORY)
        return -ENOTDIR;
    if (IS_TYPE(mode, VFS_S_IFREG) || IS_TYPE(mode, VFS_S_IFCHR))
        return r;
    if (IS_TYPE(mode, VFS_S_IFLNK))
        return -ELOOP;                  /* O_NOFOLLOW on a link */
    return -ENXIO;                      /* FIFOs, block devices: not yet */
}

/* Install an open file on a vnode in descriptor fd. */
static int install(struct vproc *p, int fd, struct vnode *vp, int flags)
{
    struct filp *f = filp_alloc();
    endpoint_t drv = NONE;
    int r;
    if (IS_TYPE(vp->mode, VFS_S_IFCHR) && (r = dev_open(p, vp, flags, &drv)) != OK) {
        vnode_put(vp);
        return r;
    }
    f->refs = 1;
    f->vp = vp;
    f->flags = flags & FILP_FLAGS;
    f->drv = drv;
    f->owner = p->uid;
    vproc_changed(p);
    p->fd[fd] = f;
    p->cloexec[fd] = (flags & VFS_O_CLOEXEC) != 0;
    return fd;
}

int do_open(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    char path[VFS_PATH_MAX];
    struct loc l;
    struct vnode *vp;
    int fd, r, flags = rq->flags, made = 0;
    if (!p)
        return -EIO;
    if ((flags & ~OPEN_FLAGS) || (flags & VFS_O_ACCMODE) == VFS_O_ACCMODE)
        return -EINVAL;
    if ((r = get_path(m->m_source, rq->grant, rq->len, path)) != OK)
        return r;
    if ((fd = fd_free_slot(p, 0)) < 0)
        return fd;
    if (filp_free_count() == 0 || vnode_free_count() == 0 || !share_allows(p, 1, 0))
        return -ENFILE;
    r = flags & VFS_O_CREAT ? open_create(p, path, flags, rq->mode, &l, &made)
                            : resolve_from(p, 0, path, !(flags & VFS_O_NOFOLLOW), &l);
    if (r != OK || (r = open_check(p, &l, flags, made)) != OK)
        return r;
    if ((flags & VFS_O_TRUNC) && IS_TYPE(l.st.mode, VFS_S_IFREG) &&
        (flags & VFS_O_ACCMODE) != VFS_O_RDONLY) {
        struct fs_req t = { .pos = 0 };
        if ((r = fs_simple(l.mnt, FS_TRUNCATE, l.st.ino, &t)) != OK)
            return r;
    }
    if (!(vp = vnode_get(&l)))
        return -ENFILE;
    return install(p, fd, vp, flags);
}

int do_close(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    int fd = REQ(m)->fd;
    if (!p)
        return -EIO;
    if (!fd_filp(p, fd))
        return -EBADF;
    fd_close(p, fd);
    return OK;
}

/* Create name in the directory path names, with the FS call type. */
static int make_node(message *m, int type, uint32_t mode, uint32_t rdev)
{
    struct vproc *p = vproc_get(m->m_source);
    struct vfs_req *rq = REQ(m);
    char path[VFS_PATH_MAX], name[VFS_NAME_MAX + 1];
    struct loc dir;
    message fm;
    int trailing, r;
    if (!p)
        return -EIO;
    if ((r = get_path(m->m_source, rq->grant, rq->len, path)) != OK ||
        (r = resolve_parent(p, path, &dir, name, &trailing)) != OK)
        return r;
    if (!name[0] || is_dotname(name))
        return -EEXIST;
    if (trailing && type != FS_MKDIR)
        return -ENOTDIR;
    if ((r = vfs_may(p, &dir.st, VFS_W_OK | VFS_X_OK)) != OK)
        return r;
    memset(&fm, 0, sizeof(fm));
    MSG_BODY(&fm, struct fs_req)->mode = mode;
    MSG_BODY(&fm, struct fs_req)->rdev = rdev;
    MSG_BODY(&fm, struct fs_req)->uid = (uint32_t)p->uid;
    MSG_BODY(&fm, struct fs_req)->gid = (uint32_t)p->gid;
    return fs_name(dir.mnt, type, dir.st.ino, name, &fm);
}

int do_mkdir(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    if (!p)
        return -EIO;
    return make_node(m, FS_MKDIR, REQ(m)->mode & 07777 & ~p->umask, 0);
}

int do_mknod(message *m)
{
    struct vproc *p = vproc_get(m->m_source);
    uint32_t mode = REQ(m)->mode, t = mode & VFS_S_IFMT;
    if (!p)
        return -EIO;
    if (t != VFS_S_IFREG && t != VFS_S_IFCHR && t != VFS_S_IFBLK && t != VFS_S_IFIFO)
        return -EINVAL;
    if ((t == VFS_S_IFCHR || t == VFS_S_IFBLK) && p->uid != 0)
        return -EPERM;                  /* a device node: root's only */
    return make_node(m, FS_CREATE, t | (mode & 07777 & ~p->umask), (uint32_t)REQ(m)->offset);
}

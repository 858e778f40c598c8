/*
 * file.c - reading and writing regular files: IO_CHUNK bytes at a time
 * through VFS's buffer, between the client's grant and the file system.
 * A write stops at the first short transfer (the file system was full):
 * the answer is the bytes written, or the error when nothing was.  An
 * O_APPEND write starts at the file's current end.
 */
#include "vfs.h"

static int fs_io(struct filp *f, int type, uint32_t pos, uint32_t len)
{
    message m;
    struct fs_req *rq = MSG_BODY(&m, struct fs_req);
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->ino = f->vp->ino;
    rq->pos = pos;
    rq->len = len;
    return fs_call(f->vp->mnt, &m, iobuf, len,
                   type == FS_READ ? GRANT_WRITE : GRANT_READ);
}

int file_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    uint32_t done = 0;
    while (done < len) {
        uint32_t n = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        int c, r = fs_io(f, FS_READ, f->pos, n);
        if (r < 0)
            return done ? (int)done : r;
        if (r > 0 && (c = sys_safecopyto(p->ep, g, done, iobuf, r)) != OK)
            return done ? (int)done : c;
        f->pos += r;
        done += r;
        if ((uint32_t)r < n)
            break;                      /* end of file */
    }
    return (int)done;
}

int file_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    uint32_t done = 0;
    struct vfs_stat st;
    int r;
    if (f->flags & VFS_O_APPEND) {
        if ((r = fs_getattr(f->vp->mnt, f->vp->ino, &st)) != OK)
            return r;
        f->pos = st.size;
    }
    while (done < len) {
        uint32_t n = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        if ((r = sys_safecopyfrom(p->ep, g, done, iobuf, n)) != OK)
            return done ? (int)done : r;
        r = fs_io(f, FS_WRITE, f->pos, n);
        if (r < 0)
            return done ? (int)done : r;
        f->pos += r;
        done += r;
        if ((uint32_t)r < n)
            break;                      /* the file system is full */
    }
    return (int)done;
}

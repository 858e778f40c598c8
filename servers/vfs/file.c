/*
 * file.c - reading and writing regular files: IO_CHUNK bytes at a time,
 * the client's grant handed on to the file system through a forwarding
 * grant (GRANT_FORWARD over 'fwd', made for the one call), so the file
 * system copies straight between the client and its storage.  A write
 * stops at the first short transfer (the file system was full): the
 * answer is the bytes written, or the error when nothing was.  An
 * O_APPEND write starts at the file's current end.  A count larger than
 * asked for from the file system is EIO.
 */
#include "vfs.h"

static struct grant_fwd fwd;

static int fs_io(struct vproc *p, struct filp *f, int type, grant_id_t g,
                 uint32_t off, uint32_t len)
{
    message m;
    struct fs_req *rq = MSG_BODY(&m, struct fs_req);
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = type;
    rq->ino = f->vp->ino;
    rq->pos = f->pos;
    rq->len = len;
    fwd.owner = p->ep;
    fwd.grant = g;
    fwd.offset = off;
    r = fs_call(f->vp->mnt, &m, &fwd, len,
                (type == FS_READ ? GRANT_WRITE : GRANT_READ) | GRANT_FORWARD);
    return r > (int)len ? -EIO : r;
}

static int file_io(struct vproc *p, struct filp *f, int type, grant_id_t g, uint32_t len)
{
    uint32_t done = 0;
    while (done < len) {
        uint32_t n = len - done < IO_CHUNK ? len - done : IO_CHUNK;
        int r = fs_io(p, f, type, g, done, n);
        if (r < 0)
            return done ? (int)done : r;
        f->pos += r;
        done += r;
        if ((uint32_t)r < n)
            break;                      /* end of file, or the file system is full */
    }
    return (int)done;
}

int file_read(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    return file_io(p, f, FS_READ, g, len);
}

int file_write(struct vproc *p, struct filp *f, grant_id_t g, uint32_t len)
{
    struct vfs_stat st;
    int r;
    if (f->flags & VFS_O_APPEND) {
        if ((r = fs_getattr(f->vp->mnt, f->vp->ino, &st)) != OK)
            return r;
        f->pos = st.size;
    }
    return file_io(p, f, FS_WRITE, g, len);
}

/*
 * filp.c - open file descriptions: allocation and the last close, which
 * tells the pipe (readers/writers) or the driver (CDEV_CLOSE) and lets
 * go of the vnode.
 */
#include "vfs.h"

static struct filp filps[NR_FILPS] STATE;

struct filp *filp_at(int i)
{
    return &filps[i];
}

int filp_index(const struct filp *f)
{
    return table_index(filps, sizeof(filps), sizeof(filps[0]), f);
}

struct filp *filp_alloc(void)
{
    for (int i = 0; i < NR_FILPS; i++) {
        if (filps[i].refs == 0) {
            memset(&filps[i], 0, sizeof(filps[i]));
            filps[i].drv = NONE;
            return &filps[i];
        }
    }
    return 0;
}

int filp_free_count(void)
{
    int n = 0;
    for (int i = 0; i < NR_FILPS; i++)
        n += filps[i].refs == 0;
    return n;
}

int can_read(const struct filp *f)
{
    return (f->flags & VFS_O_ACCMODE) != VFS_O_WRONLY;
}

int can_write(const struct filp *f)
{
    return (f->flags & VFS_O_ACCMODE) != VFS_O_RDONLY;
}

void filp_put(struct filp *f)
{
    if (--f->refs > 0)
        return;
    if (f->vp->pipe)
        pipe_closed(f);
    else if (IS_TYPE(f->vp->mode, VFS_S_IFCHR))
        dev_close(f);
    vnode_put(f->vp);
    f->vp = 0;
}

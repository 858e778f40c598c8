/*
 * vnode.c - files in use.  A vnode names (mount, inode) once however many
 * descriptors, cwds and mounts use it; the first use sends FS_REF +1 to
 * its file system and the last FS_REF -1, so the file system keeps an
 * unlinked file until VFS lets go.  Pipe vnodes have no file system.
 */
#include "vfs.h"

static struct vnode vnodes[NR_VNODES] STATE;

struct vnode *vnode_at(int i)
{
    return &vnodes[i];
}

int vnode_index(const struct vnode *vp)
{
    return table_index(vnodes, sizeof(vnodes), sizeof(vnodes[0]), vp);
}

static struct vnode *vnode_free(void)
{
    for (int i = 0; i < NR_VNODES; i++)
        if (vnodes[i].refs == 0)
            return &vnodes[i];
    return 0;
}

int vnode_free_count(void)
{
    int n = 0;
    for (int i = 0; i < NR_VNODES; i++)
        n += vnodes[i].refs == 0;
    return n;
}

struct vnode *vnode_get(const struct loc *l)
{
    struct vnode *vp;
    for (int i = 0; i < NR_VNODES; i++) {
        vp = &vnodes[i];
        if (vp->refs && !vp->pipe && vp->mnt == l->mnt && vp->ino == l->st.ino) {
            vp->refs++;
            return vp;
        }
    }
    if (!(vp = vnode_free()) || fs_ref(l->mnt, l->st.ino, 1) != OK)
        return 0;
    memset(vp, 0, sizeof(*vp));
    vp->refs = 1;
    vp->mnt = l->mnt;
    vp->ino = l->st.ino;
    vp->mode = l->st.mode;
    vp->rdev = l->st.rdev;
    return vp;
}

struct vnode *vnode_pipe(struct pipe *pp)
{
    struct vnode *vp = vnode_free();
    if (!vp)
        return 0;
    memset(vp, 0, sizeof(*vp));
    vp->refs = 1;
    vp->mnt = -1;
    vp->mode = VFS_S_IFIFO | 0600;
    vp->pipe = pp;
    return vp;
}

void vnode_hold(struct vnode *vp)
{
    vp->refs++;
}

void vnode_put(struct vnode *vp)
{
    if (--vp->refs > 0)
        return;
    if (vp->pipe)
        vp->pipe->used = 0;
    else
        fs_ref(vp->mnt, vp->ino, -1);
}

void vnode_loc(const struct vnode *vp, struct loc *l)
{
    memset(l, 0, sizeof(*l));
    l->mnt = vp->mnt;
    l->st.ino = vp->ino;
    l->st.mode = vp->mode;
    l->st.rdev = vp->rdev;
}

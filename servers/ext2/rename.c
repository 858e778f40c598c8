/*
 * rename.c - ext2_rename: moves a name, perhaps to another directory,
 * perhaps over an existing name (which then loses a link).
 *
 * Rules (POSIX): a directory may replace only an empty directory, a
 * non-directory only a non-directory; a directory may not move into its
 * own subtree (-EINVAL).  A moved directory's ".." is pointed at its new
 * parent and the two parents' link counts follow.  The new name is put
 * in place before the old one is removed, so a failure (-ENOSPC) leaves
 * the old name.
 */
#include "ext2.h"

#define EXT2_DEPTH_MAX 4096             /* ".." steps before a tree is called bad */

/* 1 if dir is ino or below it, 0 if not, -EIO for a broken ".." chain. */
static int inside(uint32_t dir, uint32_t ino)
{
    for (int steps = 0; steps < EXT2_DEPTH_MAX; steps++) {
        struct ext2_inode dp;
        uint32_t up;
        if (dir == ino)
            return 1;
        if (dir == EXT2_ROOT_INO)
            return 0;
        if (dir_open(dir, &dp, 0) < 0 || dir_find(dir, &dp, "..", 2, &up) < 0)
            return -EIO;
        dir = up;
    }
    return -EIO;
}

/* The checks of a rename over an existing target. */
static int may_replace(const struct ext2_inode *src, uint32_t tino, struct ext2_inode *tgt)
{
    int r = iget(tino, tgt);
    if (r < 0)
        return r == -ENOENT || r == -EINVAL ? -EIO : r;
    if (is_dir(src) && !is_dir(tgt))
        return -ENOTDIR;
    if (!is_dir(src) && is_dir(tgt))
        return -EISDIR;
    if (is_dir(tgt)) {
        r = dir_empty(tino, tgt);
        if (r <= 0)
            return r < 0 ? r : -ENOTEMPTY;
    }
    return OK;
}

/* Points a moved directory's ".." at its new parent. */
static int reparent(uint32_t ino, uint32_t ndir)
{
    struct ext2_inode in;
    int r = iget(ino, &in);
    if (r < 0)
        return r;
    return dir_set(ino, &in, "..", 2, ndir, VFS_S_IFDIR);
}

/* Adds delta to a directory's link count. */
static int relink(uint32_t dir, int delta)
{
    struct ext2_inode dp;
    int r = iget(dir, &dp);
    if (r < 0)
        return r;
    if (delta < 0 && dp.links_count > 2)
        dp.links_count--;
    if (delta > 0)
        dp.links_count++;
    return iput(dir, &dp);
}

int ext2_rename(uint32_t odir, const char *oname, uint32_t olen,
                uint32_t ndir, const char *nname, uint32_t nlen)
{
    struct ext2_inode op, np, src, tgt;
    uint32_t ino, tino;
    int r;
    if ((r = dir_open(odir, &op, 1)) < 0 || (r = dir_open(ndir, &np, 1)) < 0)
        return r;
    if (olen > EXT2_NAME_LEN || nlen > EXT2_NAME_LEN)
        return -ENAMETOOLONG;
    if (!name_ok(oname, olen) || !name_ok(nname, nlen))
        return -EINVAL;
    if ((r = dir_find(odir, &op, oname, olen, &ino)) < 0)
        return r;
    if ((r = iget(ino, &src)) < 0)
        return r == -ENOENT || r == -EINVAL ? -EIO : r;
    int moved_dir = is_dir(&src) && odir != ndir;
    if (moved_dir && (r = inside(ndir, ino)) != 0)
        return r < 0 ? r : -EINVAL;
    r = dir_find(ndir, &np, nname, nlen, &tino);
    if (r < 0 && r != -ENOENT)
        return r;
    int replace = r == OK;
    if (replace && tino == ino)
        return OK;                      /* two names of one file */
    if (replace && (r = may_replace(&src, tino, &tgt)) < 0)
        return r;
    if (moved_dir && !replace && np.links_count >= EXT2_LINK_MAX)
        return -EMLINK;

    if (replace)
        r = dir_set(ndir, &np, nname, nlen, ino, src.mode);
    else
        r = dir_add(ndir, &np, nname, nlen, ino, src.mode);
    if (r < 0)
        return r;
    if (odir == ndir)
        op = np;                        /* the same directory: the fresh copy */
    if ((r = dir_remove(odir, &op, oname, olen)) < 0)
        return r;
    if (replace) {
        if (is_dir(&tgt) && (r = relink(ndir, -1)) < 0)
            return r;
        if ((r = drop_link(tino, &tgt)) < 0)
            return r;
    }
    if (moved_dir) {
        if ((r = reparent(ino, ndir)) < 0 || (r = relink(odir, -1)) < 0 ||
            (r = relink(ndir, +1)) < 0)
            return r;
    }
    if ((r = iget(ino, &src)) < 0)
        return r;
    src.ctime = ext2_now;
    return iput(ino, &src);
}

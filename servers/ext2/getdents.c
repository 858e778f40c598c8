/*
 * getdents.c - ext2_getdents: a directory's names as struct vfs_dirent
 * records.  The cookie is a byte offset in the directory: the next call
 * starts at the first record at or after it, so a cookie stays good when
 * names are added or removed in between.  Names longer than VFS_NAME_MAX
 * cannot be given to VFS and are skipped.
 */
#include "ext2.h"

int ext2_getdents(uint32_t dir, uint32_t *cookie, struct vfs_dirent *out, uint32_t max)
{
    struct ext2_inode dp;
    struct ext2_dirent de;
    char name[EXT2_NAME_LEN + 1];
    int r = dir_open(dir, &dp, 0);
    if (r < 0)
        return r;
    uint32_t n = 0, pos = *cookie;
    while (n < max) {
        uint32_t at = pos;
        r = dir_next(dir, &dp, &pos, &de, name);
        if (r < 0)
            return n ? (int)(n * sizeof(*out)) : r;
        if (r == 0)
            break;
        if (de.name_len > VFS_NAME_MAX)
            continue;
        if (!ino_ok(de.inode)) {
            ext2_log("ext2: directory %u: entry at %u names inode %u\n", dir, at, de.inode);
            continue;
        }
        memset(&out[n], 0, sizeof(out[n]));
        out[n].ino = de.inode;
        memcpy(out[n].name, name, de.name_len + 1u);
        n++;
        *cookie = pos;
    }
    if (r == 0)
        *cookie = pos;
    return (int)(n * sizeof(*out));
}

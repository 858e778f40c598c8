/*
 * dir.c - directories as files of struct vfs_dirent records (64 bytes):
 * slot 0 is ".", slot 1 is "..", a record with ino 0 is free.  A name
 * is given as (pointer, length) without a NUL; name_ok says whether it
 * may be stored: 1..VFS_NAME_MAX characters, no '/' or NUL.
 */
#include "ramfs.h"

int name_ok(const char *name, uint32_t len)
{
    if (len == 0 || len > VFS_NAME_MAX)
        return 0;
    for (uint32_t i = 0; i < len; i++)
        if (name[i] == '/' || name[i] == '\0')
            return 0;
    return 1;
}

static int entry(struct inode *dp, uint32_t slot, struct vfs_dirent *d)
{
    return file_read(dp, slot * DIRENT_SIZE, d, DIRENT_SIZE) == (int)DIRENT_SIZE;
}

static int same(const struct vfs_dirent *d, const char *name, uint32_t len)
{
    return d->ino != 0 && strncmp(d->name, name, len) == 0 && d->name[len] == '\0';
}

uint32_t dir_lookup(struct inode *dp, const char *name, uint32_t len, uint32_t *slot)
{
    struct vfs_dirent d;
    for (uint32_t s = 0; entry(dp, s, &d); s++) {
        if (same(&d, name, len)) {
            if (slot)
                *slot = s;
            return d.ino;
        }
    }
    return 0;
}

static int put(struct inode *dp, uint32_t slot, const char *name, uint32_t len,
               uint32_t ino)
{
    struct vfs_dirent d;
    memset(&d, 0, sizeof(d));
    d.ino = ino;
    memcpy(d.name, name, len);
    return file_write(dp, slot * DIRENT_SIZE, &d, DIRENT_SIZE) == (int)DIRENT_SIZE
           ? OK : -ENOSPC;
}

int dir_add(struct inode *dp, const char *name, uint32_t len, uint32_t ino)
{
    struct vfs_dirent d;
    uint32_t s = 0;
    while (entry(dp, s, &d) && d.ino != 0)
        s++;
    return put(dp, s, name, len, ino);  /* a free slot, or one past the end */
}

void dir_set(struct inode *dp, uint32_t slot, uint32_t ino)
{
    struct vfs_dirent d;
    if (!entry(dp, slot, &d))
        return;
    d.ino = ino;
    file_write(dp, slot * DIRENT_SIZE, &d, DIRENT_SIZE);  /* in place: no new block */
}

int dir_empty(struct inode *dp)
{
    struct vfs_dirent d;
    for (uint32_t s = 2; entry(dp, s, &d); s++)
        if (d.ino != 0)
            return 0;
    return 1;
}

int dir_init(struct inode *dp, uint32_t parent)
{
    if (put(dp, 0, ".", 1, inode_nr(dp)) != OK)
        return -ENOSPC;
    return put(dp, 1, "..", 2, parent);
}

int dir_getdents(struct inode *dp, uint32_t *cookie, void *buf, uint32_t len)
{
    struct vfs_dirent d;
    uint32_t out = 0;
    while (out + DIRENT_SIZE <= len && entry(dp, *cookie, &d)) {
        (*cookie)++;
        if (d.ino == 0)
            continue;
        memcpy((uint8_t *)buf + out, &d, DIRENT_SIZE);
        out += DIRENT_SIZE;
    }
    return (int)out;
}

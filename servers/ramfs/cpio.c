/*
 * cpio.c - load the "ramdisk" boot module, a cpio "newc" archive
 * (tools/mkcpio.py), into the tree.  Entries are "path" or "./path";
 * parents must come before children (mkcpio sorts them so).  Directories,
 * regular files and device nodes are created; other types (symbolic
 * links) are skipped with a message.  Hard links: entries that share an
 * inode number (and have nlink > 1) become names of one file; the first
 * such entry carries the data (mkcpio writes it so), the later ones are
 * empty.  Every header field and length is
 * checked against the archive's end; a damaged archive stops the load
 * at the damaged entry, keeping what came before.
 */
#include "ramfs.h"

#define HDR 110                         /* "070701" + 13 fields of 8 hex digits */

/* Only a fresh start reads the archive.  The buffer is in the state
 * region for speed, not to be kept: a restarted ramfs gets it as it was
 * instead of 6 MiB of new zero pages (kernel/elf.c), which would make up
 * most of its recovery time.  Nothing reads it after the load. */
static uint8_t image[RAMDISK_MAX] STATE;

/* Archive inode number -> our inode, for the entries with nlink > 1. */
#define MAX_LINKED 64
static struct { uint32_t ino, nr; } linked[MAX_LINKED];
static int nlinked;

static struct inode *linked_to(uint32_t ino)
{
    for (int i = 0; i < nlinked; i++)
        if (linked[i].ino == ino)
            return inode_get(linked[i].nr);
    return 0;
}

static int hex8(const uint8_t *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 8; i++) {
        int c = p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -EINVAL;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return OK;
}

static uint32_t align4(uint32_t n)
{
    return (n + 3) & ~3u;
}

static char *find_slash(char *p)
{
    for (; *p; p++)
        if (*p == '/')
            return p;
    return 0;
}

/* The directory holding path's last component; *last points at it. */
static struct inode *parent_of(char *path, char **last)
{
    struct inode *dp = inode_get(RAMFS_ROOT);
    char *p = path, *slash;
    while ((slash = find_slash(p)) != 0) {
        *slash = '\0';
        dp = dp && is_dir(dp) ? inode_get(dir_lookup(dp, p, strlen(p), 0)) : 0;
        p = slash + 1;
    }
    *last = p;
    return dp && is_dir(dp) ? dp : 0;
}

static int add_entry(char *path, const uint32_t *f, const uint8_t *data)
{
    char *name;
    struct inode *dp = parent_of(path, &name), *ip;
    uint32_t mode = f[1], t = mode & VFS_S_IFMT, size = f[6];
    int r;
    if (!dp)
        return -ENOENT;
    if (t == VFS_S_IFDIR) {
        r = ns_mkdir(dp, name, strlen(name), mode, &ip);
        return r == -EEXIST ? OK : r;
    }
    if (t == VFS_S_IFLNK)
        return ns_symlink(dp, name, strlen(name), (const char *)data, size, mode, &ip);
    if (t != VFS_S_IFREG && t != VFS_S_IFCHR && t != VFS_S_IFBLK)
        return -ENOSYS;
    if (f[4] > 1 && (ip = linked_to(f[0])) != 0)
        return size ? -EINVAL : ns_link(dp, name, strlen(name), ip);
    if ((r = ns_create(dp, name, strlen(name), mode, VFS_MAKEDEV(f[9], f[10]), &ip)) != OK)
        return r;
    if (size && file_write(ip, 0, data, size) != (int)size)
        return -ENOSPC;
    if (f[4] > 1 && nlinked < MAX_LINKED) {
        linked[nlinked].ino = f[0];
        linked[nlinked++].nr = inode_nr(ip);
    }
    return OK;
}

/* One entry at off: its fields checked; returns the next offset, 0 at
 * the trailer, or a negative error. */
static int entry(uint32_t off, uint32_t end, int *files)
{
    uint32_t f[13], namesize, size, data;
    char *path;
    int r;
    if (end - off < HDR || memcmp(image + off, "070701", 6) != 0)
        return -EINVAL;
    for (int i = 0; i < 13; i++)
        if (hex8(image + off + 6 + 8 * i, &f[i]) != OK)
            return -EINVAL;
    namesize = f[11];
    size = f[6];
    if (namesize < 2 || namesize > VFS_PATH_MAX || namesize > end - off - HDR)
        return -EINVAL;
    path = (char *)image + off + HDR;
    if (path[namesize - 1] != '\0')
        return -EINVAL;
    data = align4(off + HDR + namesize);
    if (data > end || size > end - data)
        return -EINVAL;
    if (strcmp(path, "TRAILER!!!") == 0)
        return 0;
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    while (path[0] == '/')
        path++;
    if (path[0] && strcmp(path, ".") != 0) {
        if ((r = add_entry(path, f, image + data)) != OK)
            printf("ramfs: %s: %s\n", path, errname(r));
        else
            (*files)++;
    }
    return (int)align4(data + size);
}

int cpio_load(void)
{
    uint32_t size, off = 0;
    int files = 0, next;
    int r = sys_getmodule(0, "ramdisk", 0, image, sizeof(image), &size);
    if (r != OK) {
        printf("ramfs: no ramdisk module (%s): empty root\n", errname(r));
        return r;
    }
    while ((next = entry(off, size, &files)) > 0)
        off = (uint32_t)next;
    if (next < 0)
        printf("ramfs: damaged archive at byte %u\n", off);
    printf("ramfs: %d entries from the ramdisk, %u of %u blocks free\n", files,
           blocks_free(), RAMFS_NBLOCKS);
    return next;
}

/*
 * ext2tool.c - drives the ext2 core (servers/ext2) on an image file, for
 * the host tests (tests/host/test_ext2_core.py):
 *
 *   ext2tool [-r] IMAGE [CMD ARGS... [';' CMD ARGS...]]
 *
 * With no command on the line, commands are read from stdin, one a line.
 * -r mounts read-only.  Paths are absolute or relative to the root; the
 * tool walks them with ext2_lookup (symbolic links are not followed).
 * Commands:
 *   ls PATH             names in a directory, one a line: "INO NAME"
 *   cat PATH            contents to stdout
 *   put HOSTFILE PATH   create or truncate PATH, write HOSTFILE into it
 *   putat HOSTFILE PATH OFFSET   write HOSTFILE into PATH at OFFSET
 *   mkdir PATH | rm PATH | rmdir PATH | ln OLD NEW | mv OLD NEW
 *   symlink TARGET PATH | readlink PATH
 *   mknod PATH p | mknod PATH c MAJOR MINOR
 *   truncate PATH SIZE | chmod OCTAL PATH | chown UID GID PATH
 *   touch ATIME MTIME PATH
 *   stat PATH           key=value lines | statfs   key=value lines
 *   walk PATH           every name below PATH, reading every file (at
 *                       most the disk's size of each); "PATH SIZE" lines
 *   ref PATH DELTA      ext2_ref (references last until the tool exits)
 * An error prints "ext2tool: CMD: ENAME" and stops; the image is synced
 * at the end either way.  Exit status: 0, 1 (a command failed), 2 (the
 * image did not mount or did not sync).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ext2.h"
#include "disk.h"

int ext2disk_open(const char *path, int rdonly);

#define MAXARGS 8
#define CHUNK   65536

void ext2_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static const char *errname(int e)
{
    static const struct { int n; const char *s; } t[] = {
        {EPERM, "EPERM"}, {ENOENT, "ENOENT"}, {EIO, "EIO"}, {EEXIST, "EEXIST"},
        {EXDEV, "EXDEV"}, {ENOTDIR, "ENOTDIR"}, {EISDIR, "EISDIR"}, {EINVAL, "EINVAL"},
        {ENFILE, "ENFILE"}, {EFBIG, "EFBIG"}, {ENOSPC, "ENOSPC"}, {EROFS, "EROFS"},
        {EMLINK, "EMLINK"}, {ENOTEMPTY, "ENOTEMPTY"}, {ENAMETOOLONG, "ENAMETOOLONG"},
        {ELOOP, "ELOOP"},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
        if (t[i].n == -e)
            return t[i].s;
    return "E?";
}

/* The inode of a path (no symbolic links followed); "#N" is inode N. */
static int walk_path(const char *path, uint32_t *ino)
{
    struct vfs_stat st;
    if (path[0] == '#') {
        *ino = (uint32_t)strtoul(path + 1, NULL, 0);
        return ext2_getattr(*ino, &st);
    }
    *ino = EXT2_ROOT_INO;
    while (*path) {
        while (*path == '/')
            path++;
        size_t n = strcspn(path, "/");
        if (n == 0)
            break;
        int r = ext2_lookup(*ino, path, (uint32_t)n, &st);
        if (r < 0)
            return r;
        *ino = st.ino;
        path += n;
    }
    return OK;
}

/* The directory holding a path's last name, and that name. */
static int parent(const char *path, uint32_t *dir, const char **name, uint32_t *len)
{
    static char buf[4096];
    snprintf(buf, sizeof(buf), "%s", path);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    char *slash = strrchr(buf, '/');
    *name = slash ? slash + 1 : buf;
    *len = (uint32_t)strlen(*name);
    if (slash == NULL)
        return walk_path("", dir);
    *slash = '\0';
    return walk_path(buf, dir);
}

static int write_host_file(const char *host, uint32_t ino, uint32_t pos)
{
    static char buf[CHUNK];
    FILE *f = fopen(host, "rb");
    if (f == NULL)
        return -ENOENT;
    size_t n;
    int r = OK;
    while (r >= 0 && (n = fread(buf, 1, sizeof(buf), f)) > 0) {
        for (size_t done = 0; r >= 0 && done < n; done += (size_t)r) {
            r = ext2_write(ino, pos, buf + done, (uint32_t)(n - done));
            if (r > 0)
                pos += (uint32_t)r;
        }
    }
    fclose(f);
    return r < 0 ? r : OK;
}

static int put(const char *host, const char *path, uint32_t pos, int create)
{
    uint32_t dir, ino, len;
    const char *name;
    struct vfs_stat st;
    int r = walk_path(path, &ino);
    if (r == -ENOENT && create) {
        if ((r = parent(path, &dir, &name, &len)) < 0)
            return r;
        if ((r = ext2_create(dir, name, len, VFS_S_IFREG | 0644, 0, 0, 0, &st)) < 0)
            return r;
        ino = st.ino;
    } else if (r == OK && create) {
        r = ext2_truncate(ino, 0);
    }
    return r < 0 ? r : write_host_file(host, ino, pos);
}

static int cat(uint32_t ino, FILE *out, uint64_t limit, uint64_t *total)
{
    static char buf[CHUNK];
    uint32_t pos = 0;
    int r;
    *total = 0;
    while (*total < limit && (r = ext2_read(ino, pos, buf, sizeof(buf))) > 0) {
        if (out)
            fwrite(buf, 1, (size_t)r, out);
        pos += (uint32_t)r;
        *total += (uint64_t)r;
    }
    return *total >= limit ? OK : r;
}

static int ls(uint32_t ino)
{
    struct vfs_dirent d[16];
    uint32_t cookie = 0;
    int r;
    while ((r = ext2_getdents(ino, &cookie, d, 16)) > 0)
        for (int i = 0; i < r / (int)sizeof(d[0]); i++)
            printf("%u %s\n", d[i].ino, d[i].name);
    return r;
}

/* Every name below dir; reads every file.  Counts errors in *bad. */
static void walk_tree(uint32_t dir, const char *path, int depth, int *bad)
{
    struct vfs_dirent d[16];
    uint32_t cookie = 0;
    int r = 0;
    while (depth < 64 && (r = ext2_getdents(dir, &cookie, d, 16)) > 0) {
        for (int i = 0; i < r / (int)sizeof(d[0]); i++) {
            struct vfs_stat st;
            char sub[4096];
            uint64_t size = 0;
            if (!strcmp(d[i].name, ".") || !strcmp(d[i].name, ".."))
                continue;
            snprintf(sub, sizeof(sub), "%s/%s", path, d[i].name);
            int e = ext2_lookup(dir, d[i].name, (uint32_t)strlen(d[i].name), &st);
            if (e == OK && VFS_S_ISTYPE(st.mode, VFS_S_IFDIR))
                walk_tree(st.ino, sub, depth + 1, bad);
            else if (e == OK && VFS_S_ISTYPE(st.mode, VFS_S_IFREG))
                e = cat(st.ino, NULL, disk_size(), &size);
            else if (e == OK && VFS_S_ISTYPE(st.mode, VFS_S_IFLNK)) {
                char t[VFS_PATH_MAX];
                e = ext2_readlink(st.ino, t, sizeof(t));
            }
            printf("%s %llu%s%s\n", sub, (unsigned long long)size, e < 0 ? " " : "",
                   e < 0 ? errname(e) : "");
            *bad += e < 0;
        }
    }
    if (r < 0)
        (*bad)++;
}

static void print_stat(const struct vfs_stat *st)
{
    printf("ino=%u\nmode=%o\nnlink=%u\nuid=%u\ngid=%u\nrdev=%u\nsize=%u\n"
           "atime=%u\nmtime=%u\nctime=%u\nblksize=%u\nblocks=%u\n",
           st->ino, st->mode, st->nlink, st->uid, st->gid, st->rdev, st->size,
           st->atime, st->mtime, st->ctime, st->blksize, st->blocks);
}

static int need(int argc, int n)
{
    return argc == n ? OK : -EINVAL;
}

/* One command: argv[0] is its name.  OK or -errno. */
static int run(int argc, char **argv)
{
    uint32_t ino, dir, dir2, len, len2;
    const char *name, *name2;
    struct vfs_stat st;
    struct vfs_statfs sf;
    uint64_t n;
    const char *c = argv[0];
    int r;
    if (!strcmp(c, "statfs")) {
        if ((r = need(argc, 1)) < 0 || (r = ext2_statfs(&sf)) < 0)
            return r;
        printf("bsize=%u\nblocks=%u\nbfree=%u\nbavail=%u\nfiles=%u\nffree=%u\n",
               sf.bsize, sf.blocks, sf.bfree, sf.bavail, sf.files, sf.ffree);
        return OK;
    }
    if (argc < 2)
        return -EINVAL;
    const char *last = argv[argc - 1];
    if (!strcmp(c, "ls"))
        return need(argc, 2) < 0 ? -EINVAL : (r = walk_path(last, &ino)) < 0 ? r : ls(ino);
    if (!strcmp(c, "cat"))
        return need(argc, 2) < 0 ? -EINVAL : (r = walk_path(last, &ino)) < 0 ? r :
               cat(ino, stdout, ~0ull, &n);
    if (!strcmp(c, "stat")) {
        if ((r = need(argc, 2)) < 0 || (r = walk_path(last, &ino)) < 0 ||
            (r = ext2_getattr(ino, &st)) < 0)
            return r;
        print_stat(&st);
        return OK;
    }
    if (!strcmp(c, "readlink")) {
        char t[VFS_PATH_MAX];
        if ((r = need(argc, 2)) < 0 || (r = walk_path(last, &ino)) < 0 ||
            (r = ext2_readlink(ino, t, sizeof(t))) < 0)
            return r;
        printf("%.*s\n", r, t);
        return OK;
    }
    if (!strcmp(c, "walk")) {
        int bad = 0;
        if ((r = need(argc, 2)) < 0 || (r = walk_path(last, &ino)) < 0)
            return r;
        walk_tree(ino, strcmp(last, "/") ? last : "", 0, &bad);
        return bad ? -EIO : OK;
    }
    if (!strcmp(c, "put"))
        return need(argc, 3) < 0 ? -EINVAL : put(argv[1], last, 0, 1);
    if (!strcmp(c, "putat"))
        return need(argc, 4) < 0 ? -EINVAL : put(argv[1], argv[2],
                                               (uint32_t)strtoul(last, NULL, 0), 0);
    if (!strcmp(c, "ref"))
        return need(argc, 3) < 0 ? -EINVAL : (r = walk_path(argv[1], &ino)) < 0 ? r :
               ext2_ref(ino, atoi(last));
    if (!strcmp(c, "truncate"))
        return need(argc, 3) < 0 ? -EINVAL : (r = walk_path(argv[1], &ino)) < 0 ? r :
               ext2_truncate(ino, (uint32_t)strtoul(last, NULL, 0));
    if (!strcmp(c, "chmod"))
        return need(argc, 3) < 0 ? -EINVAL : (r = walk_path(last, &ino)) < 0 ? r :
               ext2_setattr(ino, (uint32_t)strtoul(argv[1], NULL, 8), EXT2_KEEP, EXT2_KEEP,
                            EXT2_KEEP, EXT2_KEEP, &st);
    if (!strcmp(c, "chown"))
        return need(argc, 4) < 0 ? -EINVAL : (r = walk_path(last, &ino)) < 0 ? r :
               ext2_setattr(ino, EXT2_KEEP, (uint32_t)strtoul(argv[1], NULL, 0),
                            (uint32_t)strtoul(argv[2], NULL, 0), EXT2_KEEP, EXT2_KEEP, &st);
    if (!strcmp(c, "touch"))
        return need(argc, 4) < 0 ? -EINVAL : (r = walk_path(last, &ino)) < 0 ? r :
               ext2_setattr(ino, EXT2_KEEP, EXT2_KEEP, EXT2_KEEP,
                            (uint32_t)strtoul(argv[1], NULL, 0),
                            (uint32_t)strtoul(argv[2], NULL, 0), &st);
    if (!strcmp(c, "ln") || !strcmp(c, "mv")) {
        if ((r = need(argc, 3)) < 0 || (r = parent(argv[2], &dir2, &name2, &len2)) < 0)
            return r;
        static char keep[4096];
        snprintf(keep, sizeof(keep), "%s", name2);      /* parent() reuses its buffer */
        if (!strcmp(c, "ln"))
            return (r = walk_path(argv[1], &ino)) < 0 ? r : ext2_link(dir2, keep, len2, ino);
        if ((r = parent(argv[1], &dir, &name, &len)) < 0)
            return r;
        return ext2_rename(dir, name, len, dir2, keep, len2);
    }
    if (!strcmp(c, "symlink")) {
        if ((r = need(argc, 3)) < 0 || (r = parent(last, &dir, &name, &len)) < 0)
            return r;
        return ext2_symlink(dir, name, len, argv[1], (uint32_t)strlen(argv[1]), 0777, 0, 0, &st);
    }
    if ((r = parent(argv[1], &dir, &name, &len)) < 0)
        return r;
    if (!strcmp(c, "mkdir"))
        return need(argc, 2) < 0 ? -EINVAL : ext2_mkdir(dir, name, len, 0755, 0, 0, &st);
    if (!strcmp(c, "rm"))
        return need(argc, 2) < 0 ? -EINVAL : ext2_unlink(dir, name, len);
    if (!strcmp(c, "rmdir"))
        return need(argc, 2) < 0 ? -EINVAL : ext2_rmdir(dir, name, len);
    if (!strcmp(c, "mknod") && argc == 3 && !strcmp(argv[2], "p"))
        return ext2_create(dir, name, len, VFS_S_IFIFO | 0644, 0, 0, 0, &st);
    if (!strcmp(c, "mknod") && argc == 5 && !strcmp(argv[2], "c"))
        return ext2_create(dir, name, len, VFS_S_IFCHR | 0644,
                           VFS_MAKEDEV(atoi(argv[3]), atoi(argv[4])), 0, 0, &st);
    return -EINVAL;
}

/* Splits a line into words; runs it. */
static int run_line(char *line)
{
    char *argv[MAXARGS + 1];
    int argc = 0;
    for (char *w = strtok(line, " \t\r\n"); w && argc < MAXARGS; w = strtok(NULL, " \t\r\n"))
        argv[argc++] = w;
    if (argc == 0)
        return OK;
    int r = run(argc, argv);
    if (r < 0)
        fprintf(stderr, "ext2tool: %s: %s\n", argv[0], errname(r));
    return r;
}

int main(int argc, char **argv)
{
    int rdonly = argc > 1 && !strcmp(argv[1], "-r");
    int a = 1 + rdonly, r = OK;
    struct vfs_stat root;
    if (a >= argc) {
        fprintf(stderr, "usage: ext2tool [-r] IMAGE [CMD ARGS... [; CMD ...]]\n");
        return 2;
    }
    ext2_now = (uint32_t)time(NULL);
    if (ext2disk_open(argv[a], rdonly) < 0 || (r = ext2_mount(rdonly, &root)) < 0) {
        fprintf(stderr, "ext2tool: %s: mount: %s\n", argv[a], errname(r ? r : -EIO));
        return 2;
    }
    static char line[8192];
    if (a + 1 == argc) {
        while (r >= 0 && fgets(line, sizeof(line), stdin))
            r = run_line(line);
    }
    for (int i = a + 1; r >= 0 && i < argc;) {
        line[0] = '\0';
        for (; i < argc && strcmp(argv[i], ";"); i++)
            snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s ", argv[i]);
        i++;
        r = run_line(line);
    }
    fflush(stdout);
    if (ext2_sync() < 0) {
        fprintf(stderr, "ext2tool: sync failed\n");
        return 2;
    }
    return r < 0 ? 1 : 0;
}

/*
 * mntent.c - reading and writing a mount table file (/etc/fstab's
 * format: fsname dir type opts freq passno, blank-separated, '#'
 * comments).  getmntent's result lives in static storage.
 *
 * The table of what is mounted now is VFS's: setmntent of MOUNTED
 * (/etc/mtab) or /proc/mounts for reading gives a stream (in memory,
 * fmemopen) of one line per mount VFS lists (VFS_GETMNT): the device
 * it was mounted from as fsname (the server's label for "/"), the mount
 * point, the server's label as type, "rw 0 0" or "ro 0 0".  Any other file
 * is opened as a file.
 */
#include "vfs.h"
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MOUNTS_TEXT 4096

static int is_mount_list(const char *file, const char *mode)
{
    return (strcmp(file, MOUNTED) == 0 || strcmp(file, "/proc/mounts") == 0) &&
           strcmp(mode, "r") == 0;
}

/* The n-th mount VFS has: OK, -ENOENT past the last, or an error. */
static int get_mount(int n, struct vfs_mntent *me)
{
    message m;
    __vfs_req(&m, VFS_GETMNT)->offset = n;
    return __vfs_call(&m, 0, 0, 0, me, sizeof(*me), GRANT_WRITE);
}

static FILE *mount_list(void)
{
    struct vfs_mntent me;
    FILE *f = fmemopen(NULL, MOUNTS_TEXT, "w+");
    int n, r = OK;
    if (!f)
        return NULL;
    for (n = 0; (r = get_mount(n, &me)) == OK; n++) {
        me.label[sizeof(me.label) - 1] = me.dir[sizeof(me.dir) - 1] = 0;
        me.dev[sizeof(me.dev) - 1] = 0;
        fprintf(f, "%s %s %s %s 0 0\n", me.dev[0] ? me.dev : me.label, me.dir, me.label,
                me.flags & VFS_MS_RDONLY ? "ro" : "rw");
    }
    if (r != -ENOENT || fflush(f) != 0) {
        fclose(f);
        __vfs_ret(r == -ENOENT ? -ENOSPC : r);
        return NULL;
    }
    rewind(f);
    return f;
}

FILE *setmntent(const char *file, const char *mode)
{
    if (!file || !mode) {
        errno = EINVAL;
        return NULL;
    }
    if (is_mount_list(file, mode))
        return mount_list();
    return fopen(file, mode);
}

int endmntent(FILE *f)
{
    if (f)
        fclose(f);
    return 1;
}

struct mntent *getmntent_r(FILE *f, struct mntent *m, char *buf, int len)
{
    char *w[6];
    while (fgets(buf, len, f)) {
        int n = 0;
        char *s = buf + strspn(buf, " \t");
        if (*s == '#' || *s == '\n' || !*s)
            continue;
        for (char *t = strtok(s, " \t\n"); t && n < 6; t = strtok(NULL, " \t\n"))
            w[n++] = t;
        if (n < 4)
            continue;
        m->mnt_fsname = w[0];
        m->mnt_dir = w[1];
        m->mnt_type = w[2];
        m->mnt_opts = w[3];
        m->mnt_freq = n > 4 ? atoi(w[4]) : 0;
        m->mnt_passno = n > 5 ? atoi(w[5]) : 0;
        return m;
    }
    return NULL;
}

struct mntent *getmntent(FILE *f)
{
    static struct mntent m;
    static char buf[512];
    return getmntent_r(f, &m, buf, sizeof(buf));
}

int addmntent(FILE *f, const struct mntent *m)
{
    if (fseek(f, 0, SEEK_END) < 0)
        return 1;
    return fprintf(f, "%s %s %s %s %d %d\n", m->mnt_fsname, m->mnt_dir, m->mnt_type,
                   m->mnt_opts, m->mnt_freq, m->mnt_passno) < 0;
}

/* The option opt in m's comma-separated list (whole words only). */
char *hasmntopt(const struct mntent *m, const char *opt)
{
    size_t n = strlen(opt);
    for (char *p = m->mnt_opts; p && *p; ) {
        if (strncmp(p, opt, n) == 0 && (p[n] == 0 || p[n] == ',' || p[n] == '='))
            return p;
        p = strchr(p, ',');
        if (p)
            p++;
    }
    return NULL;
}

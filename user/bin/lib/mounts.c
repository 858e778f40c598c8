/*
 * mounts.c - the disk mounts at start (mounts.h); at stop, libc's
 * sx_shutdown flushes and unmounts them (lib/libc/mount.c).  The mount
 * table is VFS's, read through /proc/mounts (lib/libc/mntent.c).
 * "mount -a" tries every /etc/fstab line in order and skips a
 * directory already mounted on, so fstab can list the first disk whole
 * and its first partition for the same directory: the first that
 * mounts wins.  Its own complaints go nowhere (a machine without a disk
 * is normal); the file-system server says on the console why a disk
 * that is there did not mount.
 */
#include <errno.h>
#include <fcntl.h>
#include <mntent.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "mounts.h"
#include "util.h"

#define MAX_MOUNTS 8

struct mounted {
    char dev[64], dir[256];
};

/* The mounts but "/" into m (at most MAX_MOUNTS), in table order. */
static int list(struct mounted *m)
{
    FILE *f = setmntent("/proc/mounts", "r");
    struct mntent *e;
    int n = 0;
    if (!f)
        return 0;
    while ((e = getmntent(f)) && n < MAX_MOUNTS) {
        if (strcmp(e->mnt_dir, "/") == 0)
            continue;
        snprintf(m[n].dev, sizeof(m[n].dev), "%s", e->mnt_fsname);
        snprintf(m[n].dir, sizeof(m[n].dir), "%s", e->mnt_dir);
        n++;
    }
    endmntent(f);
    return n;
}

void mounts_start(void)
{
    struct mounted m[MAX_MOUNTS];
    int status, n;
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execl("/bin/mount", "mount", "-a", (char *)0);
        _exit(127);
    }
    if (pid < 0) {
        warn_msg("mount -a: fork failed");
        return;
    }
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    n = list(m);
    for (int i = 0; i < n; i++)
        printf("%s: %s mounted from %s\n", prog, m[i].dir, m[i].dev);
}

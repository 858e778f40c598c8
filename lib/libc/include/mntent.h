/*
 * mntent.h - the mount table file (/etc/fstab, /proc/mounts) in its
 * usual format (lib/libc/mntent.c).
 */
#ifndef STABILIX_MNTENT_H
#define STABILIX_MNTENT_H

#include <stdio.h>

#define MNTTAB   "/etc/fstab"
#define MOUNTED  "/etc/mtab"
#define _PATH_MOUNTED MOUNTED
#define MNTTYPE_SWAP "swap"

struct mntent {
	char *mnt_fsname;
	char *mnt_dir;
	char *mnt_type;
	char *mnt_opts;
	int mnt_freq;
	int mnt_passno;
};

FILE *setmntent(const char *file, const char *mode);
struct mntent *getmntent(FILE *f);
struct mntent *getmntent_r(FILE *f, struct mntent *m, char *buf, int len);
int addmntent(FILE *f, const struct mntent *m);
int endmntent(FILE *f);
char *hasmntopt(const struct mntent *m, const char *opt);

#endif

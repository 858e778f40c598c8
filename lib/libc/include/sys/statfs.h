/*
 * sys/statfs.h - Linux's statfs, the same figures as <sys/statvfs.h>.
 */
#ifndef STABILIX_SYS_STATFS_H
#define STABILIX_SYS_STATFS_H

#include <sys/types.h>

struct statfs {
	long f_type;
	long f_bsize;
	unsigned long f_blocks;
	unsigned long f_bfree;
	unsigned long f_bavail;
	unsigned long f_files;
	unsigned long f_ffree;
	struct { int __val[2]; } f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
};

int statfs(const char *path, struct statfs *buf);
int fstatfs(int fd, struct statfs *buf);

#endif

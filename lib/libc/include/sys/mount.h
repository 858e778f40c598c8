/*
 * sys/mount.h - mount flags and calls (lib/libc/mount.c): only
 * MS_RDONLY is honoured; MS_REMOUNT, MS_BIND and umount2's flags are
 * EINVAL.
 */
#ifndef STABILIX_SYS_MOUNT_H
#define STABILIX_SYS_MOUNT_H

#define MS_RDONLY   1
#define MS_NOSUID   2
#define MS_NODEV    4
#define MS_NOEXEC   8
#define MS_SYNCHRONOUS 16
#define MS_REMOUNT  32
#define MS_MANDLOCK 64
#define MS_NOATIME  1024
#define MS_NODIRATIME 2048
#define MS_BIND     4096
#define MS_MGC_VAL  0xC0ED0000u   /* the old "magic" in the high bits: ignored */
#define MS_MGC_MSK  0xffff0000u
#define MNT_FORCE   1
#define MNT_DETACH  2

int mount(const char *src, const char *target, const char *type,
	  unsigned long flags, const void *data);
int umount(const char *target);
int umount2(const char *target, int flags);

#endif

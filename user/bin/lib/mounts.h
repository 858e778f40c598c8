/*
 * mounts.h - the disk mounts at start (mounts.c): init mounts what
 * /etc/fstab lists.  (At stop, sx_shutdown unmounts: lib/libc/mount.c.)
 */
#ifndef MOUNTS_H
#define MOUNTS_H

/* Run "mount -a" (BusyBox: /etc/fstab) and wait for it; prints one
 * "init: DIR mounted from DEV" line per disk mount it made. */
void mounts_start(void);

#endif

/*
 * ext2srv.h - the ext2 file-system server: the IPC side around the ext2
 * core (ext2.h, no IPC in it).  One server holds at most one mount; VFS
 * sends FS_MOUNT with the device as "LABEL:MINOR" (proto/fs.h).
 *
 * Kept across a restart (the state region): the core's mount and block
 * cache (dirty blocks included: srv_state.c), the device (srv_bdev.c) and the
 * record of the last answer (srv_again.c), so a restarted server serves on
 * from where it was and answers a request sent again exactly once.
 */
#ifndef EXT2SRV_H
#define EXT2SRV_H

#include "sef.h"
#include "proto/fs.h"
#include "proto/blockdrv.h"
#include "ext2.h"

#define EXT2_IO_MAX (64u * 1024)        /* largest FS_READ/FS_WRITE/FS_GETDENTS */
#define REQ(m) MSG_BODY(m, struct fs_req)

/* srv_bdev.c: the device of the mount */
int bdev_attach(const char *dev, uint32_t len);  /* "LABEL:MINOR": open it, learn its size */
void bdev_detach(void);
extern uint32_t bdev_resent;

/* srv_clock.c: ext2_now from the kernel's clock */
void clock_set(void);

/* srv_again.c */
int fs_again(message *m);
void fs_answered(endpoint_t to, const message *m);

/* srv_args.c: names and targets from the request's grant */
int get_name(const message *m, uint32_t off, uint32_t len, char *buf);
int get_target(const message *m, uint32_t off, uint32_t len, char *buf);
int begin(void);                        /* every request on the mount: the clock; OK, or -EINVAL unmounted */

/* handlers: srv_mount.c, srv_files.c, srv_names.c */
int do_mount(message *m);
int do_unmount(message *m);
int do_sync(message *m);
int do_statfs(message *m);
int do_lookup(message *m);
int do_getattr(message *m);
int do_read(message *m);
int do_write(message *m);
int do_getdents(message *m);
int do_truncate(message *m);
int do_ref(message *m);
int do_setattr(message *m);
int do_readlink(message *m);
int do_create(message *m);
int do_mkdir(message *m);
int do_unlink(message *m);
int do_rmdir(message *m);
int do_link(message *m);
int do_rename(message *m);
int do_symlink(message *m);

#endif

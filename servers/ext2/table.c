/*
 * table.c - the ext2 server's call vector: one handler per FS_* request
 * (proto/fs.h).
 */
#include "ext2srv.h"

static const srv_handler handlers[FS_NR_CALLS] = {
    [FS_MOUNT - FS_BASE] = do_mount,
    [FS_LOOKUP - FS_BASE] = do_lookup,
    [FS_GETATTR - FS_BASE] = do_getattr,
    [FS_READ - FS_BASE] = do_read,
    [FS_WRITE - FS_BASE] = do_write,
    [FS_CREATE - FS_BASE] = do_create,
    [FS_MKDIR - FS_BASE] = do_mkdir,
    [FS_UNLINK - FS_BASE] = do_unlink,
    [FS_RMDIR - FS_BASE] = do_rmdir,
    [FS_LINK - FS_BASE] = do_link,
    [FS_RENAME - FS_BASE] = do_rename,
    [FS_GETDENTS - FS_BASE] = do_getdents,
    [FS_TRUNCATE - FS_BASE] = do_truncate,
    [FS_REF - FS_BASE] = do_ref,
    [FS_SETATTR - FS_BASE] = do_setattr,
    [FS_SYMLINK - FS_BASE] = do_symlink,
    [FS_READLINK - FS_BASE] = do_readlink,
    [FS_STATFS - FS_BASE] = do_statfs,
    [FS_SYNC - FS_BASE] = do_sync,
    [FS_UNMOUNT - FS_BASE] = do_unmount,
};

const struct srv_table ext2_table = {
    .base = FS_BASE,
    .count = FS_NR_CALLS,
    .handlers = handlers,
    .again = fs_again,
    .answered = fs_answered,
};

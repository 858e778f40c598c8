/*
 * table.c - VFS's call vector: one handler per VFS_* request (proto/vfs.h).
 */
#include "vfs.h"

static const srv_handler handlers[VFS_NR_CALLS] = {
    [VFS_OPEN - VFS_BASE] = do_open,
    [VFS_CLOSE - VFS_BASE] = do_close,
    [VFS_READ - VFS_BASE] = do_read,
    [VFS_WRITE - VFS_BASE] = do_write,
    [VFS_LSEEK - VFS_BASE] = do_lseek,
    [VFS_FSTAT - VFS_BASE] = do_fstat,
    [VFS_STAT - VFS_BASE] = do_stat,
    [VFS_LSTAT - VFS_BASE] = do_stat,
    [VFS_MKDIR - VFS_BASE] = do_mkdir,
    [VFS_RMDIR - VFS_BASE] = do_rmdir,
    [VFS_UNLINK - VFS_BASE] = do_unlink,
    [VFS_LINK - VFS_BASE] = do_link,
    [VFS_RENAME - VFS_BASE] = do_rename,
    [VFS_CHDIR - VFS_BASE] = do_chdir,
    [VFS_GETCWD - VFS_BASE] = do_getcwd,
    [VFS_GETDENTS - VFS_BASE] = do_getdents,
    [VFS_DUP - VFS_BASE] = do_dup,
    [VFS_DUP2 - VFS_BASE] = do_dup2,
    [VFS_PIPE - VFS_BASE] = do_pipe,
    [VFS_FCNTL - VFS_BASE] = do_fcntl,
    [VFS_IOCTL - VFS_BASE] = do_ioctl,
    [VFS_FTRUNCATE - VFS_BASE] = do_ftruncate,
    [VFS_ACCESS - VFS_BASE] = do_access,
    [VFS_UMASK - VFS_BASE] = do_umask,
    [VFS_MKNOD - VFS_BASE] = do_mknod,
    [VFS_CHMOD - VFS_BASE] = do_chmod,
    [VFS_CHOWN - VFS_BASE] = do_chown,
    [VFS_POLL - VFS_BASE] = do_poll,
    [VFS_PM_FORK - VFS_BASE] = do_pm_fork,
    [VFS_PM_EXIT - VFS_BASE] = do_pm_exit,
    [VFS_PM_EXEC - VFS_BASE] = do_pm_exec,
    [VFS_PM_EXECDONE - VFS_BASE] = do_pm_execdone,
    [VFS_PM_UNPAUSE - VFS_BASE] = do_pm_unpause,
    [VFS_PM_SETIDS - VFS_BASE] = do_pm_setids,
};

const struct srv_table vfs_table = {
    .base = VFS_BASE,
    .count = VFS_NR_CALLS,
    .handlers = handlers,
    .notify = dev_notify,
    .again = vfs_again,
    .answered = vfs_answered,
    .check = vfs_check,
    .settle = mirror_settle,
    .corrupt = vfs_corrupt,
};

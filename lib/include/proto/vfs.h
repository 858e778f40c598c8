/*
 * proto/vfs.h - the virtual file system's protocol (0xA00): POSIX file
 * calls from any process, and the process-manager calls (VFS_PM_*) that
 * VFS accepts only from PM.  Design notes: docs/vfs.md.
 *
 * Every request is a struct vfs_req (PM's: struct vfs_pm_req).  Paths and
 * data travel through grants the caller creates for VFS: a path grant
 * (GRANT_READ) holds len bytes with a NUL among them (len counts the NUL;
 * at most VFS_PATH_MAX), data grants hold len bytes.  The reply's m_type
 * is the result (a byte count, a descriptor, OK) or -E<error> with
 * newlib's numbers; some calls fill reply fields as noted.  Every request
 * may carry seq, the caller's request number (below: VFS_AGAIN).
 *
 *   VFS_OPEN      grant,len = path; flags = O_*; mode          -> fd
 *   VFS_CLOSE     fd
 *   VFS_READ      fd; grant,len = buffer (GRANT_WRITE)          -> bytes
 *   VFS_WRITE     fd; grant,len = data (GRANT_READ)              -> bytes
 *   VFS_LSEEK     fd; offset; whence (SEEK_SET/CUR/END)          -> OK, offset = new position
 *   VFS_FSTAT     fd; grant2,len2 = struct vfs_stat (GRANT_WRITE)
 *   VFS_STAT      grant,len = path; grant2,len2 = struct vfs_stat
 *   VFS_LSTAT     as VFS_STAT, but a symbolic link at the end is not
 *                 followed: its own attributes (S_IFLNK, size = target length)
 *   VFS_MKDIR     path; mode        VFS_RMDIR, VFS_UNLINK, VFS_CHDIR  path
 *   VFS_MKNOD     path; mode (S_IFCHR | S_IFBLK | S_IFIFO | S_IFREG + permissions); offset = rdev
 *   VFS_LINK      grant,len = existing path; grant2,len2 = new path
 *   VFS_RENAME    grant,len = old path; grant2,len2 = new path
 *   VFS_GETCWD    grant,len = buffer                              -> length with the NUL
 *   VFS_GETDENTS  fd; grant,len = buffer of struct vfs_dirent    -> bytes (0 at the end)
 *   VFS_DUP       fd                                             -> new fd
 *   VFS_DUP2      fd; fd2                                        -> fd2
 *   VFS_PIPE      flags (O_NONBLOCK, O_CLOEXEC)                  -> OK, fd = read end, fd2 = write end
 *   VFS_FCNTL     fd; request = F_*; offset = argument           -> value
 *   VFS_IOCTL     fd; request (VFS_IOC); grant,len = argument -> driver's reply
 *   VFS_FTRUNCATE fd; offset = new size
 *   VFS_ACCESS    path; mode = R_OK|W_OK|X_OK (F_OK = 0)
 *   VFS_UMASK     mode = new mask                                -> old mask
 *   VFS_CHMOD     path; mode = permission bits (07777): the owner or root
 *   VFS_CHOWN     path; offset = uid, whence = gid (-1: unchanged): root only;
 *                 flags = VFS_AT_SYMLINK_NOFOLLOW: a link's own owner (lchown)
 *   VFS_FCHMOD    fd; mode, as VFS_CHMOD on the open file
 *   VFS_FCHOWN    fd; offset = uid, whence = gid, as VFS_CHOWN on the open file
 *   VFS_SYMLINK   grant,len = target (with its NUL: 1..VFS_PATH_MAX-1
 *                 characters, stored as given, not resolved); grant2,len2 =
 *                 path of the new link (EEXIST if the name exists, even as
 *                 a dangling link)
 *   VFS_READLINK  grant,len = path; grant2,len2 = buffer (GRANT_WRITE) ->
 *                 bytes of the target put there (no NUL; cut at len2);
 *                 EINVAL if the path is not a symbolic link
 *   VFS_UTIMENS   path; offset = atime, whence = mtime (epoch seconds, >= 0),
 *                 request = VFS_UT_* bits (a time "now" or left alone);
 *                 flags = VFS_AT_SYMLINK_NOFOLLOW: a link's own times.
 *                 Explicit times: the owner or root (else EPERM); "now"
 *                 for both: also anybody who may write the file (else EACCES)
 *   VFS_FUTIMENS  fd; offset, whence, request as VFS_UTIMENS
 *   VFS_STATFS    path; grant2,len2 = struct vfs_statfs (GRANT_WRITE): the
 *                 figures of the file system holding the path
 *   VFS_FSTATFS   fd; grant2,len2 = struct vfs_statfs (not a pipe: EINVAL)
 *   VFS_GETMNT    offset = n; grant2,len2 = struct vfs_mntent (GRANT_WRITE):
 *                 the n-th mount in use (n from 0; ENOENT past the last)
 *   VFS_MOUNT     grant,len = a block special file; grant2,len2 = the
 *                 directory to mount its file system on; flags =
 *                 VFS_MS_RDONLY or 0.  Root only (EPERM); ENODEV (not a
 *                 block special file), ENXIO
 *                 (no driver for the major), ENOTDIR, EBUSY (the directory
 *                 is "/" or a mount point, or no slot or server is free),
 *                 or the file system's own error (EINVAL: no file system
 *                 it knows on the device)
 *   VFS_UMOUNT    grant,len = a mount point: root only; EINVAL if not a
 *                 mount point, EBUSY while a file, directory or cwd on it
 *                 is in use; flushed first (an error there: still mounted)
 *   VFS_SYNC      fd = -1: flush every mount; else the mount holding fd's
 *                 file (fsync): OK once it is on the disk
 *   VFS_POLL      grant,len = struct vfs_pollfd[n] (n <= VFS_POLL_MAX; read
 *                 and written); offset = timeout in ms (-1: none) -> how
 *                 many have revents (0: the timeout passed); revents is
 *                 written only when that is not 0.  Waits (like a read)
 *                 until one is ready; a signal ends it with EINTR
 * Permissions (servers/vfs/perm.c): owner, group and other bits against
 * the caller's effective uid and gid, which PM tells VFS; root (uid 0)
 * may read and write anything and search any directory, and execute a
 * file with any x bit.  Searching a path needs x on every directory in it;
 * creating or removing a name needs w and x on its directory.  Denied:
 * EACCES (EPERM for chmod or chown by somebody else).
 *
 * PM only (anybody else: EPERM), struct vfs_pm_req:
 *   VFS_PM_FORK     ep = parent, ep2 = child: the child gets a copy of the
 *                   descriptor table (sharing open file descriptions), cwd, umask
 *   VFS_PM_EXIT     ep: close its descriptors, drop a suspended call, forget it
 *   VFS_PM_EXEC     ep; grant,len = path (relative to ep's cwd);
 *                   grant2,len2 = buffer in PM -> the file's size, copied
 *   VFS_PM_EXECDONE ep: close ep's FD_CLOEXEC descriptors
 *   VFS_PM_UNPAUSE  ep: a suspended call of ep is answered EINTR (restart:
 *                   ERESTART, ep was stopped); one that moved some bytes
 *                   already (a pipe write) is answered their count
 *   VFS_PM_SETIDS   ep; uid, gid: ep's effective ids from now on (fork
 *                   copies the parent's)
 *   VFS_PM_SETPGRP  ep; pgrp, sid (> 0), leader (1: ep leads the session):
 *                   ep's group and session from now on, passed to
 *                   character drivers for job control (fork copies the
 *                   parent's group and session, not its leading)
 *
 * Job control at a terminal (proto/tty.h): a read of a background job
 * is answered -ETTIN, a write or terminal setting -ETTOU; libc asks PM
 * for the signal (PM_JOBSIG) and makes the call again.  VFS_WRITE and
 * VFS_IOCTL with flags VFS_BG_OK (the caller ignores or blocks SIGTTOU)
 * go on in the background.
 */
#ifndef STABILIX_PROTO_VFS_H
#define STABILIX_PROTO_VFS_H

#include "../ipc.h"

#define VFS_BASE       0xA00
#define VFS_OPEN       (VFS_BASE + 0)
#define VFS_CLOSE      (VFS_BASE + 1)
#define VFS_READ       (VFS_BASE + 2)
#define VFS_WRITE      (VFS_BASE + 3)
#define VFS_LSEEK      (VFS_BASE + 4)
#define VFS_FSTAT      (VFS_BASE + 5)
#define VFS_STAT       (VFS_BASE + 6)
#define VFS_LSTAT      (VFS_BASE + 7)
#define VFS_MKDIR      (VFS_BASE + 8)
#define VFS_RMDIR      (VFS_BASE + 9)
#define VFS_UNLINK     (VFS_BASE + 10)
#define VFS_LINK       (VFS_BASE + 11)
#define VFS_RENAME     (VFS_BASE + 12)
#define VFS_CHDIR      (VFS_BASE + 13)
#define VFS_GETCWD     (VFS_BASE + 14)
#define VFS_GETDENTS   (VFS_BASE + 15)
#define VFS_DUP        (VFS_BASE + 16)
#define VFS_DUP2       (VFS_BASE + 17)
#define VFS_PIPE       (VFS_BASE + 18)
#define VFS_FCNTL      (VFS_BASE + 19)
#define VFS_IOCTL      (VFS_BASE + 20)
#define VFS_FTRUNCATE  (VFS_BASE + 21)
#define VFS_ACCESS     (VFS_BASE + 22)
#define VFS_UMASK      (VFS_BASE + 23)
#define VFS_MKNOD      (VFS_BASE + 24)
#define VFS_CHMOD      (VFS_BASE + 25)
#define VFS_CHOWN      (VFS_BASE + 26)
#define VFS_POLL       (VFS_BASE + 27)
#define VFS_SYMLINK    (VFS_BASE + 28)
#define VFS_READLINK   (VFS_BASE + 29)
#define VFS_UTIMENS    (VFS_BASE + 30)
#define VFS_FUTIMENS   (VFS_BASE + 31)
#define VFS_PM_FORK    (VFS_BASE + 32)
#define VFS_PM_EXIT    (VFS_BASE + 33)
#define VFS_PM_EXEC    (VFS_BASE + 34)
#define VFS_PM_EXECDONE (VFS_BASE + 35)
#define VFS_PM_UNPAUSE (VFS_BASE + 36)
#define VFS_PM_SETIDS  (VFS_BASE + 37)
#define VFS_FCHMOD     (VFS_BASE + 38)
#define VFS_FCHOWN     (VFS_BASE + 39)
#define VFS_STATFS     (VFS_BASE + 40)
#define VFS_FSTATFS    (VFS_BASE + 41)
#define VFS_GETMNT     (VFS_BASE + 42)
#define VFS_PM_SETPGRP (VFS_BASE + 43)
#define VFS_MOUNT      (VFS_BASE + 44)
#define VFS_UMOUNT     (VFS_BASE + 45)
#define VFS_SYNC       (VFS_BASE + 46)
#define VFS_NR_CALLS   47
#define VFS_MS_RDONLY  1        /* VFS_MOUNT flags, vfs_mntent.flags */
#define VFS_MOUNTS_MAX 4        /* mounts at once, "/" included */

#define VFS_POLL_MAX   64       /* descriptors in one VFS_POLL */
#define VFS_POLLIN     0x01     /* events and revents, as POSIX poll's */
#define VFS_POLLPRI    0x02
#define VFS_POLLOUT    0x04
#define VFS_POLLERR    0x08     /* revents only, always reported */
#define VFS_POLLHUP    0x10
#define VFS_POLLNVAL   0x20
struct vfs_pollfd { int32_t fd; int16_t events; int16_t revents; };

#define VFS_PATH_MAX   256      /* bytes of a path, NUL included */
#define VFS_NAME_MAX   59       /* characters of one path component */
#define VFS_OPEN_MAX   32       /* descriptors per process */
#define VFS_SYMLOOP_MAX 8       /* symbolic links followed in one path walk (ELOOP) */

/* Open flags, fcntl and whence: newlib's values (sys/_default_fcntl.h). */
#define VFS_O_RDONLY    0
#define VFS_O_WRONLY    1
#define VFS_O_RDWR      2
#define VFS_O_ACCMODE   3
#define VFS_O_APPEND    0x0008
#define VFS_O_CREAT     0x0200
#define VFS_O_TRUNC     0x0400
#define VFS_O_EXCL      0x0800
#define VFS_O_NONBLOCK  0x4000
#define VFS_O_NOCTTY    0x8000
#define VFS_O_CLOEXEC   0x40000
#define VFS_O_NOFOLLOW  0x100000
#define VFS_O_DIRECTORY 0x200000
#define VFS_AT_SYMLINK_NOFOLLOW 2
#define VFS_UT_ATIME_NOW  0x1    /* VFS_UTIMENS request bits */
#define VFS_UT_ATIME_OMIT 0x2
#define VFS_UT_MTIME_NOW  0x4
#define VFS_UT_MTIME_OMIT 0x8
#define VFS_F_DUPFD     0
#define VFS_F_GETFD     1
#define VFS_F_SETFD     2
#define VFS_F_GETFL     3
#define VFS_F_SETFL     4
#define VFS_F_DUPFD_CLOEXEC 14
#define VFS_FD_CLOEXEC  1
#define VFS_SEEK_SET    0
#define VFS_SEEK_CUR    1
#define VFS_SEEK_END    2
#define VFS_ID_MAX      65535    /* uids and gids (= PM_ID_MAX) */
#define VFS_NOBODY      65534
#define VFS_R_OK        4
#define VFS_W_OK        2
#define VFS_X_OK        1

/* File types and permissions: the POSIX octal values. */
#define VFS_S_IFMT      0170000
#define VFS_S_IFIFO     0010000
#define VFS_S_IFCHR     0020000
#define VFS_S_IFDIR     0040000
#define VFS_S_IFBLK     0060000
#define VFS_S_IFREG     0100000
#define VFS_S_IFLNK     0120000
#define VFS_S_ISTYPE(m, t)  (((m) & VFS_S_IFMT) == (t))

/* ioctl request numbers: the argument's size and direction are part of
 * the number, so libc knows what to lend (VFS_IOC_IN: the driver reads
 * it, VFS_IOC_OUT: the driver writes it; VFS lends both ways). */
#define VFS_IOC_IN      0x80000000u
#define VFS_IOC_OUT     0x40000000u
#define VFS_IOC(dir, group, num, size) \
    ((uint32_t)(dir) | (((uint32_t)(size) & 0x1fff) << 16) | ((uint32_t)(group) << 8) | (num))
#define VFS_IOC_SIZE(req)  (((req) >> 16) & 0x1fff)

/* A device number: major in the high byte of the low 16 bits. */
#define VFS_MAKEDEV(major, minor)  ((uint32_t)(((major) << 8) | ((minor) & 0xff)))
#define VFS_MAJOR(dev)  (((dev) >> 8) & 0xff)
#define VFS_MINOR(dev)  ((dev) & 0xff)

struct vfs_req {
    int32_t fd;
    int32_t fd2;
    grant_id_t grant;
    uint32_t len;
    grant_id_t grant2;
    uint32_t len2;
    int32_t flags;
    uint32_t mode;
    int32_t offset;          /* lseek offset (reply: position), size, rdev, fcntl argument */
    int32_t whence;
    uint32_t request;        /* fcntl command, ioctl request */
    uint32_t seq;            /* the caller's request number (0: none), VFS_AGAIN when sent again */
};
MSG_PAYLOAD_CHECK(struct vfs_req);

/* libc numbers its requests; after VFS failed holding one (EDEADSRCDST)
 * it sends the same number again to the new VFS with VFS_AGAIN set.  VFS
 * keeps, per process, the number and reply of the last request it
 * answered: a repeat of that one gets the same reply and is not done
 * again (docs/recovery.md). */
#define VFS_AGAIN       0x80000000u
#define VFS_BG_OK       0x1          /* vfs_req.flags of VFS_WRITE, VFS_IOCTL */
#define VFS_SEQ_MASK    0x7fffffffu

struct vfs_pm_req {
    endpoint_t ep;
    endpoint_t ep2;
    grant_id_t grant;
    uint32_t len;
    grant_id_t grant2;
    uint32_t len2;
    int32_t uid, gid;        /* VFS_PM_SETIDS */
    int32_t restart;         /* VFS_PM_UNPAUSE */
    int32_t pgrp, sid, leader;  /* VFS_PM_SETPGRP */
};
MSG_PAYLOAD_CHECK(struct vfs_pm_req);

/* What VFS_STAT/VFS_FSTAT copy out (and file systems answer FS_GETATTR
 * with): 13 words, fixed layout.  Times are seconds since boot. */
struct vfs_stat {
    uint32_t dev, ino, mode, nlink, uid, gid, rdev, size;
    uint32_t atime, mtime, ctime, blksize, blocks;
};
MSG_PAYLOAD_CHECK(struct vfs_stat);

/* What VFS_STATFS/VFS_FSTATFS copy out (and file systems answer
 * FS_STATFS with): sizes in blocks of bsize bytes, inodes as counts. */
struct vfs_statfs {
    uint32_t bsize, blocks, bfree, bavail, files, ffree, namemax, fsid;
};
MSG_PAYLOAD_CHECK(struct vfs_statfs);

/* One mount of VFS_GETMNT: the file system server's label (also its
 * type) and where it is mounted. */
struct vfs_mntent {
    char label[16];
    char dir[VFS_PATH_MAX];
    char dev[32];                /* the device path given to mount ("" for "/") */
    uint32_t flags;              /* VFS_MS_RDONLY */
};

/* One directory entry of VFS_GETDENTS (and FS_GETDENTS): 64 bytes. */
struct vfs_dirent {
    uint32_t ino;
    char name[VFS_NAME_MAX + 1];     /* NUL-terminated */
};
_Static_assert(sizeof(struct vfs_dirent) == 64, "vfs_dirent is 64 bytes");

#endif

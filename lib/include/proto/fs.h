/*
 * proto/fs.h - between VFS and a file-system server (0xB00).  Generic:
 * any file system (the boot ramdisk's ramfs, a future ext2) serves it.
 *
 * Files are named by inode number; the root directory's is in the reply
 * to FS_MOUNT.  Names travel through grants VFS creates over its own
 * buffers; the data of FS_READ and FS_WRITE through a forwarding grant
 * (GRANT_FORWARD, ipc.h) of the client's buffer, so the file system
 * copies straight to or from the client.  A name grant holds len bytes, the name without a NUL,
 * 1..VFS_NAME_MAX characters, no '/', not "." or ".." for calls that
 * create or remove.  A file system checks every field itself (it never
 * trusts VFS's numbers) and changes nothing when a call fails.
 *
 *   FS_MOUNT     grant,len = the device, "LABEL:MINOR" (a disk file
 *                system; ramfs gets none: len 0); mode = FS_RDONLY or 0
 *                                                   -> attr of the root
 *                (a disk file system holds one mount: EBUSY for a second)
 *   FS_LOOKUP    ino = dir; grant,len = name         -> attr (ENOENT, ENOTDIR)
 *   FS_GETATTR   ino                                 -> attr
 *   FS_READ      ino; pos; grant,len (GRANT_WRITE)   -> bytes (0 at/after the end)
 *   FS_WRITE     ino; pos; grant,len (GRANT_READ)    -> bytes: what fits; ENOSPC if nothing fits
 *   FS_CREATE    ino = dir; name; mode (S_IFREG|S_IFCHR|S_IFBLK|S_IFIFO + perms); rdev;
 *                uid, gid = the new file's owner      -> attr (EEXIST)
 *   FS_MKDIR     ino = dir; name; mode; uid, gid      -> attr
 *   FS_UNLINK    ino = dir; name (not a directory: EISDIR)
 *   FS_RMDIR     ino = dir; name (ENOTDIR, ENOTEMPTY)
 *   FS_LINK      ino = dir; name; ino2 = existing file (not a directory: EPERM)
 *   FS_RENAME    ino = old dir; ino2 = new dir; grant holds "old" then "new",
 *                len1 = length of "old", len = both lengths
 *   FS_GETDENTS  ino = dir; pos = entry cookie; grant,len -> bytes of
 *                struct vfs_dirent, reply pos = next cookie
 *   FS_TRUNCATE  ino; pos = new size (a regular file)
 *   FS_REF       ino; delta = +1 | -1: VFS starts/stops using the inode,
 *                so an unlinked file stays until VFS lets go of it
 *   FS_SETATTR   ino; mode = new permission bits (07777) or FS_KEEP;
 *                uid, gid = new owner, atime, mtime = new times (epoch
 *                seconds, or FS_NOW), or FS_KEEP each -> attr
 *   FS_SYMLINK   ino = dir; grant holds the name then the target (no NUL),
 *                len1 = length of the name, len = both lengths (a target
 *                of 1..VFS_PATH_MAX-1 bytes, no NUL); mode = permission
 *                bits; uid, gid = owner -> attr of the new S_IFLNK inode,
 *                whose contents are the target (EEXIST, ENOSPC)
 *   FS_READLINK  ino; grant,len (GRANT_WRITE) -> bytes of the target copied
 *                (at most len; EINVAL if ino is not a symbolic link)
 *   FS_STATFS    -                                  -> struct vfs_statfs
 *                (proto/vfs.h) in the payload
 *   FS_SYNC      ino = a file (0: all): everything written so far, and
 *                the metadata it needs, is on the disk when OK comes back
 *   FS_UNMOUNT   -: flush everything and forget the mount (OK even when
 *                nothing was mounted); the server can then be mounted again
 * The file system stores owners and modes; VFS decides who may do what
 * (servers/vfs/perm.c).
 * Attribute replies are a struct vfs_stat (proto/vfs.h) in the payload.
 *
 * Exactly once across a file system's restart: VFS numbers its requests
 * (seq).  When one meets a dead file system (EDEADSRCDST), VFS sends it
 * again with the same number and FS_AGAIN to the restarted instance; a
 * file system that keeps its state keeps the number and reply of the
 * last request it answered there too, and answers a repeat of that
 * number from the record instead of doing it twice.
 */
#ifndef STABILIX_PROTO_FS_H
#define STABILIX_PROTO_FS_H

#include "../ipc.h"
#include "vfs.h"

#define FS_BASE      0xB00
#define FS_MOUNT     (FS_BASE + 0)
#define FS_LOOKUP    (FS_BASE + 1)
#define FS_GETATTR   (FS_BASE + 2)
#define FS_READ      (FS_BASE + 3)
#define FS_WRITE     (FS_BASE + 4)
#define FS_CREATE    (FS_BASE + 5)
#define FS_MKDIR     (FS_BASE + 6)
#define FS_UNLINK    (FS_BASE + 7)
#define FS_RMDIR     (FS_BASE + 8)
#define FS_LINK      (FS_BASE + 9)
#define FS_RENAME    (FS_BASE + 10)
#define FS_GETDENTS  (FS_BASE + 11)
#define FS_TRUNCATE  (FS_BASE + 12)
#define FS_REF       (FS_BASE + 13)
#define FS_SETATTR   (FS_BASE + 14)
#define FS_SYMLINK   (FS_BASE + 15)
#define FS_READLINK  (FS_BASE + 16)
#define FS_STATFS    (FS_BASE + 17)
#define FS_SYNC      (FS_BASE + 18)
#define FS_UNMOUNT   (FS_BASE + 19)
#define FS_NR_CALLS  20
#define FS_RDONLY    1               /* FS_MOUNT mode: mount read-only */
#define FS_KEEP      0xffffffffu     /* FS_SETATTR: this attribute unchanged */
#define FS_NOW       0xfffffffeu     /* FS_SETATTR atime, mtime: the file system's time of day */

struct fs_req {
    uint32_t ino;
    uint32_t ino2;
    grant_id_t grant;
    uint32_t len;
    uint32_t len1;
    uint32_t pos;
    uint32_t mode;
    uint32_t rdev;
    int32_t delta;
    uint32_t uid, gid;       /* FS_CREATE, FS_MKDIR, FS_SYMLINK, FS_SETATTR */
    uint32_t atime, mtime;   /* FS_SETATTR */
    uint32_t seq;            /* VFS's request number (0: none), FS_AGAIN when sent again */
};
MSG_PAYLOAD_CHECK(struct fs_req);

#define FS_AGAIN     0x80000000u     /* = SRV_AGAIN (sef.h) */
#define FS_SEQ_MASK  0x7fffffffu

#endif

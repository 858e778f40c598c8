"""test_vfs.py - VFS (servers/vfs) and the ramdisk file system (servers/ramfs).

Each scenario of user/tests/vfstest runs in a fresh boot.  vfstest prints
one "ok - <what>: <result>" line per check, with the byte count, descriptor
or error name it really got, and powers off with status 0 only if all
passed.  Besides the verdict (with its exact number of checks) we assert
on every line, so a test fails when the property it names breaks.  Values
that depend on the boot image (the ramdisk files' sizes and CRCs, the
bytes the pool takes) are computed here from the host's copy.
"""
import math
import re
import zlib
from pathlib import Path

from qemu import boot, start

ROOT = Path(__file__).resolve().parents[2]
SINGLE = ("ramfs", "vfs", "vfstest")
TWO = ("ramfs", "vfs", "cdevtest", "vfstest", "vfspeer")

FILES = [
    "ok - create /tmp/a (the first descriptor): 0",
    "ok - write 11 bytes: 11",
    "ok - lseek to 0: 0",
    "ok - read back: 11",
    "ok - the bytes read are the bytes written",
    "ok - read at the end: 0",
    "ok - lseek to 6: 6",
    "ok - overwrite 6 bytes at 6: 6",
    "ok - content is 'hello WORLD!'",
    "ok - lseek -2 from the end: 10",
    "ok - lseek +1 from there: 11",
    "ok - lseek before 0: EINVAL",
    "ok - lseek whence 7: EINVAL",
    "ok - fstat: 0",
    "ok - fstat: size 12, mode 0100644, nlink 1",
    "ok - close: 0",
    "ok - close again: EBADF",
    "ok - open O_APPEND: 0",
    "ok - append 2 bytes after lseek 0: 2",
    "ok - appended at the end: 'hello WORLD!++'",
    "ok - open O_TRUNC: 0",
    "ok - size after O_TRUNC: 0",
    "ok - open O_CREAT|O_EXCL of an existing file: EEXIST",
    "ok - ftruncate to 5: 0",
    "ok - ftruncate to 8200 (grow): 0",
    "ok - read the grown file: 8200",
    "ok - kept 'hello', the rest reads as zeros (old bytes gone)",
    "ok - ftruncate -1: EINVAL",
    "ok - write 1 byte at 10000 (sparse): 1",
    "ok - read the sparse file: 10001",
    "ok - the hole reads as zeros",
    "ok - ftruncate on a read-only descriptor: EINVAL",
    "ok - write on a read-only descriptor: EBADF",
    "ok - read on a write-only descriptor: EBADF",
    "ok - umask(077) returns the old mask 022: 18",
    "ok - created with 0666 under umask 077: mode 0100600",
    "ok - umask(022) returns 077: 63",
    "ok - access /tmp/b R_OK|W_OK: 0",
    "ok - access /tmp/b X_OK: EACCES",
    "ok - access /tmp X_OK: 0",
    "ok - access /nope: ENOENT",
    "ok - stat /: 0",
    "ok - /: mode 040755 ino 1",
    "ok - stat /dev/console: 0",
    "ok - /dev/console: mode 020620 rdev 0x400",
    "ok - dup: 1",
    "ok - the duplicate shares the offset: 3",
    "ok - a read through the duplicate moves the original: 5",
    "ok - dup2 to 10: 10",
    "ok - dup2 to itself: 0",
    "ok - descriptor 10 still works after closing the original: 5",
    "ok - dup2 to 32 (out of range): EBADF",
    "ok - dup of a closed descriptor: EBADF",
    "ok - read descriptor -1: EBADF",
    "ok - F_GETFD: 0",
    "ok - F_SETFD FD_CLOEXEC: 0",
    "ok - F_GETFD: 1",
    "ok - F_GETFL: 2",
    "ok - F_GETFL after F_SETFL (O_CREAT ignored): 16394",
    "ok - F_DUPFD 20: 20",
    "ok - F_GETFD of the F_DUPFD copy: 0",
    "ok - fcntl 99: EINVAL",
    "ok - ioctl on a regular file: ENOTTY",
    "ok - 29 more opens fill the table of 32, then EMFILE",
    "ok - unlink an open file: 0",
    "ok - its name is gone: ENOENT",
    "ok - its data stays readable through the descriptor",
    "ok - its link count: 0",
    "ok - write /dev/null: 4",
    "ok - read /dev/null: 0",
    "ok - read 10000 bytes of /dev/zero: 10000",
    "ok - they are zeros",
    "ok - ioctl on /dev/zero: ENOTTY",
]

DIRS = [
    "ok - mkdir /tmp/d: 0",
    "ok - /tmp/d: mode 040755 nlink 2",
    "ok - /tmp gained a link: 1",
    "ok - mkdir /tmp/d again: EEXIST",
    "ok - mkdir /tmp/d/sub: 0",
    "ok - listing of /tmp/d: . .. f1 f2 sub",
    "ok - rmdir a non-empty directory: ENOTEMPTY",
    "ok - rmdir a file: ENOTDIR",
    "ok - unlink a directory: EISDIR",
    "ok - getdents on a file: ENOTDIR",
    "ok - read a directory: EISDIR",
    "ok - open a directory for writing: EISDIR",
    "ok - O_DIRECTORY on a file: ENOTDIR",
    "ok - link f1 to hard: 0",
    "ok - f1 has 2 links: 2",
    "ok - f1 and hard are the same inode",
    "ok - unlink f1: 0",
    "ok - hard has 1 link: 1",
    "ok - hard still reads 'one'",
    "ok - link a directory: EPERM",
    "ok - link onto an existing name: EEXIST",
    "ok - link a missing file: ENOENT",
    "ok - rename f2 into sub: 0",
    "ok - the old name is gone: ENOENT",
    "ok - the new name reads 'data'",
    "ok - rename directory sub to sub2: 0",
    "ok - its file moved with it",
    "ok - rename a directory into itself: EINVAL",
    "ok - rename a file over a directory: EISDIR",
    "ok - rename a directory over a non-empty one: ENOTEMPTY",
    "ok - rename a directory over a file: ENOTDIR",
    "ok - rename a file over a file: 0",
    "ok - the replaced name reads 'one'",
    "ok - listing of /tmp/d: . .. sub2 empty",
    "ok - move directory sub2 to /tmp/e/sub3: 0",
    "ok - its '..' is now /tmp/e",
    "ok - link counts: /tmp/d lost one, /tmp/e gained one",
    "ok - rename a missing name: ENOENT",
    "ok - rename '.': EINVAL",
    "ok - chdir /tmp/e/sub3: 0",
    "ok - getcwd: 12",
    "ok - cwd is /tmp/e/sub3",
    "ok - a relative open finds 'moved'",
    "ok - '..' is /tmp/e",
    "ok - '//tmp///e/./sub3/../sub3/' is the cwd",
    "ok - '..' at the root stays at the root",
    "ok - chdir ../..: 0",
    "ok - cwd is /tmp",
    "ok - getcwd into 3 bytes: ERANGE",
    "ok - chdir to a file: ENOTDIR",
    "ok - rename the cwd's parent: 0",
    "ok - cwd after the rename is /tmp/e2/sub3",
    "ok - rmdir the cwd: 0",
    "ok - create in the removed cwd: ENOENT",
    "ok - getcwd in the removed cwd: ENOENT",
    "ok - chdir /: 0",
    "ok - cwd is /",
    "ok - rmdir /: EBUSY",
    "ok - rmdir /tmp/.: EINVAL",
    "ok - rmdir /tmp/e2/..: ENOTEMPTY",
    "ok - mkdir /tmp/t/ (trailing slash): 0",
    "ok - mkdir /: EEXIST",
    "ok - rmdir /tmp/t//: 0",
    "ok - unlink /etc/motd/ (trailing slash): ENOTDIR",
    "ok - rmdir the emptied /tmp/d/empty: 0",
    "ok - rmdir /tmp/d: 0",
    "ok - listing of /tmp: . .. full e2",
]

ERRORS = [
    "ok - create a 59-character name: 0",
    "ok - create a 60-character name: ENAMETOOLONG",
    "ok - a path of 301 bytes: ENAMETOOLONG",
    "ok - a file used as a directory: ENOTDIR",
    "ok - a file with a trailing slash: ENOTDIR",
    "ok - a missing file: ENOENT",
    "ok - in a missing directory: ENOENT",
    "ok - the empty path: ENOENT",
    "ok - mkdir /etc: EEXIST",
    "ok - open /etc O_RDWR: EISDIR",
    "ok - unlink /etc: EISDIR",
    "ok - O_CREAT on /: EISDIR",
    "ok - open with access mode 3: EINVAL",
    "ok - open with an unknown flag: EINVAL",
    "ok - mknod a block device: 0",
    "ok - open a block device (mount it instead): ENXIO",
    "ok - mknod a socket: EINVAL",
    "ok - open a device with no driver: ENXIO",
    "ok - open /dev/null's minor 7: ENXIO",
    "ok - a revoked path grant: EINVAL",
    "ok - a path grant for another process: EPERM",
    "ok - a write-only path grant: EPERM",
    "ok - a path without its NUL: EINVAL",
    "ok - a path longer than its grant: ERANGE",
    "ok - a path of length 0: EINVAL",
    "ok - read into a read-only grant: EPERM",
    "ok - write from a revoked grant: EINVAL",
    "ok - the offset did not move: 0",
    "ok - the file still reads 'original'",
    "ok - fstat into a 20-byte buffer: EINVAL",
    "ok - request VFS_BASE+VFS_NR_CALLS: EBADREQUEST",
    "ok - request VFS_BASE+0xff: EBADREQUEST",
    "ok - VFS_PM_FORK from a non-PM: EPERM",
    "ok - VFS_PM_EXIT from a non-PM: EPERM",
    "ok - VFS_PM_EXEC from a non-PM: EPERM",
    "ok - VFS_PM_EXECDONE from a non-PM: EPERM",
    "ok - VFS_PM_UNPAUSE from a non-PM: EPERM",
    "ok - still served after the refused calls",
]

MANY = [
    "ok - mkdir /tmp/many: 0",
    "ok - files that failed to be created and written: 0",
    "ok - entries listed in /tmp/many: 502",
    "ok - files whose content was wrong: 0",
    "ok - rmdir /tmp/many while full: ENOTEMPTY",
    "ok - unlinks that failed: 0",
    "ok - entries left: 2",
    "ok - rmdir /tmp/many: 0",
]

FULL = [
    "ok - the next write: ENOSPC",
    "ok - mkdir when full: ENOSPC",
    "ok - the failed mkdir left nothing: ENOENT",
    "ok - an empty file still fits: 0",
    "ok - /tmp/keep is intact",
    "ok - /etc/motd is intact",
    "ok - unlink /tmp/big while it is open: 0",
    "ok - still no space while it is open: ENOSPC",
    "ok - after its last close: 1 MiB fits again: 1",
]

PIPES = [
    "ok - pipe: 0",
    "ok - pipe descriptors 0 and 1",
    "ok - write 3 bytes: 3",
    "ok - fstat the read end: 0",
    "ok - a FIFO holding 3 bytes",
    "ok - read 10 gets the 3 there: 3",
    "ok - they are 'abc'",
    "ok - lseek on a pipe: ESPIPE",
    "ok - write on the read end: EBADF",
    "ok - non-blocking read of the empty pipe: EAGAIN",
    "ok - non-blocking write of 8192 bytes: 4096",
    "ok - non-blocking write to the full pipe: EAGAIN",
    "ok - write with no reader: EPIPE",
    "ok - VFS_PM_FORK (the peer gets our descriptors): 0",
    "ok - VFS_PM_FORK of a known child: EEXIST",
    "ok - our read of the empty pipe, woken by the peer's write: 7",
    "ok - we read 'wake up'",
    "ok - the peer's write: 7",
    "ok - our write: 10",
    "ok - the peer's blocked read: 10",
    "ok - the peer read 'hello peer'",
    "ok - 1 MiB through the pipe: bytes read: 1048576",
    "ok - VFS_PM_UNPAUSE of the peer: 0",
    "ok - the peer's suspended read: EINTR",
    "ok - VFS_PM_UNPAUSE with nothing suspended: 0",
    "ok - our read, until the last writer closes: 0",
    "ok - the peer's close: 0",
    "ok - VFS_PM_EXIT of the peer: 0",
    "ok - VFS_PM_FORK it again: 0",
    "ok - our write of 8192: 4096 fit, then the reader went: 4096",
    "ok - the next write: EPIPE",
    "ok - the peer still holds a writer: non-blocking read: EAGAIN",
    "ok - VFS_PM_EXIT closes the peer's descriptors: 0",
    "ok - then the read sees end of file: 0",
    "ok - pipes made before the system-wide limit: 16, then ENFILE",
    "ok - after the peer's exit a pipe can be made: 0",
]

PM = [
    "ok - O_CLOEXEC sets FD_CLOEXEC: 1",
    "ok - VFS_PM_FORK: 0",
    "ok - the child sees the offset: 2",
    "ok - the child reads '234'",
    "ok - our offset moved with the child's read: 5",
    "ok - the child's cwd is '/tmp'",
    "ok - the child has the FD_CLOEXEC descriptor: 0",
    "ok - VFS_PM_EXECDONE: 0",
    "ok - after exec it is closed: EBADF",
    "ok - the other descriptor stays: 5",
    "ok - ours is untouched: 0",
    "ok - VFS_PM_EXEC prog (relative to the child's cwd): 5000",
    "ok - PM's buffer holds the file",
    "ok - VFS_PM_EXEC into 4096 bytes: ENOMEM",
    "ok - VFS_PM_EXEC of a file without x bits: EACCES",
    "ok - VFS_PM_EXEC of a directory: EACCES",
    "ok - VFS_PM_EXEC of a device: EACCES",
    "ok - VFS_PM_EXEC of a missing file: ENOENT",
    "ok - VFS_PM_EXEC through a file: ENOTDIR",
    "ok - the program is unchanged: 5000",
    "ok - VFS_PM_FORK to endpoint -5: EINVAL",
    "ok - VFS_PM_FORK of ourselves: EINVAL",
    "ok - VFS_PM_EXIT of endpoint 0: EINVAL",
    "ok - VFS_PM_UNPAUSE of endpoint -1: EINVAL",
    "ok - PM calls from the peer that were not refused with EPERM: 0",
]

DEVICE = [
    "ok - mknod /dev/cdevtest c 5 0: 0",
    "ok - mode 020600 rdev 0x500",
    "ok - open /dev/cdevtest: 0",
    "ok - non-blocking read with no data: EAGAIN",
    "ok - VFS_PM_FORK: 0",
    "ok - write 'ping' (the driver notifies VFS): 4",
    "ok - the peer's suspended read completed: 4 'ping'",
    "ok - ioctl CDT_COUNT: 0",
    "ok - the driver counted the bytes written: 4",
    "ok - ioctl 99: EINVAL",
    "ok - ioctl CDT_CRASH (the driver dies in the call): EIO",
    "ok - the peer's suspended read: EIO",
    "ok - read on the old descriptor: EIO",
    "ok - open with no driver: ENXIO",
    "ok - close the old descriptor: 0",
]
RESTART = [
    "ok - mknod /dev/cdevtest c 5 0: 0",
    "ok - mode 020600 rdev 0x500",
    "ok - open /dev/cdevtest: 0",
    "ok - VFS_PM_FORK: 0",
    "ok - write 'ping' (the driver notifies VFS): 4",
    "ok - the peer's suspended read completed: 4 'ping'",
    "ok - ioctl CDT_CRASH_LATER: 0",
    "ok - the peer's suspended read when the driver dies: EIO",
    "ok - read on the old descriptor: EIO",
    "ok - a new open reaches the restarted driver: 0",
    "ok - write through it: 5",
    "ok - read back 'again' (5)",
]


def ramdisk_lines():
    """The size and CRC-32 of the ramdisk files vfstest reads back."""
    lines = []
    for name in ("motd", "passwd"):
        data = (ROOT / "etc" / "root" / "etc" / name).read_bytes()
        lines.append(f"ok - ramdisk /etc/{name}: {len(data)} bytes, crc 0x{zlib.crc32(data):08x}")
    return lines


def pool_bytes():
    """What is left of ramfs's pool for /tmp/big: every block minus the
    blocks of the image's directories (64-byte records, "." and ".." too:
    servers/ramfs/dir.c), the blocks of its files (a file with several
    hard links, BusyBox, once), and /tmp/keep's one."""
    header = (ROOT / "servers" / "ramfs" / "ramfs.h").read_text()
    pool = int(re.search(r"RAMFS_POOL\s+\((\d+)u \* 1024 \* 1024\)", header).group(1)) << 20
    block = int(re.search(r"RAMFS_BLOCK\s+(\d+)", header).group(1))
    def dir_blocks(d):
        return math.ceil((len(list(d.iterdir())) + 2) * 64 / block)
    used = dir_blocks(ROOT / "build" / "root")
    seen = set()
    for p in (ROOT / "build" / "root").rglob("*"):
        st = p.stat()
        if p.is_dir():
            used += dir_blocks(p)
        elif st.st_ino not in seen:
            seen.add(st.st_ino)
            used += math.ceil(st.st_size / block)
    return (pool // block - used - 1) * block


def pipe_crc():
    """The CRC of the peer's 1 MiB pattern (user/tests/vfstest/peer.c)."""
    data = bytes(((i * 7 + (i >> 10)) & 0xff) for i in range(1 << 20))
    return zlib.crc32(data)


def run(scenario, expected, services=SINGLE, **args):
    b = boot(start(*services, vfstest=scenario, **args), timeout=240)
    assert not b.timed_out, b.tail()
    assert "not ok" not in b.output, b.tail(60)
    n = len(expected)
    assert f"vfstest {scenario}: PASS ({n} checks, 0 failed)" in b.output, b.tail(60)
    got = b.lines("ok - ")
    missing = [l for l in expected if l not in got]
    assert not missing, f"missing: {missing}\n{b.tail(60)}"
    assert b.status == 0
    return b


def test_files_read_write_seek_truncate_descriptors_and_ramdisk_content():
    run("files", FILES + ramdisk_lines())


def test_directories_links_renames_dot_names_and_cwd():
    run("dirs", DIRS)


def test_bad_paths_flags_grants_and_pm_calls_are_refused():
    run("errors", ERRORS)


def test_five_hundred_files_in_one_directory():
    run("many", MANY)


def test_pool_fills_to_enospc_and_keeps_earlier_files():
    size = pool_bytes()
    last = size % 65536 or -28             # the last 64 KiB write: short, or ENOSPC
    run("full", FULL + [f"ok - the pool took {size} bytes in /tmp/big (last write {last})",
                        f"ok - the size of /tmp/big: {size}"])


def test_pipes_between_processes_block_wake_eof_epipe_and_unpause():
    run("pipes", PIPES + [f"ok - the CRC matches (0x{pipe_crc():08x})"], services=TWO,
        vfs_pm="vfstest")


def test_pm_fork_exec_execdone_and_pm_only_calls():
    run("pm", PM, services=TWO, vfs_pm="vfstest")


def test_char_driver_read_suspended_then_notified_and_driver_death_is_eio():
    run("device", DEVICE, services=TWO, vfs_pm="vfstest")


def test_restarted_driver_interrupts_suspended_read_and_is_found_again():
    b = boot(start("rs", rs_start="ds,ramfs,vfs,cdevtest,vfstest,vfspeer",
                   vfstest="restart", vfs_pm="vfstest"), timeout=240)
    assert not b.timed_out, b.tail()
    assert "not ok" not in b.output, b.tail(60)
    assert f"vfstest restart: PASS ({len(RESTART)} checks, 0 failed)" in b.output, b.tail(60)
    missing = [l for l in RESTART if l not in b.lines("ok - ")]
    assert not missing, f"missing: {missing}\n{b.tail(60)}"
    assert re.search(r"rs: cdevtest up again", b.output), b.tail()
    assert b.status == 0

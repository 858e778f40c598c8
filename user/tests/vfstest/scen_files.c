/*
 * scen_files.c - vfstest=files: regular files through VFS and ramfs:
 * create, write, read back, lseek, append, truncate (both ways), sparse
 * writes, stat sizes and modes, umask, descriptors (dup, dup2, fcntl,
 * EBADF, EMFILE), an unlinked file that stays open, the memory devices,
 * and the boot ramdisk's files (size and CRC, compared by the test with
 * the host's copy).
 */
#include "vfstest.h"

static char buf[12000];

/* The whole content of fd from offset 0 equals want? */
static int has(int fd, const char *want, int len)
{
    memset(buf, 0x5a, sizeof(buf));
    return v_lseek(fd, 0, VFS_SEEK_SET) == 0 && v_read(fd, buf, sizeof(buf)) == len &&
           memcmp(buf, want, len) == 0;
}

static int all(const char *p, int c, int n)
{
    for (int i = 0; i < n; i++)
        if ((uint8_t)p[i] != (uint8_t)c)
            return 0;
    return 1;
}

static void basics(void)
{
    struct vfs_stat st;
    int fd = v_open("/tmp/a", VFS_O_CREAT | VFS_O_RDWR, 0644);
    expect("create /tmp/a (the first descriptor)", fd, 0);
    expect("write 11 bytes", v_write(fd, "hello world", 11), 11);
    expect("lseek to 0", v_lseek(fd, 0, VFS_SEEK_SET), 0);
    memset(buf, 0, 32);
    expect("read back", v_read(fd, buf, 100), 11);
    check(memcmp(buf, "hello world", 11) == 0, "the bytes read are the bytes written");
    expect("read at the end", v_read(fd, buf, 100), 0);
    expect("lseek to 6", v_lseek(fd, 6, VFS_SEEK_SET), 6);
    expect("overwrite 6 bytes at 6", v_write(fd, "WORLD!", 6), 6);
    check(has(fd, "hello WORLD!", 12), "content is 'hello WORLD!'");
    expect("lseek -2 from the end", v_lseek(fd, -2, VFS_SEEK_END), 10);
    expect("lseek +1 from there", v_lseek(fd, 1, VFS_SEEK_CUR), 11);
    expect("lseek before 0", v_lseek(fd, -20, VFS_SEEK_CUR), -EINVAL);
    expect("lseek whence 7", v_lseek(fd, 0, 7), -EINVAL);
    expect("fstat", v_fstat(fd, &st), 0);
    check(st.size == 12 && st.mode == (VFS_S_IFREG | 0644) && st.nlink == 1,
          "fstat: size %u, mode %s, nlink %u", st.size, octal(st.mode), st.nlink);
    expect("close", v_close(fd), 0);
    expect("close again", v_close(fd), -EBADF);
}

static void append_truncate(void)
{
    struct vfs_stat st;
    int fd = v_open("/tmp/a", VFS_O_RDWR | VFS_O_APPEND, 0);
    expect("open O_APPEND", fd, 0);
    v_lseek(fd, 0, VFS_SEEK_SET);
    expect("append 2 bytes after lseek 0", v_write(fd, "++", 2), 2);
    check(has(fd, "hello WORLD!++", 14), "appended at the end: 'hello WORLD!++'");
    v_close(fd);
    fd = v_open("/tmp/a", VFS_O_RDWR | VFS_O_TRUNC, 0);
    expect("open O_TRUNC", fd, 0);
    expect("size after O_TRUNC", v_stat("/tmp/a", &st) == 0 ? (int)st.size : -1, 0);
    expect("open O_CREAT|O_EXCL of an existing file",
           v_open("/tmp/a", VFS_O_CREAT | VFS_O_EXCL | VFS_O_RDWR, 0644), -EEXIST);
    v_write(fd, "hello world", 11);
    expect("ftruncate to 5", v_ftruncate(fd, 5), 0);
    expect("ftruncate to 8200 (grow)", v_ftruncate(fd, 8200), 0);
    v_lseek(fd, 0, VFS_SEEK_SET);
    expect("read the grown file", v_read(fd, buf, sizeof(buf)), 8200);
    check(memcmp(buf, "hello", 5) == 0 && all(buf + 5, 0, 8195),
          "kept 'hello', the rest reads as zeros (old bytes gone)");
    expect("ftruncate -1", v_ftruncate(fd, -1), -EINVAL);
    expect("write 1 byte at 10000 (sparse)",
           v_lseek(fd, 10000, VFS_SEEK_SET) == 10000 ? v_write(fd, "x", 1) : -1, 1);
    v_lseek(fd, 0, VFS_SEEK_SET);
    expect("read the sparse file", v_read(fd, buf, sizeof(buf)), 10001);
    check(all(buf + 5, 0, 9995) && buf[10000] == 'x', "the hole reads as zeros");
    v_close(fd);
    fd = v_open("/tmp/a", VFS_O_RDONLY, 0);
    expect("ftruncate on a read-only descriptor", v_ftruncate(fd, 0), -EINVAL);
    expect("write on a read-only descriptor", v_write(fd, "x", 1), -EBADF);
    v_close(fd);
    fd = v_open("/tmp/a", VFS_O_WRONLY, 0);
    expect("read on a write-only descriptor", v_read(fd, buf, 1), -EBADF);
    v_close(fd);
}

static void modes(void)
{
    struct vfs_stat st;
    int fd;
    expect("umask(077) returns the old mask 022", v_umask(077), 022);
    fd = v_open("/tmp/b", VFS_O_CREAT | VFS_O_WRONLY, 0666);
    v_fstat(fd, &st);
    check(st.mode == (VFS_S_IFREG | 0600), "created with 0666 under umask 077: mode %s", octal(st.mode));
    v_close(fd);
    expect("umask(022) returns 077", v_umask(022), 077);
    expect("access /tmp/b R_OK|W_OK", v_access("/tmp/b", VFS_R_OK | VFS_W_OK), 0);
    expect("access /tmp/b X_OK", v_access("/tmp/b", VFS_X_OK), -EACCES);
    expect("access /tmp X_OK", v_access("/tmp", VFS_X_OK), 0);
    expect("access /nope", v_access("/nope", 0), -ENOENT);
    expect("stat /", v_stat("/", &st), 0);
    check(st.mode == (VFS_S_IFDIR | 0755) && st.ino == 1, "/: mode %s ino %u", octal(st.mode), st.ino);
    expect("stat /dev/console", v_stat("/dev/console", &st), 0);
    check(st.mode == (VFS_S_IFCHR | 0620) && st.rdev == VFS_MAKEDEV(4, 0),
          "/dev/console: mode %s rdev 0x%x", octal(st.mode), st.rdev);
}

static void descriptors(void)
{
    int fd = v_open("/tmp/a", VFS_O_RDWR, 0), fd2, n = 0, first = -1;
    fd2 = v_dup(fd);
    expect("dup", fd2, 1);
    v_lseek(fd, 3, VFS_SEEK_SET);
    expect("the duplicate shares the offset", v_lseek(fd2, 0, VFS_SEEK_CUR), 3);
    v_read(fd2, buf, 2);
    expect("a read through the duplicate moves the original", v_lseek(fd, 0, VFS_SEEK_CUR), 5);
    expect("dup2 to 10", v_dup2(fd, 10), 10);
    expect("dup2 to itself", v_dup2(fd, fd), fd);
    v_close(fd);
    expect("descriptor 10 still works after closing the original",
           v_lseek(10, 0, VFS_SEEK_CUR), 5);
    expect("dup2 to 32 (out of range)", v_dup2(10, 32), -EBADF);
    expect("dup of a closed descriptor", v_dup(fd), -EBADF);
    expect("read descriptor -1", v_read(-1, buf, 1), -EBADF);
    expect("F_GETFD", v_fcntl(10, VFS_F_GETFD, 0), 0);
    expect("F_SETFD FD_CLOEXEC", v_fcntl(10, VFS_F_SETFD, VFS_FD_CLOEXEC), 0);
    expect("F_GETFD", v_fcntl(10, VFS_F_GETFD, 0), VFS_FD_CLOEXEC);
    expect("F_GETFL", v_fcntl(10, VFS_F_GETFL, 0), VFS_O_RDWR);
    v_fcntl(10, VFS_F_SETFL, VFS_O_APPEND | VFS_O_NONBLOCK | VFS_O_CREAT);
    expect("F_GETFL after F_SETFL (O_CREAT ignored)", v_fcntl(10, VFS_F_GETFL, 0),
           VFS_O_RDWR | VFS_O_APPEND | VFS_O_NONBLOCK);
    expect("F_DUPFD 20", v_fcntl(10, VFS_F_DUPFD, 20), 20);
    expect("F_GETFD of the F_DUPFD copy", v_fcntl(20, VFS_F_GETFD, 0), 0);
    expect("fcntl 99", v_fcntl(10, 99, 0), -EINVAL);
    expect("ioctl on a regular file", v_ioctl(10, 1, buf, 4), -ENOTTY);
    for (int i = 0; i < 40; i++) {
        int r = v_open("/etc/motd", VFS_O_RDONLY, 0);
        if (r < 0) {
            first = r;
            break;
        }
        n++;
    }
    check(n == 29 && first == -EMFILE, "29 more opens fill the table of 32, then %s", ename(first));
    for (int i = 0; i < VFS_OPEN_MAX; i++)
        v_close(i);
}

static void unlinked_open(void)
{
    struct vfs_stat st;
    int fd = v_open("/tmp/u", VFS_O_CREAT | VFS_O_RDWR, 0644);
    v_write(fd, "keep", 4);
    expect("unlink an open file", v_unlink("/tmp/u"), 0);
    expect("its name is gone", v_stat("/tmp/u", &st), -ENOENT);
    check(has(fd, "keep", 4), "its data stays readable through the descriptor");
    v_fstat(fd, &st);
    expect("its link count", (int)st.nlink, 0);
    v_close(fd);
}

static void devices(void)
{
    int fd = v_open("/dev/null", VFS_O_RDWR, 0);
    expect("write /dev/null", v_write(fd, "gone", 4), 4);
    expect("read /dev/null", v_read(fd, buf, 10), 0);
    v_close(fd);
    fd = v_open("/dev/zero", VFS_O_RDONLY, 0);
    memset(buf, 0xff, 10000);
    expect("read 10000 bytes of /dev/zero", v_read(fd, buf, 10000), 10000);
    check(all(buf, 0, 10000), "they are zeros");
    expect("ioctl on /dev/zero", v_ioctl(fd, 1, buf, 4), -ENOTTY);
    v_close(fd);
}

static void ramdisk(void)
{
    const char *files[] = { "/etc/motd", "/etc/passwd" };
    for (int i = 0; i < 2; i++) {
        int size;
        uint32_t crc = crc_file(files[i], &size);
        check(size > 0, "ramdisk %s: %d bytes, crc 0x%08x", files[i], size, crc);
    }
}

void scen_files(void)
{
    basics();
    append_truncate();
    modes();
    descriptors();
    unlinked_open();
    devices();
    ramdisk();
}

/*
 * scen_many.c - vfstest=many: 500 files in one directory (create, list,
 * read, unlink), and vfstest=full: a file as large as the pool allows,
 * then ENOSPC with the earlier files intact; space held by an unlinked
 * but open file comes back at its last close.
 */
#include "vfstest.h"
#include "crc32.h"

#define NFILES 500

static char buf[65536];

static int count_entries(const char *path)
{
    struct vfs_dirent d[16];
    int fd = v_open(path, VFS_O_RDONLY, 0), n, total = 0;
    while ((n = v_getdents(fd, d, sizeof(d))) > 0)
        total += n / (int)sizeof(d[0]);
    v_close(fd);
    return total;
}

void scen_many(void)
{
    char name[32], text[32];
    int bad = 0, fd;
    expect("mkdir /tmp/many", v_mkdir("/tmp/many", 0755), 0);
    for (int i = 0; i < NFILES; i++) {
        fmt_snprintf(name, sizeof(name), "/tmp/many/file%d", i);
        fmt_snprintf(text, sizeof(text), "this is file %d", i);
        fd = v_open(name, VFS_O_CREAT | VFS_O_EXCL | VFS_O_WRONLY, 0644);
        bad += fd < 0 || v_write(fd, text, strlen(text)) != (int)strlen(text);
        v_close(fd);
    }
    expect("files that failed to be created and written", bad, 0);
    expect("entries listed in /tmp/many", count_entries("/tmp/many"), NFILES + 2);
    for (int i = 0; i < NFILES; i++) {
        fmt_snprintf(name, sizeof(name), "/tmp/many/file%d", i);
        fmt_snprintf(text, sizeof(text), "this is file %d", i);
        fd = v_open(name, VFS_O_RDONLY, 0);
        memset(buf, 0, 64);
        bad += v_read(fd, buf, 64) != (int)strlen(text) || strcmp(buf, text) != 0;
        v_close(fd);
    }
    expect("files whose content was wrong", bad, 0);
    expect("rmdir /tmp/many while full", v_rmdir("/tmp/many"), -ENOTEMPTY);
    for (int i = 0; i < NFILES; i++) {
        fmt_snprintf(name, sizeof(name), "/tmp/many/file%d", i);
        bad += v_unlink(name) != 0;
    }
    expect("unlinks that failed", bad, 0);
    expect("entries left", count_entries("/tmp/many"), 2);
    expect("rmdir /tmp/many", v_rmdir("/tmp/many"), 0);
}

/* Write chunks of 64 KiB until a write is short; the total. */
static int fill(int fd, int *last)
{
    int total = 0, r;
    memset(buf, 0xab, sizeof(buf));
    while ((r = v_write(fd, buf, sizeof(buf))) == (int)sizeof(buf))
        total += r;
    if (r > 0)
        total += r;
    *last = r;
    return total;
}

void scen_full(void)
{
    struct vfs_stat st;
    int size, last, total, fd, keep = v_open("/tmp/keep", VFS_O_CREAT | VFS_O_RDWR, 0644);
    uint32_t motd = crc_file("/etc/motd", &size);
    v_write(keep, "precious", 8);
    v_close(keep);
    fd = v_open("/tmp/big", VFS_O_CREAT | VFS_O_RDWR, 0644);
    total = fill(fd, &last);
    check(total > 0, "the pool took %d bytes in /tmp/big (last write %d)", total, last);
    expect("the next write", v_write(fd, buf, 100), -ENOSPC);
    v_fstat(fd, &st);
    expect("the size of /tmp/big", (int)st.size, total);
    expect("mkdir when full", v_mkdir("/tmp/nospace", 0755), -ENOSPC);
    expect("the failed mkdir left nothing", v_stat("/tmp/nospace", &st), -ENOENT);
    expect("an empty file still fits", v_close(v_open("/tmp/empty", VFS_O_CREAT | VFS_O_RDWR, 0644)), 0);
    v_close(fd);
    fd = v_open("/tmp/keep", VFS_O_RDONLY, 0);
    memset(buf, 0, 16);
    check(v_read(fd, buf, 16) == 8 && memcmp(buf, "precious", 8) == 0, "/tmp/keep is intact");
    v_close(fd);
    check(crc_file("/etc/motd", &last) == motd && last == size, "/etc/motd is intact");
    fd = v_open("/tmp/big", VFS_O_RDONLY, 0);
    expect("unlink /tmp/big while it is open", v_unlink("/tmp/big"), 0);
    keep = v_open("/tmp/more", VFS_O_CREAT | VFS_O_RDWR, 0644);
    expect("still no space while it is open", v_write(keep, buf, 4096), -ENOSPC);
    v_close(fd);
    expect("after its last close: 1 MiB fits again", fill(keep, &last) >= 1024 * 1024, 1);
}

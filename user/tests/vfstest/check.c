/*
 * check.c - test bookkeeping: one "ok - ..." or "not ok - ..." line per
 * check, error names (the VFS ones libsys's errname lacks), sleeping,
 * and the CRC-32 of a file read through VFS.
 */
#include "vfstest.h"
#include "crc32.h"

static int done, failed;

int checks_done(void) { return done; }
int checks_failed(void) { return failed; }

void check(int ok, const char *fmt, ...)
{
    char line[200];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    done++;
    if (!ok)
        failed++;
    printf("%s - %s\n", ok ? "ok" : "not ok", line);
}

static const struct { int err; const char *name; } names[] = {
    { EPERM, "EPERM" }, { ENOENT, "ENOENT" }, { EINTR, "EINTR" }, { EIO, "EIO" },
    { ENXIO, "ENXIO" }, { EBADF, "EBADF" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
    { EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" }, { EEXIST, "EEXIST" },
    { EXDEV, "EXDEV" }, { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" }, { EINVAL, "EINVAL" },
    { ENFILE, "ENFILE" }, { EMFILE, "EMFILE" }, { ENOTTY, "ENOTTY" }, { EFBIG, "EFBIG" },
    { ENOSPC, "ENOSPC" }, { ESPIPE, "ESPIPE" }, { EPIPE, "EPIPE" }, { ERANGE, "ERANGE" },
    { ENOSYS, "ENOSYS" }, { ENOTEMPTY, "ENOTEMPTY" }, { ENAMETOOLONG, "ENAMETOOLONG" },
    { EDEADSRCDST, "EDEADSRCDST" }, { ECALLDENIED, "ECALLDENIED" },
    { EBADREQUEST, "EBADREQUEST" }, { ENOREPLY, "ENOREPLY" },
};

const char *ename(int r)
{
    static char buf[16];
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (-r == names[i].err)
            return names[i].name;
    fmt_snprintf(buf, sizeof(buf), r < 0 ? "E%d" : "%d", r < 0 ? -r : r);
    return buf;
}

void expect(const char *what, int got, int want)
{
    if (got == want)
        check(1, "%s: %s", what, ename(got));
    else {
        char g[16];
        strlcpy(g, ename(got), sizeof(g));
        check(0, "%s: got %s, want %s", what, g, ename(want));
    }
}

void sleep_ticks(uint32_t n)
{
    message m;
    sys_setalarm(n);
    do {
        if (ipc_receive(SYSTEM, &m) != OK)
            return;
    } while (!(m.m.u32[0] & SYSEV_ALARM));
}

uint32_t crc_file(const char *path, int *size)
{
    static uint8_t buf[4096];
    uint32_t crc = 0;
    int fd = v_open(path, VFS_O_RDONLY, 0), n;
    *size = fd;
    if (fd < 0)
        return 0;
    *size = 0;
    while ((n = v_read(fd, buf, sizeof(buf))) > 0) {
        crc = crc32_update(crc, buf, n);
        *size += n;
    }
    v_close(fd);
    return crc;
}

const char *octal(uint32_t v)
{
    static char bufs[4][16];
    static int next;
    char *b = bufs[next++ % 4], tmp[12];
    int n = 0, i = 0;
    do {
        tmp[n++] = (char)('0' + (v & 7));
        v >>= 3;
    } while (v);
    b[i++] = '0';
    while (n)
        b[i++] = tmp[--n];
    b[i] = '\0';
    return b;
}

/*
 * print.c - printf for programs without a terminal: the text goes to the
 * kernel log in sys_diag chunks, one line at a time, so lines from
 * different processes interleave only at line (or 52-byte) granularity.
 */
#include "libsys.h"

int printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n, off = 0;
    va_start(ap, fmt);
    n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > (int)sizeof(buf) - 1)
        n = sizeof(buf) - 1;
    while (off < n) {
        int len = n - off > 52 ? 52 : n - off;
        sys_diag(buf + off, (uint32_t)len);
        off += len;
    }
    return n;
}

const char *errname(int err)
{
    switch (err) {
    case OK: return "OK";
    case -EPERM: return "EPERM";
    case -ENOENT: return "ENOENT";
    case -ESRCH: return "ESRCH";
    case -EIO: return "EIO";
    case -ENXIO: return "ENXIO";
    case -E2BIG: return "E2BIG";
    case -ENOEXEC: return "ENOEXEC";
    case -EAGAIN: return "EAGAIN";
    case -EEXIST: return "EEXIST";
    case -ENOSYS: return "ENOSYS";
    case -ENAMETOOLONG: return "ENAMETOOLONG";
    case -EFAULT: return "EFAULT";
    case -EINVAL: return "EINVAL";
    case -ENOMEM: return "ENOMEM";
    case -ENOSPC: return "ENOSPC";
    case -ERANGE: return "ERANGE";
    case -EBUSY: return "EBUSY";
    case -ENOTBLK: return "ENOTBLK";
    case -EDEADSRCDST: return "EDEADSRCDST";
    case -ENOREPLY: return "ENOREPLY";
    case -ELOCKED: return "ELOCKED";
    case -ECALLDENIED: return "ECALLDENIED";
    case -ENOTREADY: return "ENOTREADY";
    case -EBADEPT: return "EBADEPT";
    case -EBADREQUEST: return "EBADREQUEST";
    default: return "E?";
    }
}

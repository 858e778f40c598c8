/*
 * links.c - symbolic links: symlink and readlink (one VFS call each:
 * VFS_SYMLINK, VFS_READLINK), and realpath, which walks the path one
 * component at a time over lstat and readlink: "." and repeated slashes
 * vanish, ".." drops the last component, a link is replaced by its
 * target (from "/" when absolute, else in place of the link), at most
 * MAXSYMLINKS links (ELOOP).  Every component must exist (ENOENT,
 * ENOTDIR from lstat); the result has no link, "." or ".." left.
 */
#include "libc.h"
#include "vfs.h"
#include <limits.h>
#include <stdlib.h>

#define MAXSYMLINKS VFS_SYMLOOP_MAX

int symlink(const char *target, const char *path)
{
    message m;
    if (__bad_ptr(target) || __bad_ptr(path))
        return __vfs_ret(-EFAULT);
    __vfs_req(&m, VFS_SYMLINK);
    return __vfs_ret(__vfs_call(&m, target, strlen(target) + 1, GRANT_READ,
                                path, strlen(path) + 1, GRANT_READ));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
    message m;
    if (__bad_ptr(path) || __bad_ptr(buf))
        return __vfs_ret(-EFAULT);
    if (size == 0)
        return __vfs_ret(-EINVAL);
    if (size > VFS_PATH_MAX)
        size = VFS_PATH_MAX;            /* no target is longer */
    __vfs_req(&m, VFS_READLINK);
    return __vfs_ret(__vfs_call(&m, path, strlen(path) + 1, GRANT_READ,
                                buf, size, GRANT_WRITE));
}

/* Append component c (length n) to the absolute path p (length *len);
 * ".." drops p's last component. */
static int push(char *p, size_t *len, const char *c, size_t n)
{
    if (n == 0 || (n == 1 && c[0] == '.'))
        return 0;
    if (n == 2 && c[0] == '.' && c[1] == '.') {
        while (*len > 1 && p[*len - 1] != '/')
            (*len)--;
        if (*len > 1)
            (*len)--;
        p[*len] = 0;
        return 0;
    }
    if (*len + 1 + n >= PATH_MAX)
        return -1;
    if (*len > 1)
        p[(*len)++] = '/';
    memcpy(p + *len, c, n);
    *len += n;
    p[*len] = 0;
    return 0;
}

/* The link that out (length *len) now ends with: its target, then the
 * rest of the walk, become the walk (rest, PATH_MAX bytes); the link's
 * component leaves out (all of it for an absolute target). */
static int follow(char *out, size_t *len, char *rest, const char *after)
{
    char target[PATH_MAX];
    ssize_t k = readlink(out, target, sizeof(target) - 1);
    if (k < 0)
        return -1;
    target[k] = 0;
    if ((size_t)k + 1 + strlen(after) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcat(target, "/");
    strcat(target, after);
    strcpy(rest, target);
    if (rest[0] != '/')
        return push(out, len, "..", 2);
    strcpy(out, "/");
    *len = 1;
    return 0;
}

static char *walk(char *out, char *rest)
{
    size_t len = strlen(out);
    int links = 0;
    struct stat st;
    for (const char *s = rest; *s; ) {
        size_t n = strcspn(s, "/"), before = len;
        int dots = n == 2 && s[0] == '.' && s[1] == '.';
        if (push(out, &len, s, n) < 0) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        s += n;
        while (*s == '/')
            s++;
        if (len == before || dots)
            continue;
        if (lstat(out, &st) < 0)
            return NULL;
        if (!S_ISLNK(st.st_mode))
            continue;
        if (++links > MAXSYMLINKS) {
            errno = ELOOP;
            return NULL;
        }
        if (follow(out, &len, rest, s) < 0)
            return NULL;
        s = rest;
    }
    return stat(out, &st) < 0 ? NULL : out;
}

char *realpath(const char *path, char *resolved)
{
    char out[PATH_MAX], rest[PATH_MAX];
    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    if (!path[0] || strlen(path) >= PATH_MAX) {
        errno = path[0] ? ENAMETOOLONG : ENOENT;
        return NULL;
    }
    strcpy(rest, path);
    if (path[0] == '/')
        strcpy(out, "/");
    else if (!getcwd(out, sizeof(out)))
        return NULL;
    if (!walk(out, rest))
        return NULL;
    if (!resolved && !(resolved = malloc(strlen(out) + 1)))
        return NULL;
    return strcpy(resolved, out);
}

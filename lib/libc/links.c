/*
 * links.c - symbolic-link calls.  VFS and ramfs have no symbolic links
 * yet: symlink fails with ENOSYS (nothing is created), and readlink
 * answers as POSIX says for a path that is not a link: EINVAL when the
 * path exists, the lookup's error (ENOENT, ENOTDIR...) when it does not.
 * realpath is lexical over getcwd: ".", ".." and repeated slashes are
 * resolved, and the result must exist (stat).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

int symlink(const char *target, const char *path)
{
    (void)target;
    (void)path;
    errno = ENOSYS;
    return -1;
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
    struct stat st;
    (void)buf;
    (void)size;
    if (lstat(path, &st) < 0)
        return -1;
    errno = EINVAL;
    return -1;
}

/* Append component c (length n) to the absolute path p (length *len). */
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

char *realpath(const char *path, char *resolved)
{
    char buf[PATH_MAX];
    size_t len;
    struct stat st;
    if (!path) {
        errno = EINVAL;
        return NULL;
    }
    if (path[0] == '/') {
        strcpy(buf, "/");
    } else if (!getcwd(buf, sizeof(buf))) {
        return NULL;
    }
    len = strlen(buf);
    for (const char *s = path; *s; ) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (push(buf, &len, s, n) < 0) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        s += n;
        while (*s == '/')
            s++;
    }
    if (stat(buf, &st) < 0)
        return NULL;
    if (!resolved && !(resolved = malloc(len + 1)))
        return NULL;
    return strcpy(resolved, buf);
}

/*
 * vfs_dir.c - opendir, fdopendir, readdir, rewinddir, closedir, dirfd
 * over VFS_GETDENTS: a DIR holds the descriptor and a buffer of struct
 * vfs_dirent records, refilled when it runs out.
 */
#include "vfs.h"
#include <dirent.h>
#include <stdlib.h>

#define DIR_BUF 16              /* records per VFS_GETDENTS */

struct stabilix_dir {
    int fd;
    int next, count;            /* records used / held in buf */
    struct vfs_dirent buf[DIR_BUF];
    struct dirent out;
};

DIR *fdopendir(int fd)
{
    struct stat st;
    DIR *d;
    if (fstat(fd, &st) < 0)
        return 0;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return 0;
    }
    if (!(d = calloc(1, sizeof(*d))))
        return 0;
    d->fd = fd;
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d;
    if (fd < 0)
        return 0;
    if (!(d = fdopendir(fd)))
        close(fd);
    return d;
}

struct dirent *readdir(DIR *d)
{
    if (d->next == d->count) {
        message m;
        int r;
        __vfs_req(&m, VFS_GETDENTS)->fd = d->fd;
        r = __vfs_call(&m, d->buf, sizeof(d->buf), GRANT_WRITE, 0, 0, 0);
        if (r <= 0) {
            if (r < 0)
                __vfs_ret(r);
            return 0;               /* the end: errno unchanged */
        }
        d->next = 0;
        d->count = r / (int)sizeof(d->buf[0]);
    }
    d->out.d_ino = d->buf[d->next].ino;
    memcpy(d->out.d_name, d->buf[d->next].name, sizeof(d->buf[0].name));
    d->out.d_name[sizeof(d->buf[0].name) - 1] = '\0';  /* VFS sends it terminated */
    d->next++;
    return &d->out;
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->next = d->count = 0;
}

int dirfd(DIR *d)
{
    return d->fd;
}

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}

/*
 * sys/dirent.h - Stabilix's directory entries for newlib's <dirent.h>
 * (newlib's own sys/dirent.h is an #error for targets without one).  This
 * folder must come before newlib's headers on the include path.  DIR is
 * opaque (lib/libc/vfs_dir.c); names are at most 59 bytes (VFS_NAME_MAX).
 */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>

#define MAXNAMLEN 59

struct dirent {
    ino_t d_ino;
    char d_name[MAXNAMLEN + 1];
};

typedef struct __dirstream DIR;

#endif

/*
 * dirent.h - directory reading for programs linked with newlib, whose
 * i686-elf headers have no <dirent.h> (theirs is an #error).  lib/libc
 * implements these over VFS; this header is found before newlib's
 * because lib/libc/include comes first on the include path.
 * Invariant: struct dirent's d_name always holds a NUL-terminated name.
 */
#ifndef STABILIX_DIRENT_H
#define STABILIX_DIRENT_H

#include <sys/types.h>

#define NAME_MAX_DIRENT 255

struct dirent {
	ino_t d_ino;
	char d_name[NAME_MAX_DIRENT + 1];
};

typedef struct stabilix_dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int closedir(DIR *dir);
DIR *fdopendir(int fd);
void rewinddir(DIR *dir);
int dirfd(DIR *dir);

#endif

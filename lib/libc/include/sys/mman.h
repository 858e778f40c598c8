/*
 * sys/mman.h - anonymous memory mappings (lib/libc/mman.c).  Only
 * MAP_PRIVATE|MAP_ANONYMOUS mappings with PROT_READ|PROT_WRITE exist:
 * the memory is page-aligned and zeroed; munmap takes back a whole
 * mapping (any other range is EINVAL).  File mappings are ENODEV.
 */
#ifndef STABILIX_SYS_MMAN_H
#define STABILIX_SYS_MMAN_H

#include <sys/types.h>

#define PROT_NONE  0x0
#define PROT_READ  0x1
#define PROT_WRITE 0x2
#define PROT_EXEC  0x4

#define MAP_SHARED    0x01
#define MAP_PRIVATE   0x02
#define MAP_FIXED     0x10
#define MAP_ANONYMOUS 0x20
#define MAP_ANON      MAP_ANONYMOUS
#define MAP_FAILED    ((void *)-1)

#define MS_ASYNC      1
#define MS_INVALIDATE 2
#define MS_SYNC       4

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int msync(void *addr, size_t len, int flags);

#endif

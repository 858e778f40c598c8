/*
 * mman.c - anonymous mappings: mmap(MAP_PRIVATE|MAP_ANONYMOUS) is
 * page-aligned, zeroed memory from the heap (PM's brk), and munmap gives
 * back exactly a mapping mmap made.  File and shared mappings are
 * ENODEV, MAP_FIXED is EINVAL, and munmap of anything but a whole
 * mapping is EINVAL (nothing is freed).  Invariant: maps[] holds every
 * live mapping, at most MAX_MAPS of them.
 */
#include <errno.h>
#include <malloc.h>
#include <string.h>
#include <sys/mman.h>

#define PAGE 4096u
#define MAX_MAPS 64

static struct { void *addr; size_t len; } maps[MAX_MAPS];

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    int slot = -1;
    void *p;
    (void)addr;
    (void)off;
    if (!(flags & MAP_ANONYMOUS) || (flags & MAP_SHARED) || fd != -1) {
        errno = ENODEV;
        return MAP_FAILED;
    }
    if (len == 0 || (flags & MAP_FIXED) || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    for (int i = 0; i < MAX_MAPS && slot < 0; i++)
        if (!maps[i].addr)
            slot = i;
    len = (len + PAGE - 1) & ~(PAGE - 1);
    if (slot < 0 || len == 0 || !(p = memalign(PAGE, len))) {
        errno = ENOMEM;
        return MAP_FAILED;
    }
    memset(p, 0, len);
    maps[slot].addr = p;
    maps[slot].len = len;
    return p;
}

int munmap(void *addr, size_t len)
{
    for (int i = 0; i < MAX_MAPS; i++) {
        if (addr && maps[i].addr == addr &&
            ((len + PAGE - 1) & ~(PAGE - 1)) == maps[i].len) {
            free(addr);
            maps[i].addr = 0;
            return 0;
        }
    }
    errno = EINVAL;
    return -1;
}

/* Heap memory is always readable and writable: only that is possible. */
int mprotect(void *addr, size_t len, int prot)
{
    (void)addr;
    (void)len;
    if ((prot & (PROT_READ | PROT_WRITE)) == (PROT_READ | PROT_WRITE))
        return 0;
    errno = ENOTSUP;
    return -1;
}

int msync(void *addr, size_t len, int flags)
{
    (void)addr;
    (void)len;
    (void)flags;
    return 0;
}

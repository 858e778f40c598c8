/*
 * ext2disk.c - servers/ext2/disk.h on the host: an image file opened by
 * ext2disk_open, read and written with pread and pwrite.  Every transfer
 * must lie inside the file (else -EINVAL) and move all its bytes (else
 * -EIO).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "disk.h"
#include "errnums.h"

static int disk_fd = -1;
static uint64_t disk_bytes;

int ext2disk_open(const char *path, int rdonly)
{
    struct stat st;
    disk_fd = open(path, rdonly ? O_RDONLY : O_RDWR);
    if (disk_fd < 0 || fstat(disk_fd, &st) < 0)
        return -EIO;
    disk_bytes = (uint64_t)st.st_size & ~511ull;
    return OK;
}

static int in_range(uint64_t offset, uint32_t len)
{
    return offset % 512 == 0 && len % 512 == 0 && offset <= disk_bytes &&
           len <= disk_bytes - offset;
}

int disk_read(uint64_t offset, void *buf, uint32_t len)
{
    if (!in_range(offset, len))
        return -EINVAL;
    return pread(disk_fd, buf, len, (off_t)offset) == (ssize_t)len ? OK : -EIO;
}

int disk_write(uint64_t offset, const void *buf, uint32_t len)
{
    if (!in_range(offset, len))
        return -EINVAL;
    return pwrite(disk_fd, buf, len, (off_t)offset) == (ssize_t)len ? OK : -EIO;
}

uint64_t disk_size(void)
{
    return disk_bytes;
}

#include "ext2.h"

/* The core's tables (the server keeps them in its state region:
 * servers/ext2/srv_state.c). */
struct ext2_fs ext2;
struct ext2_cache ext2_cache;
uint32_t ext2_now;

/*
 * ext2 - the disk file-system server: one ext2 file system (revision 1,
 * docs/storage.md) on a block device, served to VFS over proto/fs.h.
 * It starts unmounted; VFS sends FS_MOUNT when something is mounted.
 *
 * The mount, the block cache with its dirty blocks, the device and the
 * last answer are in the state region (ext2srv.h): a restarted ext2
 * goes on with the same mount and loses nothing that was acknowledged.
 * A started-fresh one is unmounted again, and VFS's requests on the old
 * mount get EINVAL (VFS reports EIO to the callers).
 */
#include "ext2srv.h"
#include "format.h"
#include <stdarg.h>

extern const struct srv_table ext2_table;

/* The core's messages (a bad superblock, unknown features...): whole
 * lines, "ext2: " and the newline included. */
void ext2_log(const char *fmt, ...)
{
    char line[160];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    printf("%s", line);
}

static int dirty_blocks(void)
{
    int n = 0;
    for (int i = 0; i < EXT2_NBUF; i++)
        n += ext2_cache.buf[i].valid && ext2_cache.buf[i].dirty;
    return n;
}

static int init_fresh(const struct sef_init *info)
{
    (void)info;
    memset(&ext2, 0, sizeof(ext2));
    return OK;
}

static int init_restart(const struct sef_init *info)
{
    if (!info->state_pages || !ext2.mounted) {
        printf("ext2: restarted (%d restarts): no mount kept\n", info->restarts);
        return init_fresh(info);
    }
    printf("ext2: restarted (%d restarts): the mount kept, %d dirty blocks\n",
           info->restarts, dirty_blocks());
    return OK;
}

int main(void)
{
    sef_startup(init_fresh, init_restart);
    server_loop(&ext2_table);
}

/*
 * file.c - the file benchmark: one iteration writes 1 MiB to /tmp/bench.dat
 * in 4 KiB writes, closes it, reads it back in 4 KiB reads checking every
 * block, and unlinks it (no fsync: both systems keep /tmp in memory).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "bench.h"

#define PATH  "/tmp/bench.dat"
#define BLOCK 4096
#define SIZE  (1024 * 1024)

static char wbuf[BLOCK], rbuf[BLOCK];

static int write_file(void)
{
    int fd = open(PATH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return bench_fail("open " PATH);
    for (int off = 0; off < SIZE; off += BLOCK) {
        wbuf[0] = (char)(off / BLOCK);
        if (write(fd, wbuf, BLOCK) != BLOCK) {
            close(fd);
            return bench_fail("write " PATH);
        }
    }
    return close(fd) < 0 ? bench_fail("close " PATH) : 0;
}

static int read_file(void)
{
    int fd = open(PATH, O_RDONLY);
    if (fd < 0)
        return bench_fail("open " PATH);
    for (int off = 0; off < SIZE; off += BLOCK) {
        wbuf[0] = (char)(off / BLOCK);
        if (read(fd, rbuf, BLOCK) != BLOCK || memcmp(rbuf, wbuf, BLOCK) != 0) {
            close(fd);
            errno = errno ? errno : EIO;
            return bench_fail("read back " PATH);
        }
    }
    close(fd);
    return 0;
}

int bench_file(long n)
{
    memset(wbuf, 'b', sizeof(wbuf));
    for (long i = 0; i < n; i++) {
        if (write_file() < 0 || read_file() < 0)
            return -1;
        if (unlink(PATH) < 0)
            return bench_fail("unlink " PATH);
    }
    return 0;
}

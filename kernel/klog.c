/*
 * klog.c - the kernel log: a ring of the last KLOG_SIZE bytes written to
 * the console.  'total' counts every byte ever appended, so a reader asks
 * for an absolute offset and gets whatever of it is still in the ring.
 */
#include "kernel.h"

#define KLOG_SIZE 16384

static char ring[KLOG_SIZE];
static uint32_t total;

void klog_append(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ring[(total + i) % KLOG_SIZE] = s[i];
    total += n;
}

/* Copy up to len bytes starting at absolute offset; returns the count. */
size_t klog_read(uint32_t offset, char *buf, size_t len, uint32_t *total_out)
{
    size_t n = 0;
    if (total > KLOG_SIZE && offset < total - KLOG_SIZE)
        offset = total - KLOG_SIZE;
    while (n < len && offset + n < total) {
        buf[n] = ring[(offset + n) % KLOG_SIZE];
        n++;
    }
    *total_out = total;
    return n;
}

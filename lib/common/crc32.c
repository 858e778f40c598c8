/*
 * crc32.c - table-driven CRC-32 (see crc32.h).  The table is computed on
 * first use into static storage (no large constant in the source).
 */
#include "crc32.h"

static uint32_t table[256];
static int ready;

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    ready = 1;
}

uint32_t crc32_update(uint32_t crc, const void *p, size_t n)
{
    const uint8_t *b = p;
    if (!ready)
        make_table();
    crc = ~crc;
    while (n--)
        crc = table[(crc ^ *b++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

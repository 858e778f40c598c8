/* crc32.h - CRC-32 (IEEE 802.3, reflected, as zlib) over a byte range.
 * crc32_update(0, p, n) gives the CRC of p[0..n); feeding pieces in order
 * with the previous result gives the CRC of the whole. */
#ifndef STABILIX_CRC32_H
#define STABILIX_CRC32_H
#include <stdint.h>
#include <stddef.h>
uint32_t crc32_update(uint32_t crc, const void *p, size_t n);
#endif

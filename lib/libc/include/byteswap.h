/*
 * byteswap.h - bswap_16/32/64 (glibc's names), as gcc's builtins.
 */
#ifndef STABILIX_BYTESWAP_H
#define STABILIX_BYTESWAP_H

#define bswap_16(x) __builtin_bswap16(x)
#define bswap_32(x) __builtin_bswap32(x)
#define bswap_64(x) __builtin_bswap64(x)

#endif

/*
 * endian.h - byte order (i686: little endian) under glibc's names, from
 * newlib's <machine/endian.h>, and the htobe/le conversions.
 */
#ifndef STABILIX_ENDIAN_H
#define STABILIX_ENDIAN_H

#include <machine/endian.h>
#include <byteswap.h>

#define __BYTE_ORDER    _BYTE_ORDER
#define __LITTLE_ENDIAN _LITTLE_ENDIAN
#define __BIG_ENDIAN    _BIG_ENDIAN
#define __PDP_ENDIAN    _PDP_ENDIAN

#define htobe16(x) bswap_16(x)
#define htobe32(x) bswap_32(x)
#define htobe64(x) bswap_64(x)
#define be16toh(x) bswap_16(x)
#define be32toh(x) bswap_32(x)
#define be64toh(x) bswap_64(x)
#define htole16(x) ((uint16_t)(x))
#define htole32(x) ((uint32_t)(x))
#define htole64(x) ((uint64_t)(x))
#define le16toh(x) ((uint16_t)(x))
#define le32toh(x) ((uint32_t)(x))
#define le64toh(x) ((uint64_t)(x))

#endif

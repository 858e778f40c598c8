/* kstring.h - memory and string routines of lib/common/string.c. */
#ifndef STABILIX_KSTRING_H
#define STABILIX_KSTRING_H
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
size_t strnlen(const char *s, size_t max);
char *strrchr(const char *s, int c);
int memchr_nul(const char *s, size_t n);
#endif

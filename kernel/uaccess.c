/*
 * uaccess.c - checked access to user memory.
 *
 * Every user address is translated through the owner's page tables and
 * must be a present user page (writable for writes) at or above
 * USER_BASE.  The whole range is checked before the first byte is copied,
 * so a copy either happens completely or not at all.
 */
#include "kernel.h"
#include "mm.h"
#include "../lib/include/ipc.h"

_Static_assert(sizeof(message) == 64, "msg_in_page (mm.h) assumes 64-byte messages");

int user_check(uint32_t *pgdir, uint32_t va, size_t len, int write)
{
    uint32_t end = va + (uint32_t)len;
    if (len == sizeof(message) && msg_in_page(pgdir, va, write))
        return OK;
    if (len == 0)
        return OK;
    if (end < va || va < USER_BASE)
        return -EFAULT;
    for (uint32_t pg = va & ~0xfffu; pg < end && pg >= (va & ~0xfffu); pg += PAGE_SIZE)
        if (!user_translate(pgdir, pg < va ? va : pg, write))
            return -EFAULT;
    return OK;
}

static size_t chunk(uint32_t va, size_t left)
{
    size_t room = PAGE_SIZE - (va & 0xfff);
    return left < room ? left : room;
}

int copy_from_user(uint32_t *pgdir, uint32_t va, void *dst, size_t len)
{
    uint8_t *d = dst;
    void *k = len == sizeof(message) ? msg_in_page(pgdir, va, 0) : 0;
    if (k) {
        memcpy(dst, k, sizeof(message));
        return OK;
    }
    if (user_check(pgdir, va, len, 0) != OK)
        return -EFAULT;
    while (len) {
        size_t n = chunk(va, len);
        memcpy(d, user_translate(pgdir, va, 0), n);
        d += n; va += (uint32_t)n; len -= n;
    }
    return OK;
}

int copy_to_user(uint32_t *pgdir, uint32_t va, const void *src, size_t len)
{
    const uint8_t *s = src;
    void *k = len == sizeof(message) ? msg_in_page(pgdir, va, 1) : 0;
    if (k) {
        memcpy(k, src, sizeof(message));
        return OK;
    }
    if (user_check(pgdir, va, len, 1) != OK)
        return -EFAULT;
    while (len) {
        size_t n = chunk(va, len);
        memcpy(user_translate(pgdir, va, 1), s, n);
        s += n; va += (uint32_t)n; len -= n;
    }
    return OK;
}

int copy_user_to_user(uint32_t *dpd, uint32_t dva, uint32_t *spd,
                      uint32_t sva, size_t len)
{
    if (user_check(dpd, dva, len, 1) != OK || user_check(spd, sva, len, 0) != OK)
        return -EFAULT;
    while (len) {
        size_t n = chunk(dva, len);
        if (chunk(sva, len) < n)
            n = chunk(sva, len);
        memmove(user_translate(dpd, dva, 1), user_translate(spd, sva, 0), n);
        dva += (uint32_t)n; sva += (uint32_t)n; len -= n;
    }
    return OK;
}

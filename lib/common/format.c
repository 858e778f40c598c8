/*
 * format.c - fmt_vsnprintf (see format.h).  No allocation, no globals.
 */
#include "format.h"
#include <stdint.h>

struct out {
    char *buf;
    size_t size;
    size_t n;
};

static void put(struct out *o, char c)
{
    if (o->n + 1 < o->size)
        o->buf[o->n] = c;
    o->n++;
}

static void pad(struct out *o, int count, char c)
{
    while (count-- > 0)
        put(o, c);
}

static void field(struct out *o, const char *s, int len, int width,
                  int left, char padc)
{
    int i;
    if (!left)
        pad(o, width - len, padc);
    for (i = 0; i < len; i++)
        put(o, s[i]);
    if (left)
        pad(o, width - len, ' ');
}

static int utoa(char *tmp, uint32_t v, unsigned base, int upper)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char rev[12];
    int n = 0, i;
    do {
        rev[n++] = digits[v % base];
        v /= base;
    } while (v);
    for (i = 0; i < n; i++)
        tmp[i] = rev[n - 1 - i];
    return n;
}

static void number(struct out *o, char conv, va_list *ap, int width,
                   int left, char padc)
{
    char tmp[16];
    int n = 0;
    if (conv == 'd' || conv == 'i') {
        int32_t v = va_arg(*ap, int32_t);
        uint32_t u = v < 0 ? (uint32_t)0 - (uint32_t)v : (uint32_t)v;
        if (v < 0) {
            if (padc == '0') {
                put(o, '-');
                width--;
            } else {
                tmp[n++] = '-';
            }
        }
        n += utoa(tmp + n, u, 10, 0);
    } else if (conv == 'p') {
        tmp[0] = '0';
        tmp[1] = 'x';
        n = 2 + utoa(tmp + 2, (uint32_t)(uintptr_t)va_arg(*ap, void *), 16, 0);
    } else {
        n = utoa(tmp, va_arg(*ap, uint32_t), conv == 'u' ? 10 : 16, conv == 'X');
    }
    field(o, tmp, n, width, left, padc);
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { buf, size, 0 };
    va_list args;
    va_copy(args, ap);
    for (; *fmt; fmt++) {
        int width = 0, left = 0;
        char padc = ' ';
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-') left = 1;
            else padc = '0';
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        if (*fmt == 'l')
            fmt++;
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(args, const char *);
            int len = 0;
            if (!s) s = "(null)";
            while (s[len]) len++;
            field(&o, s, len, width, left, ' ');
            break;
        }
        case 'c': {
            char c = (char)va_arg(args, int);
            field(&o, &c, 1, width, left, ' ');
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'p':
            number(&o, *fmt, &args, width, left, left ? ' ' : padc);
            break;
        case '\0':
            fmt--;
            break;
        default:
            put(&o, '%');
            put(&o, *fmt);
        }
    }
    va_end(args);
    if (size > 0)
        buf[o.n < size ? o.n : size - 1] = '\0';
    return (int)o.n;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = fmt_vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

/*
 * tap.c - implementation of the TAP helper declared in tap.h.
 */
#include "tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int ntests, nfailed;

static int vreport(int cond, const char *fmt, va_list ap)
{
    ntests++;
    if (!cond)
        nfailed++;
    printf("%sok %d - ", cond ? "" : "not ", ntests);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    return cond;
}

int ok(int cond, const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = vreport(cond, fmt, ap);
    va_end(ap);
    return r;
}

int is_int(long long got, long long want, const char *name)
{
    if (!ok(got == want, "%s", name))
        diag("  got %lld (0x%llx), want %lld (0x%llx)", got,
             (unsigned long long)got, want, (unsigned long long)want);
    return got == want;
}

int is_str(const char *got, const char *want, const char *name)
{
    int same = (got == NULL || want == NULL) ? got == want : strcmp(got, want) == 0;
    if (!ok(same, "%s", name))
        diag("  got \"%s\", want \"%s\"", got ? got : "(null)",
             want ? want : "(null)");
    return same;
}

void diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    va_end(ap);
}

int done_testing(void)
{
    printf("1..%d\n", ntests);
    if (nfailed)
        diag("%d of %d checks failed", nfailed, ntests);
    fflush(stdout);
    return nfailed ? 1 : 0;
}

/*
 * check.c - drvtest's checks: count them, print one line each.  ename
 * names the errors libsys's errname does not know yet.
 */
#include "drvtest.h"

static int checks, failures;

void check(int cond, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    checks++;
    if (!cond)
        failures++;
    printf("%s - %s\n", cond ? "ok" : "not ok", buf);
}

const char *ename(int r)
{
    switch (r) {
    case -ENXIO: return "ENXIO";
    case -ENOSYS: return "ENOSYS";
    case -EIO: return "EIO";
    default: return errname(r);
    }
}

void expect(int got, int want, const char *what)
{
    check(got == want, "%s: %s (want %s)", what, ename(got), ename(want));
}

void expect_bytes(int got, int want, const char *what)
{
    if (got < 0)
        check(0, "%s: %s (want %d bytes)", what, ename(got), want);
    else
        check(got == want, "%s: %d bytes (want %d)", what, got, want);
}

int checks_done(void)
{
    return checks;
}

int checks_failed(void)
{
    return failures;
}

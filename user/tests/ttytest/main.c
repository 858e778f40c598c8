/*
 * ttytest - check helpers and the scenario dispatcher (see ttytest.h).
 */
#include "ttytest.h"

static int checks, failures;

void check(int cond, const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    checks++;
    failures += !cond;
    printf("%s - %s\n", cond ? "ok" : "not ok", buf);
}

void expect(int got, int want, const char *what)
{
    check(got == want, "%s: %s (want %s)", what, errname(got), errname(want));
}

void expect_bytes(int got, int want, const char *what)
{
    if (got < 0)
        check(0, "%s: %s (want %d bytes)", what, errname(got), want);
    else
        check(got == want, "%s: %d bytes (want %d)", what, got, want);
}

void sleep_ticks(uint32_t n)
{
    message m;
    sys_setalarm(n);
    do {
        if (ipc_receive(SYSTEM, &m) != OK)
            return;
    } while (!(m.m.u32[0] & SYSEV_ALARM));
}

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "line", scen_line },
    { "errors", scen_errors },
    { "vga", scen_vga },
    { "restart", scen_restart },
};

int main(void)
{
    char which[40] = "";
    sys_getarg("ttytest", which, sizeof(which));
    tty_ep = find_tty();
    check(tty_ep != NONE, "the tty is running (ep %d)", tty_ep);
    for (unsigned i = 0; tty_ep != NONE && i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
        if (strcmp(which, scenarios[i].name) == 0) {
            scenarios[i].run();
            printf("ttytest %s: %s (%d checks)\n", which, failures ? "FAIL" : "PASS", checks);
            sys_shutdown(SD_POWEROFF, failures != 0);
        }
    printf("ttytest: unknown scenario '%s'\n", which);
    sys_shutdown(SD_POWEROFF, 1);
    return 1;
}

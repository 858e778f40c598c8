/*
 * drvtest - tests of the character- and block-driver libraries through
 * the demo drivers cdevdemo and bdevdemo, and of the ata driver ("disk").  The kernel command line's
 * drvtest=<scenario> picks one scenario ("char", "block" or "disk"); drvtest
 * prints one line per check, then "drvtest <scenario>: PASS|FAIL
 * (n checks, k failed)", and powers off with status 0 (all passed),
 * 1 (a check failed) or 2 (no such scenario).
 */
#include "drvtest.h"

endpoint_t self_ep, cdev_ep = NONE, bdev_ep = NONE;

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "char", scen_char },
    { "block", scen_block },
    { "disk", scen_disk },
};

int main(void)
{
    char name[40];
    sys_self(&self_ep, 0);
    sys_lookup("cdevdemo", &cdev_ep);
    sys_lookup("bdevdemo", &bdev_ep);
    if (sys_getarg("drvtest", name, sizeof(name)) != OK)
        strlcpy(name, "(none)", sizeof(name));
    for (unsigned i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        if (strcmp(scenarios[i].name, name) != 0)
            continue;
        printf("drvtest %s: start\n", name);
        scenarios[i].run();
        printf("drvtest %s: %s (%d checks, %d failed)\n", name,
               checks_failed() || !checks_done() ? "FAIL" : "PASS",
               checks_done(), checks_failed());
        sys_shutdown(SD_POWEROFF, checks_failed() || !checks_done());
    }
    printf("drvtest: unknown scenario '%s'\n", name);
    sys_shutdown(SD_POWEROFF, 2);
    return 2;
}

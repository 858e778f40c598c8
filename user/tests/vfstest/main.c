/*
 * vfstest - tests of VFS and ramfs (tests/system/test_vfs.py).  The
 * kernel argument vfstest=<scenario> picks one scenario; every check
 * prints "ok - <what>: <result>" (or "not ok - ..."), then the line
 * "vfstest <scenario>: PASS|FAIL (n checks, k failed)", and the machine
 * powers off with status 0 (all passed), 1 (a check failed) or 2 (no
 * such scenario).  Started with the label vfspeer, the same program is
 * the second process of the two-process scenarios (peer.c).
 */
#include "vfstest.h"

endpoint_t vfs_ep = NONE, self_ep, peer_ep = NONE, ctl_ep = NONE;

static const struct { const char *name; void (*run)(void); } scenarios[] = {
    { "files", scen_files },
    { "dirs", scen_dirs },
    { "errors", scen_errors },
    { "many", scen_many },
    { "full", scen_full },
    { "pipes", scen_pipes },
    { "pm", scen_pm },
    { "device", scen_device },
    { "restart", scen_restart },
};

static void find_services(void)
{
    for (int i = 0; i < 500 && sys_lookup("vfs", &vfs_ep) != OK; i++)
        sleep_ticks(1);
    sys_lookup("vfspeer", &peer_ep);
}

int main(void)
{
    char label[16], name[40];
    sys_self(&self_ep, label);
    find_services();
    if (strcmp(label, "vfspeer") == 0)
        peer_main();
    if (sys_getarg("vfstest", name, sizeof(name)) != OK)
        strlcpy(name, "(none)", sizeof(name));
    for (unsigned i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
        if (strcmp(scenarios[i].name, name) != 0)
            continue;
        printf("vfstest %s: start\n", name);
        scenarios[i].run();
        printf("vfstest %s: %s (%d checks, %d failed)\n", name,
               checks_failed() || !checks_done() ? "FAIL" : "PASS",
               checks_done(), checks_failed());
        sys_shutdown(SD_POWEROFF, checks_failed() || !checks_done());
    }
    printf("vfstest: unknown scenario '%s'\n", name);
    sys_shutdown(SD_POWEROFF, 2);
    return 2;
}

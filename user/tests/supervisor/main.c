/*
 * supervisor - the parent of the faulters: prints every death report the
 * kernel sends it, then checks that the survivor still answers and that
 * its own device mapping (the page the faulter could not read) works.
 */
#include "libsys.h"

#define NR_FAULTERS 8

static int reports(void)
{
    struct sys_getksig ks;
    message m;
    int n = 0;
    sys_setalarm(5 * 100);
    while (n < NR_FAULTERS) {
        if (ipc_receive(SYSTEM, &m) != OK)
            return n;
        if (m.m.u32[0] & SYSEV_ALARM)
            return n;                               /* 5 s without all reports */
        while (sys_getksig(&ks) == OK) {
            printf("supervisor: %s died: reason %d vector %u eip=0x%x cr2=0x%x\n",
                   ks.label, ks.reason, ks.vector, ks.eip, ks.cr2);
            n++;
        }
    }
    sys_setalarm(0);
    return n;
}

int main(void)
{
    endpoint_t survivor;
    void *vga;
    message m;
    int n, ok = 0;
    if (sys_mapdev(0xb8000, 4096, &vga) != OK || (uint32_t)vga != 0xf0000000u)
        printf("supervisor: mapping VGA failed\n");
    n = reports();
    printf("supervisor: %d of %d faulters reported\n", n, NR_FAULTERS);
    if (sys_lookup("survivor", &survivor) == OK) {
        for (int i = 0; i < 100; i++) {
            memset(&m, 0, sizeof(m));
            m.m.u32[0] = (uint32_t)i;
            ok += ipc_call(survivor, &m) == OK && m.m.u32[0] == (uint32_t)i + 1;
        }
    }
    printf("supervisor: survivor answered %d of 100 calls\n", ok);
    printf("supervisor: own device mapping reads '%c'\n", *(volatile char *)vga);
    printf("faults: %s\n", n == NR_FAULTERS && ok == 100 ? "PASS" : "FAIL");
    sys_shutdown(SD_POWEROFF, !(n == NR_FAULTERS && ok == 100));
    return 0;
}

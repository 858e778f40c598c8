/*
 * srv_clock.c - the core's "now" (ext2_now, epoch seconds) from the kernel:
 * the boot epoch (the CMOS clock, read once) plus the uptime.  Set
 * before every request (main.c), so the times a request stamps are one.
 */
#include "ext2srv.h"

void clock_set(void)
{
    static uint32_t epoch;
    if (!epoch)
        epoch = sys_boot_epoch();
    ext2_now = epoch + (uint32_t)(sys_uptime_us() / 1000000);
}

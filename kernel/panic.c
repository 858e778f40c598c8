/*
 * panic.c - stop the kernel with a readable report on serial and VGA.
 * Only kernel bugs and impossible boot states panic; nothing a user
 * process does may lead here.  A panic switches self-stabilization off:
 * the machine stays halted, or the locked hardware watchdog (wdt.c),
 * no longer kicked, resets it about two seconds later.
 */
#include <stdarg.h>
#include "kernel.h"
#include "stabilize.h"
#include "../lib/common/format.h"

void panic(const char *fmt, ...)
{
    char buf[200];
    va_list ap;
    __asm__ volatile("cli");
    stab_flags = 0;             /* final: no recovery; a locked watchdog resets */
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    kprintf("\n*** KERNEL PANIC: %s\n", buf);
    kprintf("*** uptime %u ticks; the system is halted.\n", (unsigned)ticks);
    for (;;)
        __asm__ volatile("cli; hlt");
}

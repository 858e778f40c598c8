/*
 * power.c - power off and reboot.
 *
 * Under QEMU (fw_cfg present) power off writes the status to the
 * isa-debug-exit port (QEMU exits with (status << 1) | 1, which is how the
 * tests end without timeouts) and then tries the ACPI PM1a control ports
 * of the pc (PIIX4) and q35 machines.  On a real PC without ACPI support
 * in the kernel it halts and says so.  Reboot pulses the keyboard
 * controller's reset line and gives it time before it falls back to a
 * triple fault (which the tests tell apart through QEMU's reset log).
 */
#include "kernel.h"
#include "stabilize.h"

void power_off(int status)
{
    kprintf("kernel: power off (status %d)\n", status);
    __asm__ volatile("cli");
    stab_flags = 0;             /* halted on purpose: the NMI must not revive it */
    if (fwcfg_present()) {
        outb(0xf4, (uint8_t)status);
        outw(0xb004, 0x2000);
        outw(0x604, 0x2000);
    }
    kprintf("kernel: it is now safe to switch off the computer.\n");
    for (;;)
        __asm__ volatile("hlt");
}

void power_reboot(void)
{
    struct { uint16_t limit; uint32_t base; } __attribute__((packed)) none = { 0, 0 };
    kprintf("kernel: reboot\n");
    __asm__ volatile("cli");
    for (int i = 0; i < 100000 && (inb(0x64) & 0x02); i++)
        ;
    outb(0x64, 0xfe);           /* keyboard controller: pulse reset */
    for (int i = 0; i < 50000; i++)
        inb(0x80);              /* about 50 ms for the pulse to take effect */
    __asm__ volatile("lidt %0; int3" : : "m"(none));   /* else triple fault */
    for (;;)
        __asm__ volatile("hlt");
}

/*
 * main.c - kmain: bring the machine up in dependency order and hand the
 * CPU to the first process.  Nothing here runs again after boot.
 */
#include "kernel.h"
#include "arch.h"
#include "proc.h"
#include "bootinfo.h"
#include "stabilize.h"

/* The one kernel stack (entry.asm switches to its top on every entry). */
uint8_t kernel_stack[16384] __attribute__((aligned(16)));
uint8_t *const kernel_stack_top = kernel_stack + sizeof(kernel_stack);

void kmain(uint32_t magic, uint32_t info)
{
    acct_init();
    console_init();
    kprintf("Stabilix kernel booting\n");
    bootinfo_parse(magic, info);
    gdt_init();
    idt_init();
    pic_init();
    tsc_calibrate();
    rtc_init();
    fpu_init();
    memory_init();
    cmdline_init(bootinfo.cmdline);
    stab_init();
    proc_init();
    boot_processes();
    clock_init();
    schedule();
}

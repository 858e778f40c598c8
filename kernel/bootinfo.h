/*
 * bootinfo.h - what GRUB handed us (multiboot2): memory map, modules,
 * command line.  bootinfo_parse copies the facts out of the multiboot
 * structure so nothing refers to it after boot.
 */
#ifndef KERNEL_BOOTINFO_H
#define KERNEL_BOOTINFO_H
#include <stdint.h>

#define MAX_MODULES 64
#define MAX_MMAP    32

struct module {
    uint32_t start, end;
    char name[32];
};

struct bootinfo {
    char cmdline[256];
    uint32_t nmods;
    struct module mods[MAX_MODULES];
    uint32_t nmmap;
    struct { uint64_t base, len; } mmap[MAX_MMAP];
    uint32_t info_start, info_end;
};

extern struct bootinfo bootinfo;

void bootinfo_parse(uint32_t magic, uint32_t addr);
const struct module *module_find(const char *name);
void memory_init(void);

#endif

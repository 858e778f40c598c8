/*
 * bootinfo.c - parse the multiboot2 information and set up the frame
 * allocator from its memory map: available RAM below KERNEL_LIMIT minus
 * the first MiB, the kernel image, the modules and the boot information.
 */
#include "kernel.h"
#include "bootinfo.h"
#include "mm.h"

#define MB2_BOOT_MAGIC 0x36d76289
#define TAG_END     0
#define TAG_CMDLINE 1
#define TAG_MODULE  3
#define TAG_MMAP    6

struct bootinfo bootinfo;
struct frame_pool kframes;
uint32_t kframes_total;
static uint32_t frame_bitmap[KERNEL_LIMIT / 4096 / 32];
extern char _kernel_start[], _kernel_end[];

static void add_module(const uint32_t *t)
{
    struct module *m;
    const char *name = (const char *)(t + 4), *base = name;
    if (bootinfo.nmods >= MAX_MODULES)
        return;
    m = &bootinfo.mods[bootinfo.nmods++];
    m->start = t[2];
    m->end = t[3];
    for (const char *s = name; *s; s++)     /* the file name after the last '/' */
        if (*s == '/')
            base = s + 1;
    strlcpy(m->name, base, sizeof(m->name));
}

static void add_mmap(const uint32_t *t)
{
    uint32_t size = t[1], esize = t[2];
    for (uint32_t off = 16; off + 24 <= size && bootinfo.nmmap < MAX_MMAP; off += esize) {
        const uint8_t *e = (const uint8_t *)t + off;
        if (*(const uint32_t *)(e + 16) != 1)       /* type 1: available */
            continue;
        bootinfo.mmap[bootinfo.nmmap].base = *(const uint64_t *)e;
        bootinfo.mmap[bootinfo.nmmap].len = *(const uint64_t *)(e + 8);
        bootinfo.nmmap++;
    }
}

void bootinfo_parse(uint32_t magic, uint32_t addr)
{
    const uint8_t *p = (const uint8_t *)addr + 8;
    if (magic != MB2_BOOT_MAGIC)
        panic("not booted by a multiboot2 loader (magic 0x%x)", magic);
    bootinfo.info_start = addr;
    bootinfo.info_end = addr + *(const uint32_t *)addr;
    while ((uint32_t)p + 8 <= bootinfo.info_end) {
        const uint32_t *t = (const uint32_t *)p;
        if (t[0] == TAG_END)
            break;
        if (t[0] == TAG_CMDLINE)
            strlcpy(bootinfo.cmdline, (const char *)(t + 2), sizeof(bootinfo.cmdline));
        else if (t[0] == TAG_MODULE)
            add_module(t);
        else if (t[0] == TAG_MMAP)
            add_mmap(t);
        p += (t[1] + 7) & ~7u;
    }
}

const struct module *module_find(const char *name)
{
    for (uint32_t i = 0; i < bootinfo.nmods; i++)
        if (strcmp(bootinfo.mods[i].name, name) == 0)
            return &bootinfo.mods[i];
    return 0;
}

void memory_init(void)
{
    uint64_t top = 0;
    frames_init(&kframes, frame_bitmap, KERNEL_LIMIT / 4096);
    for (uint32_t i = 0; i < bootinfo.nmmap; i++) {
        frames_release_range(&kframes, bootinfo.mmap[i].base, bootinfo.mmap[i].len);
        if (bootinfo.mmap[i].base + bootinfo.mmap[i].len > top)
            top = bootinfo.mmap[i].base + bootinfo.mmap[i].len;
    }
    frames_reserve_range(&kframes, 0, 0x100000);
    frames_reserve_range(&kframes, (uint32_t)_kernel_start,
                         (uint32_t)_kernel_end - (uint32_t)_kernel_start);
    frames_reserve_range(&kframes, bootinfo.info_start,
                         bootinfo.info_end - bootinfo.info_start);
    for (uint32_t i = 0; i < bootinfo.nmods; i++)
        frames_reserve_range(&kframes, bootinfo.mods[i].start,
                             bootinfo.mods[i].end - bootinfo.mods[i].start);
    if (top > KERNEL_LIMIT)
        top = KERNEL_LIMIT;
    kframes.nframes = ((uint32_t)(top >> 12) + 31) / 32 * 32;  /* nothing above RAM */
    kframes_total = kframes.nfree;
    paging_init((uint32_t)top);
    kprintf("kernel: %u MiB RAM, %u KiB free, %u boot modules\n",
            (uint32_t)(top >> 20), kframes.nfree * 4, bootinfo.nmods);
}

/*
 * check_rom.c - kernel text and read-only data ("ROM") against the
 * pristine kernel image that GRUB loaded again as the boot module
 * "kernel" (tools/mkiso.sh).
 *
 * The ROM is cut into 4 KiB chunks.  At boot each chunk's CRC-32 is
 * recorded twice, plain and inverted (the running kernel and the module
 * must agree, or the check stays off).  check_rom(c) first compares the
 * running text with the module word by word: equal (the usual case), it
 * only checks that the two records of the CRC still agree, and rewrites
 * them from the text if not.  When the text and the module differ it
 * votes between three witnesses - the running text, the module and the
 * recorded CRC - and rewrites the one that disagrees with the other two:
 * text from the module (CR0.WP lifted for the copy), the module from the
 * text, or the CRC.  The compare costs a tenth of the two CRCs.
 * Invariant: rom_n == 0 unless the module was found and matched at boot.
 */
#include "kernel.h"
#include "bootinfo.h"
#include "stabilize.h"
#include "../lib/common/crc32.h"

#define CHUNK 4096u
#define MAX_CHUNKS 64

extern char _kernel_start[];
static uint32_t rom_base, rom_len, ref_base, rom_n;
static uint32_t ref_crc[MAX_CHUNKS], ref_crc_inv[MAX_CHUNKS];   /* inv = ~crc */

struct ehdr { uint8_t ident[16]; uint16_t type, machine; uint32_t version, entry,
              phoff, shoff, flags; uint16_t ehsize, phentsize, phnum; };
struct phdr { uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align; };

/* The module's loadable segment that starts at _kernel_start (text + rodata). */
static int find_segment(const struct module *m)
{
    const struct ehdr *e = (const struct ehdr *)m->start;
    uint32_t size = m->end - m->start;
    if (size < sizeof(*e) || e->phentsize != sizeof(struct phdr) ||
        e->phoff > size || e->phnum > (size - e->phoff) / sizeof(struct phdr))
        return -1;
    for (int i = 0; i < e->phnum; i++) {
        const struct phdr *ph = (const struct phdr *)(m->start + e->phoff) + i;
        if (ph->type != 1 || ph->vaddr != (uint32_t)_kernel_start ||
            ph->offset > size || ph->filesz > size - ph->offset ||
            ph->filesz > MAX_CHUNKS * CHUNK)
            continue;
        rom_base = ph->vaddr;
        rom_len = ph->filesz;
        ref_base = m->start + ph->offset;
        return 0;
    }
    return -1;
}

static uint32_t chunk_len(uint32_t c)
{
    return c * CHUNK + CHUNK <= rom_len ? CHUNK : rom_len - c * CHUNK;
}

void rom_init(void)
{
    const struct module *m = module_find("kernel");
    uint32_t n;
    if (!m || find_segment(m) < 0) {
        kprintf("stab: no usable 'kernel' boot module: ROM check off\n");
        return;
    }
    n = (rom_len + CHUNK - 1) / CHUNK;
    for (uint32_t c = 0; c < n; c++) {
        uint32_t off = c * CHUNK;
        ref_crc[c] = crc32_update(0, (void *)(rom_base + off), chunk_len(c));
        ref_crc_inv[c] = ~ref_crc[c];
        if (ref_crc[c] != crc32_update(0, (void *)(ref_base + off), chunk_len(c))) {
            kprintf("stab: 'kernel' module differs from the running kernel: ROM check off\n");
            return;
        }
    }
    rom_n = n;
    kprintf("stab: ROM %u bytes in %u chunks, reference at 0x%08x\n", rom_len, n, ref_base);
}

int rom_chunks(void)
{
    return (int)rom_n;
}

static void copy_text(uint32_t dst, uint32_t src, uint32_t len)
{
    uint32_t cr0;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 & ~0x10000u) : "memory");
    for (uint32_t i = 0; i < len; i++)
        if (((volatile uint8_t *)dst)[i] != ((uint8_t *)src)[i])
            ((volatile uint8_t *)dst)[i] = ((uint8_t *)src)[i];
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0) : "memory");
}

/* Are the len bytes at a and b the same?  Words first, then the tail. */
static int same(uint32_t a, uint32_t b, uint32_t len)
{
    const uint8_t *pa = (const uint8_t *)a, *pb = (const uint8_t *)b;
    uint32_t words = len / 4;
    uint8_t eq = 1;
    if (words)
        __asm__ volatile("repe cmpsl; sete %0"
                         : "=q"(eq), "+S"(pa), "+D"(pb), "+c"(words) : : "cc", "memory");
    if (!eq)
        return 0;
    for (uint32_t i = len & ~3u; i < len; i++)
        if (((const uint8_t *)a)[i] != ((const uint8_t *)b)[i])
            return 0;
    return 1;
}

static int vote(uint32_t c)
{
    uint32_t off = c * CHUNK, len = chunk_len(c), live, ref;
    if (same(rom_base + off, ref_base + off, len)) {
        if (ref_crc_inv[c] == ~ref_crc[c])
            return 0;
        ref_crc[c] = crc32_update(0, (void *)(rom_base + off), len);
        ref_crc_inv[c] = ~ref_crc[c];
        stab_repair(SC_ROM, "recorded CRC of chunk %u (text and module agree)", c);
        return 1;
    }
    live = crc32_update(0, (void *)(rom_base + off), len);
    ref = crc32_update(0, (void *)(ref_base + off), len);
    if (live == ref_crc[c] && ref == ref_crc[c])
        return 0;
    if (ref == ref_crc[c]) {
        copy_text(rom_base + off, ref_base + off, len);
        stab_repair(SC_ROM, "kernel text at 0x%08x (chunk %u) restored", rom_base + off, c);
    } else if (live == ref_crc[c]) {
        copy_text(ref_base + off, rom_base + off, len);
        stab_repair(SC_ROM, "reference image chunk %u restored from the text", c);
    } else if (live == ref) {
        ref_crc[c] = live;
        ref_crc_inv[c] = ~live;
        stab_repair(SC_ROM, "recorded CRC of chunk %u", c);
    } else {
        return 0;                       /* no two witnesses agree */
    }
    return 1;
}

int check_rom(int chunk)
{
    int n = 0;
    if (chunk >= 0)
        return (uint32_t)chunk < rom_n ? vote((uint32_t)chunk) : 0;
    for (uint32_t c = 0; c < rom_n && c < MAX_CHUNKS; c++)
        n += vote(c);
    return n;
}

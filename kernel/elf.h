/*
 * elf.h - load a static i386 ELF executable into an address space.
 *
 * The image is read through an elf_src: kernel memory (a boot module,
 * pgdir == NULL) or a range of a process's memory (RS's pristine copies),
 * which is read with checked copies.  elf_load validates the whole header
 * and every program header first (bounds, overflow, user range) and only
 * then allocates and copies; on failure the caller destroys the space.
 *
 * The state region [STATE_BASE, STATE_END) of a service that gets its
 * kept region (kernel/keep.c) is not mapped by elf_load (ELF_NO_STATE):
 * zeroing megabytes that keep_give throws away made restarts slow.
 * elf_state_holes then maps zero pages where the kept region has none.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H
#include <stdint.h>

struct elf_src {
    uint32_t *pgdir;        /* NULL: 'base' is a kernel address */
    uint32_t base;
    uint32_t size;
};

#define ELF_NO_STATE 1      /* elf_load flag: leave the state region unmapped */
int elf_load(uint32_t *pgdir, const struct elf_src *src, uint32_t *entry, int flags);
int elf_state_holes(uint32_t *pgdir, const struct elf_src *src);
/* Pages elf_load would allocate (segments and stack; page tables not
 * counted), or -ENOEXEC when the headers are bad. */
int elf_pages(const struct elf_src *src, uint32_t *pages);
#endif

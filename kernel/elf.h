/*
 * elf.h - load a static i386 ELF executable into an address space.
 *
 * The image is read through an elf_src: kernel memory (a boot module,
 * pgdir == NULL) or a range of a process's memory (RS's pristine copies),
 * which is read with checked copies.  elf_load validates the whole header
 * and every program header first (bounds, overflow, user range) and only
 * then allocates and copies; on failure the caller destroys the space.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H
#include <stdint.h>

struct elf_src {
    uint32_t *pgdir;        /* NULL: 'base' is a kernel address */
    uint32_t base;
    uint32_t size;
};

int elf_load(uint32_t *pgdir, const struct elf_src *src, uint32_t *entry);
#endif

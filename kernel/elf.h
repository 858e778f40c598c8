/*
 * elf.h - load a static i386 ELF executable into an address space.
 * elf_load validates the whole header and every program header first
 * (bounds, overflow, user range) and only then allocates and copies.
 */
#ifndef KERNEL_ELF_H
#define KERNEL_ELF_H
#include <stdint.h>
int elf_load(uint32_t *pgdir, const uint8_t *image, uint32_t size, uint32_t *entry);
#endif

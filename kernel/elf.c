/*
 * elf.c - ELF32 loader for boot modules (see elf.h).
 */
#include "kernel.h"
#include "mm.h"
#include "elf.h"

#define PT_LOAD 1
#define PF_W    2

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int check(const uint8_t *image, uint32_t size)
{
    const struct ehdr *e = (const void *)image;
    if (size < sizeof(*e) || memcmp(e->ident, "\177ELF", 4) != 0 ||
        e->ident[4] != 1 || e->type != 2 || e->machine != 3 ||
        e->phentsize != sizeof(struct phdr) || e->phnum == 0 || e->phnum > 16 ||
        e->phoff > size || size - e->phoff < e->phnum * sizeof(struct phdr))
        return -ENOEXEC;
    for (int i = 0; i < e->phnum; i++) {
        const struct phdr *ph = (const void *)(image + e->phoff + i * sizeof(*ph));
        if (ph->type != PT_LOAD)
            continue;
        if (ph->filesz > ph->memsz || ph->offset > size ||
            size - ph->offset < ph->filesz || ph->vaddr < USER_BASE ||
            ph->vaddr + ph->memsz < ph->vaddr ||
            ph->vaddr + ph->memsz > USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE)
            return -ENOEXEC;
    }
    return OK;
}

/* Map (if needed) and fill the pages of one segment. */
static int load_segment(uint32_t *pgdir, const uint8_t *image, const struct phdr *ph)
{
    uint32_t flags = PTE_U | ((ph->flags & PF_W) ? PTE_W : 0);
    for (uint32_t va = ph->vaddr & ~0xfffu; va < ph->vaddr + ph->memsz; va += PAGE_SIZE) {
        uint32_t *pte = as_pte(pgdir, va), page;
        if (pte && (*pte & PTE_P)) {
            *pte |= flags;
            page = *pte & ~0xfffu;
        } else {
            page = frame_alloc(&kframes);
            if (!page || as_map(pgdir, va, page, flags) != OK) {
                if (page) frame_free(&kframes, page);
                return -ENOMEM;
            }
            memset((void *)page, 0, PAGE_SIZE);
        }
        for (uint32_t b = 0; b < PAGE_SIZE; b++) {
            uint32_t a = va + b;
            if (a >= ph->vaddr && a < ph->vaddr + ph->filesz)
                ((uint8_t *)page)[b] = image[ph->offset + (a - ph->vaddr)];
        }
    }
    return OK;
}

int elf_load(uint32_t *pgdir, const uint8_t *image, uint32_t size, uint32_t *entry)
{
    const struct ehdr *e = (const void *)image;
    int r = check(image, size);
    if (r != OK)
        return r;
    for (int i = 0; i < e->phnum; i++) {
        const struct phdr *ph = (const void *)(image + e->phoff + i * sizeof(*ph));
        if (ph->type == PT_LOAD && (r = load_segment(pgdir, image, ph)) != OK)
            return r;
    }
    for (uint32_t va = USER_STACK_TOP - USER_STACK_SIZE; va < USER_STACK_TOP; va += PAGE_SIZE) {
        uint32_t page = frame_alloc(&kframes);
        if (!page || as_map(pgdir, va, page, PTE_U | PTE_W) != OK) {
            if (page) frame_free(&kframes, page);
            return -ENOMEM;
        }
        memset((void *)page, 0, PAGE_SIZE);
    }
    *entry = e->entry;
    return OK;
}

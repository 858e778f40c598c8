/*
 * elf.c - ELF32 loader (see elf.h).
 */
#include "kernel.h"
#include "mm.h"
#include "elf.h"

#define PT_LOAD   1
#define PF_W      2
#define MAX_PHDRS 16

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

/* Copy src[off, off+len) to dst (kernel memory); caller checked bounds. */
static int src_read(const struct elf_src *src, uint32_t off, void *dst, uint32_t len)
{
    if (!src->pgdir) {
        memcpy(dst, (const void *)(src->base + off), len);
        return OK;
    }
    return copy_from_user(src->pgdir, src->base + off, dst, len);
}

static int check_phdr(const struct phdr *ph, uint32_t size)
{
    if (ph->type != PT_LOAD)
        return OK;
    if (ph->filesz > ph->memsz || ph->offset > size ||
        size - ph->offset < ph->filesz || ph->vaddr < USER_BASE ||
        ph->vaddr + ph->memsz < ph->vaddr ||
        ph->vaddr + ph->memsz > USER_STACK_TOP - USER_STACK_SIZE - PAGE_SIZE)
        return -ENOEXEC;
    return OK;
}

static int read_headers(const struct elf_src *src, struct ehdr *e, struct phdr *ph)
{
    if (src->size < sizeof(*e) || src_read(src, 0, e, sizeof(*e)) != OK)
        return -ENOEXEC;
    if (memcmp(e->ident, "\177ELF", 4) != 0 || e->ident[4] != 1 || e->type != 2 ||
        e->machine != 3 || e->phentsize != sizeof(struct phdr) || e->phnum == 0 ||
        e->phnum > MAX_PHDRS || e->phoff > src->size ||
        src->size - e->phoff < e->phnum * sizeof(struct phdr))
        return -ENOEXEC;
    if (src_read(src, e->phoff, ph, e->phnum * sizeof(*ph)) != OK)
        return -ENOEXEC;
    for (int i = 0; i < e->phnum; i++)
        if (check_phdr(&ph[i], src->size) != OK)
            return -ENOEXEC;
    return OK;
}

/* The frame backing va, mapped with at least 'flags' (allocated zeroed). */
static uint32_t page_for(uint32_t *pgdir, uint32_t va, uint32_t flags)
{
    uint32_t *pte = as_pte(pgdir, va), page;
    if (pte && (*pte & PTE_P)) {
        *pte |= flags;
        return *pte & ~0xfffu;
    }
    page = frame_alloc(&kframes);
    if (!page)
        return 0;
    if (as_map(pgdir, va, page, flags) != OK) {
        frame_free(&kframes, page);
        return 0;
    }
    memset((void *)page, 0, PAGE_SIZE);
    return page;
}

static int in_state(uint32_t va)
{
    return va >= STATE_BASE && va < STATE_END;
}

/* Map and fill the pages of one segment.  which: 0 every page, ELF_NO_STATE
 * those outside the state region, -1 the state region's missing pages only
 * (never over a page that is there: that is kept state). */
static int load_segment(uint32_t *pgdir, const struct elf_src *src, const struct phdr *ph,
                        int which)
{
    uint32_t flags = PTE_U | ((ph->flags & PF_W) ? PTE_W : 0);
    uint32_t file_end = ph->vaddr + ph->filesz;
    if ((which == ELF_NO_STATE && in_state(ph->vaddr) && in_state(ph->vaddr + ph->memsz - 1)) ||
        (which < 0 && !in_state(ph->vaddr) && !in_state(ph->vaddr + ph->memsz - 1)))
        return OK;                      /* a segment wholly left out */
    for (uint32_t va = ph->vaddr & ~0xfffu; va < ph->vaddr + ph->memsz; va += PAGE_SIZE) {
        uint32_t *pte, page, lo, hi;
        if ((which == ELF_NO_STATE && in_state(va)) || (which < 0 && !in_state(va)))
            continue;
        if (which < 0 && (pte = as_pte(pgdir, va)) && (*pte & PTE_P)) {
            /* kept state: pass the present pages of this table at once */
            while (PTX(va) < 1023 && va + PAGE_SIZE < ph->vaddr + ph->memsz &&
                   in_state(va + PAGE_SIZE) && (pte[1] & PTE_P)) {
                pte++;
                va += PAGE_SIZE;
            }
            continue;
        }
        if (!(page = page_for(pgdir, va, flags)))
            return -ENOMEM;
        lo = va < ph->vaddr ? ph->vaddr : va;               /* file bytes in this page */
        hi = va + PAGE_SIZE < file_end ? va + PAGE_SIZE : file_end;
        if (lo < hi && src_read(src, ph->offset + (lo - ph->vaddr),
                                (void *)(page + (lo - va)), hi - lo) != OK)
            return -ENOEXEC;
    }
    return OK;
}

/* Every PT_LOAD segment through load_segment(which); *entry if asked. */
static int load_segments(uint32_t *pgdir, const struct elf_src *src, int which, uint32_t *entry)
{
    struct ehdr e;
    struct phdr ph[MAX_PHDRS];
    int r = read_headers(src, &e, ph);
    if (r != OK)
        return r;
    for (int i = 0; i < e.phnum; i++)
        if (ph[i].type == PT_LOAD && (r = load_segment(pgdir, src, &ph[i], which)) != OK)
            return r;
    if (entry)
        *entry = e.entry;
    return OK;
}

int elf_load(uint32_t *pgdir, const struct elf_src *src, uint32_t *entry, int flags)
{
    int r = load_segments(pgdir, src, flags & ELF_NO_STATE, entry);
    if (r != OK)
        return r;
    for (uint32_t va = USER_STACK_TOP - USER_STACK_SIZE; va < USER_STACK_TOP; va += PAGE_SIZE)
        if (!page_for(pgdir, va, PTE_U | PTE_W))
            return -ENOMEM;
    return OK;
}

int elf_state_holes(uint32_t *pgdir, const struct elf_src *src)
{
    return load_segments(pgdir, src, -1, 0);
}

int elf_pages(const struct elf_src *src, uint32_t *pages)
{
    struct ehdr e;
    struct phdr ph[MAX_PHDRS];
    uint32_t n = USER_STACK_SIZE / PAGE_SIZE;
    int r = read_headers(src, &e, ph);
    if (r != OK)
        return r;
    for (int i = 0; i < e.phnum; i++)
        if (ph[i].type == PT_LOAD && ph[i].memsz)
            n += ((ph[i].vaddr + ph[i].memsz - 1) >> 12) - (ph[i].vaddr >> 12) + 1;
    *pages = n;
    return OK;
}

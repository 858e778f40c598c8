/*
 * ident.c - a checked second copy of each live slot's identity: its page
 * directory, privilege, generation, supervisor and name.
 *
 * The checker kills a slot whose primary state is impossible
 * (check_proc.c, stab_kill).  Ending it goes through that state: the
 * death report names its endpoint and goes to its supervisor, its kept
 * state region is found by its privilege, its memory by its page
 * directory.  If random bytes filled the slot, all of that is garbage: the
 * report would go nowhere (RS would never restart the service) and the
 * service's kept state would be freed with a page directory that is not
 * its own.  So whoever sets these fields by right saves them here
 * (ident_save: a spawn, exec, fork, a new supervisor), proc_exit forgets
 * them, and stab_kill puts them back (ident_restore) before it ends the
 * slot.  A slot marked free while its copy says a process lives there
 * (ident_saved) is such a slot too: freeing it would lose the process.
 *
 * Invariants: a saved identity's checksum is right; it is that of the
 * slot's live process as last set by right.  ident_restore uses nothing
 * whose checksum is wrong, and takes the page directory back only if
 * its frame and every page table it names are still allocated (the frame
 * checker may have freed them as leaks while the slot was garbage).
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"

struct ident {
    uint32_t *pgdir;
    struct priv *priv;
    uint32_t gen;
    endpoint_t supervisor;
    char name[PC_LABEL];
    uint32_t sum;                   /* of the words above; 0: nothing saved */
};

static struct ident idents[NR_PROCS];

static uint32_t sum_of(const struct ident *id)
{
    const uint32_t *w = (const uint32_t *)id;
    uint32_t h = 0x811c9dc5u;
    for (uint32_t i = 0; i < offsetof(struct ident, sum) / 4; i++)
        h = (h ^ w[i]) * 0x01000193u;
    return h | 1;                   /* never 0 */
}

void ident_save(const struct proc *p)
{
    struct ident *id;
    if (!is_proc(p))
        return;
    id = &idents[p - proc_table];
    id->pgdir = p->pgdir;
    id->priv = p->priv;
    id->gen = p->gen;
    id->supervisor = p->supervisor;
    memcpy(id->name, p->name, sizeof(id->name));
    id->sum = sum_of(id);
}

void ident_clear(int slot)
{
    if (slot >= 0 && slot < NR_PROCS)
        memset(&idents[slot], 0, sizeof(idents[slot]));
}

static int allocated(uint32_t pa)
{
    uint32_t f = pa >> 12;
    return f < kframes.nframes && (kframes.bitmap[f / 32] >> (f % 32) & 1);
}

/* The directory and its user page tables are still the slot's to have. */
static int space_intact(const uint32_t *pd)
{
    if (!pd || ((uint32_t)pd & 0xfff) || (uint32_t)pd >= kernel_mem_top ||
        !allocated((uint32_t)pd))
        return 0;
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++)
        if ((pd[i] & PTE_P) && !allocated(pd[i] & ~0xfffu))
            return 0;
    return 1;
}

int ident_saved(int slot)
{
    return slot >= 0 && slot < NR_PROCS && idents[slot].sum &&
           idents[slot].sum == sum_of(&idents[slot]);
}

int ident_restore(struct proc *p)
{
    const struct ident *id = &idents[p - proc_table];
    int slot = (int)(p - proc_table);
    if (!id->sum || id->sum != sum_of(id) || !is_priv(id->priv) ||
        id->gen == 0 || id->gen > EP_GEN_MAX)
        return 0;
    p->slot = slot;
    p->priv = id->priv;
    p->gen = id->gen;
    p->endpoint = ENDPOINT(id->gen, slot);
    p->supervisor = id->supervisor;
    memcpy(p->name, id->name, sizeof(p->name));
    p->name[sizeof(p->name) - 1] = '\0';
    p->pgdir = space_intact(id->pgdir) ? (uint32_t *)id->pgdir : 0;   /* 0: a new one */
    return 1;
}

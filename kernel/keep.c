/*
 * keep.c - a service's state region, kept across its restart.
 *
 * A service puts what must outlive its own failure in its state region,
 * user addresses [STATE_BASE, STATE_END) (the .state section of user.ld;
 * the loader maps zero pages there like .bss).  When a service process
 * ends, keep_take moves the page tables of that range out of its address
 * space into kept[] (a slot per label) instead of freeing them.  When the
 * label is spawned again, keep_give puts them into the new address space
 * in place of the zero pages the loader mapped; a spawn that asks for a
 * fresh start (SPAWN_FRESH) frees them first (keep_drop).  The new instance
 * learns from GI_STATE how many pages it inherited (and when its
 * predecessor ended, to time its own recovery) and validates them
 * before any use (docs/recovery.md): the kernel keeps the memory, never
 * vouches for its contents.
 *
 * A new instance also takes over what its predecessor supervised: the
 * processes whose supervisor it was and their death reports not yet
 * collected (ksig_rehome), so a restarted PM learns of the deaths that
 * happened while it was gone.
 *
 * Invariants: a kept page table and its pages belong to nothing else;
 * the frame checker claims them like a live process's (keep_claim) and
 * drops or cuts whatever it cannot claim, so a corrupted entry costs the
 * service its state, never a frame shared with someone else.  Moving
 * tables between a slot and an address space restarts a frame sweep in
 * progress (frames_sweep_abort): the move allocates nothing, so the
 * sweep could not tell it from a leak.  Ordinary
 * user processes (USER_PRIV) keep nothing.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"

#define STATE_PDES ((STATE_END - STATE_BASE) >> 22)

static uint32_t kept[NR_PRIVS][STATE_PDES];     /* PDE values, 0 = none */
static endpoint_t left_by[NR_PRIVS];            /* the label's last ended instance */
static uint64_t ended_us[NR_PRIVS];             /* when it ended (tsc_usec), 0 = never */

static int keeps_priv(const struct priv *pv)
{
    return is_priv(pv) && pv != &priv_table[USER_PRIV];
}

static int keeps(const struct proc *p)
{
    return keeps_priv(p->priv);
}

/* The slot of p's label: indexed by the privilege's place in the table,
 * never by its (corruptible) id field. */
static uint32_t *slot_of(const struct priv *pv)
{
    return kept[pv - priv_table];
}

/* p is ending: its state region's page tables move to kept[]. */
void keep_take(struct proc *p)
{
    uint32_t *slot;
    if (!keeps(p))
        return;
    ended_us[p->priv - priv_table] = tsc_usec();
    if (!p->pgdir)
        return;
    left_by[p->priv - priv_table] = p->endpoint;
    slot = slot_of(p->priv);
    for (uint32_t i = 0; i < STATE_PDES; i++) {
        uint32_t *pde = &p->pgdir[PDX(STATE_BASE) + i];
        if (slot[i] & PTE_P)
            as_free_table(slot[i]);     /* an older generation: replaced */
        slot[i] = *pde & PTE_P ? *pde : 0;
        *pde = 0;
    }
    as_changed();
    frames_sweep_abort();
}

/* p was just loaded for its label: it gets the kept region in place of
 * the loader's zero pages, and its predecessor's children.  Returns the
 * pages p inherited. */
uint32_t keep_give(struct proc *p)
{
    uint32_t *slot, pages = 0;
    if (!keeps(p))
        return 0;
    if (left_by[p->priv - priv_table] != 0) {
        ksig_rehome(left_by[p->priv - priv_table], p->endpoint);
        left_by[p->priv - priv_table] = 0;
    }
    slot = slot_of(p->priv);
    for (uint32_t i = 0; i < STATE_PDES; i++) {
        uint32_t *pde = &p->pgdir[PDX(STATE_BASE) + i];
        if (!(slot[i] & PTE_P))
            continue;
        if (*pde & PTE_P)
            as_free_table(*pde);
        *pde = slot[i];
        pages += as_table_pages(slot[i]);
        slot[i] = 0;
    }
    as_changed();
    frames_sweep_abort();
    return pages;
}

/* When pv's label last ended (tsc_usec), 0 if it never did: a new
 * instance times its own recovery from it (GI_STATE). */
uint64_t keep_ended(const struct priv *pv)
{
    return keeps_priv(pv) ? ended_us[pv - priv_table] : 0;
}

int keep_has(const struct priv *pv)
{
    const uint32_t *slot = slot_of(pv);
    if (pv == &priv_table[USER_PRIV])
        return 0;
    for (uint32_t i = 0; i < STATE_PDES; i++)
        if (slot[i] & PTE_P)
            return 1;
    return 0;
}

/* A fresh start for pv's label (SPAWN_FRESH): free what is kept. */
void keep_drop(const struct priv *pv)
{
    uint32_t *slot = slot_of(pv);
    for (uint32_t i = 0; i < STATE_PDES; i++)
        if (slot[i] & PTE_P) {
            as_free_table(slot[i]);
            slot[i] = 0;
        }
    frames_sweep_abort();
}

/* Frame checker: claim the frames kept for label id through claim()
 * (0 = claimed); a table that cannot be claimed is forgotten, a page cut
 * out.  Returns the number of repairs. */
int keep_claim(int id, int (*claim)(uint32_t pa))
{
    int n = 0;
    for (uint32_t i = 0; i < STATE_PDES; i++) {
        uint32_t *pt;
        if (!kept[id][i])
            continue;
        if (!(kept[id][i] & PTE_P) || claim(kept[id][i] & ~0xfffu) != 0) {
            stab_repair(SC_FRAME, "kept state of %s: page table 0x%08x dropped",
                        priv_table[id].label, kept[id][i] & ~0xfffu);
            kept[id][i] = 0;
            n++;
            continue;
        }
        pt = (uint32_t *)(kept[id][i] & ~0xfffu);
        for (int j = 0; j < 1024; j++) {
            if (!(pt[j] & PTE_P) || (pt[j] & PTE_DEVICE) || claim(pt[j] & ~0xfffu) == 0)
                continue;
            stab_repair(SC_FRAME, "kept state of %s: page 0x%08x cut out",
                        priv_table[id].label, pt[j] & ~0xfffu);
            pt[j] = 0;
            n++;
        }
    }
    return n;
}

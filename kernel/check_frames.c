/*
 * check_frames.c - frame ownership against the page tables.
 *
 * Primary state: the page directories and page tables of the live
 * processes, and the frames reserved at boot (low memory, the kernel,
 * the boot modules, holes), copied once into boot_used before the first
 * process exists and guarded by an inverted copy (boot_inv, compared
 * every sweep) and a CRC (which of the two is right when they differ).  Derived state: the allocator's
 * bitmap and free count.
 *
 * A sweep claims every frame an address space owns (its directory, its
 * page tables, its pages except device mappings), and the state regions
 * kept for services that are restarting (keep.c).  A frame that is not a
 * frame a process may own (outside memory, reserved at boot: a mapping of
 * the kernel) or that is owned twice is cut out of the second owner's
 * tables without being freed (a shared directory: the process gets an
 * empty one and is killed).  Then the bitmap is recomputed as
 * boot_used | owned: a used frame nobody owns (a leak) is freed, an owned
 * frame marked free is taken back.
 *
 * Only called where no kernel operation is half done: the clock path
 * (interrupts reach the kernel only from user mode or the idle loop) and
 * recovery (which abandons the interrupted operation, so what it had
 * allocated is indeed a leak).  Loops are bounded by the table sizes.
 */
#include "kernel.h"
#include "proc.h"
#include "mm.h"
#include "stabilize.h"
#include "../lib/common/crc32.h"

#define WORDS (KERNEL_LIMIT / PAGE_SIZE / 32)

static uint32_t boot_used[WORDS], boot_inv[WORDS];    /* boot_inv = ~boot_used */
static uint32_t boot_crc;
static uint32_t owned[WORDS];
static uint32_t nwords;

static int bit(const uint32_t *m, uint32_t f)
{
    return (m[f / 32] >> (f % 32)) & 1;
}

void frames_snapshot(void)
{
    nwords = kframes.nframes / 32 <= WORDS ? kframes.nframes / 32 : WORDS;
    memcpy(boot_used, kframes.bitmap, nwords * 4);
    for (uint32_t w = 0; w < nwords; w++)
        boot_inv[w] = ~boot_used[w];
    boot_crc = crc32_update(0, boot_used, nwords * 4);
}

/* Is the boot frame map intact (repaired from its other copy if one of
 * the two went bad)? */
static int boot_map_ok(void)
{
    uint32_t w = 0;
    while (w < nwords && boot_used[w] == ~boot_inv[w])
        w++;
    if (w == nwords)
        return 1;
    if (crc32_update(0, boot_used, nwords * 4) == boot_crc) {
        for (w = 0; w < nwords; w++)
            boot_inv[w] = ~boot_used[w];
        stab_repair(SC_FRAME, "the inverted copy of the boot frame map was rewritten");
        return 1;
    }
    for (w = 0; w < nwords; w++)
        boot_used[w] = ~boot_inv[w];
    if (crc32_update(0, boot_used, nwords * 4) == boot_crc) {
        stab_repair(SC_FRAME, "the boot frame map was restored from its inverted copy");
        return 1;
    }
    return 0;
}

static uint32_t ones(uint32_t x)
{
    return x == 0 ? 0 : x == ~0u ? 32 : (uint32_t)__builtin_popcount(x);
}

/* Claim the frame at pa: 0, or -1 if no process may own it, -2 if
 * somebody already does. */
static int claim(uint32_t pa)
{
    uint32_t f = pa >> 12;
    if (f == 0 || f >= nwords * 32 || bit(boot_used, f))
        return -1;
    if (bit(owned, f))
        return -2;
    owned[f / 32] |= 1u << (f % 32);
    return 0;
}

/* Claim what one page table maps; cut out what p may not own. */
static int claim_table(struct proc *p, uint32_t *pt, uint32_t pdx)
{
    int n = 0;
    for (uint32_t j = 0; j < 1024; j++) {
        if (!(pt[j] & PTE_P) || (pt[j] & PTE_DEVICE) || claim(pt[j] & ~0xfffu) == 0)
            continue;
        stab_repair(SC_FRAME, "%s: page 0x%08x maps frame 0x%08x it may not own; unmapped",
                    p->name, (pdx << 22) | (j << 12), pt[j] & ~0xfffu);
        pt[j] = 0;
        n++;
    }
    return n;
}

static int claim_space(struct proc *p)
{
    int n = 0;
    if (claim((uint32_t)p->pgdir) != 0) {
        stab_repair(SC_FRAME, "%s: page directory 0x%08x is not its own", p->name,
                    (uint32_t)p->pgdir);
        p->pgdir = as_create();
        stab_repair(SC_KILLED, "%s (slot %d): no address space; killed", p->name, p->slot);
        if (p->pgdir)
            proc_exit(p, KSIG_KILLED, 0);
        else
            p->flags = P_FREE;
        return 1;
    }
    for (uint32_t i = PDX(USER_BASE); i < 1024; i++) {
        uint32_t pde = p->pgdir[i];
        if (!(pde & PTE_P))
            continue;
        if (claim(pde & ~0xfffu) != 0) {
            stab_repair(SC_FRAME, "%s: page table 0x%08x is not its own; unmapped",
                        p->name, pde & ~0xfffu);
            p->pgdir[i] = 0;
            n++;
            continue;
        }
        n += claim_table(p, (uint32_t *)(pde & ~0xfffu), i);
    }
    return n;
}

/* The bitmap and free count from boot_used | owned. */
static int rebuild(void)
{
    uint32_t leaked = 0, taken = 0, nfree = 0;
    for (uint32_t w = 0; w < nwords; w++) {
        uint32_t want = boot_used[w] | owned[w], have = kframes.bitmap[w];
        if (want != have) {
            leaked += ones(have & ~want);
            taken += ones(want & ~have);
            kframes.bitmap[w] = want;
        }
        nfree += 32 - ones(want);
    }
    if (leaked || taken || kframes.nfree != nfree)
        stab_repair(SC_FRAME, "allocator: %u leaked frames freed, %u owned frames taken, "
                    "free count %u -> %u", leaked, taken, kframes.nfree, nfree);
    kframes.nfree = nfree;
    if (kframes.hint >= kframes.nframes)
        kframes.hint = 0;
    return leaked || taken;
}

int check_frames(void)
{
    int n = 0;
    if (!stab_on(STAB_CHECK) || !nwords)
        return 0;
    if (!boot_map_ok()) {
        stab_repair(SC_FRAME, "the boot frame map is corrupted: ownership not checked");
        return 1;
    }
    memset(owned, 0, nwords * 4);
    for (int i = 0; i < NR_PROCS; i++) {
        struct proc *p = &proc_table[i];
        if (!(p->flags & P_FREE) && p->pgdir && !((uint32_t)p->pgdir & 0xfff))
            n += claim_space(p);
    }
    n += keep_claim(claim);
    n += rebuild();
    if (n)
        write_cr3(read_cr3());          /* no stale translation of a cut mapping */
    return n;
}

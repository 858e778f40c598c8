/*
 * check_frames.c - frame ownership against the page tables.
 *
 * Primary state: the page directories and page tables of the live
 * processes, and the frames reserved at boot (low memory, the kernel,
 * the boot modules, holes), copied once into boot_used before the first
 * process exists and guarded by an inverted copy (boot_inv, compared
 * every sweep) and a CRC (which of the two is right when they differ).
 * Derived state: the allocator's bitmap and free count.
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
 * On the clock path the sweep runs in slices of at most SLICE_TABLES page
 * tables (one tick each, so no slice keeps interrupts off for long), and
 * processes run between them.  What they do meanwhile is told apart from
 * damage by the allocator's touched map: a frame allocated or freed since
 * the sweep began may look leaked or owned twice, so it is neither freed,
 * taken nor cut out; the next sweep judges it.  Tables moved without an
 * allocation (keep.c) abort the sweep (frames_sweep_abort).  A process
 * that ends between two slices of its own is left where it was: all it
 * had was freed and all its successor has was allocated during the sweep.
 * kframes.touched is the touched map exactly while a sweep runs (set
 * again on every slice).  Recovery runs a whole sweep at once
 * (check_frames).
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
static uint32_t owned[WORDS], touched[WORDS];
static uint32_t nwords;

#define SLICE_TABLES 1

/* The sweep in progress: which process (or kept slot, after the last
 * process) and which directory entry comes next. */
static struct {
    int running;
    int slot;                   /* 0..NR_PROCS-1: processes; then kept slots */
    endpoint_t ep;              /* the process being swept */
    uint32_t pdx;               /* next directory entry of that process */
    int repairs;
} sweep;

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
 * somebody already does (not said of a frame that changed hands during
 * the sweep). */
static inline int claim_frame(uint32_t pa)
{
    uint32_t f = pa >> 12, w = f / 32, b = 1u << (f % 32);
    if (f == 0 || f >= nwords * 32 || (boot_used[w] & b))
        return -1;
    if (owned[w] & b & ~touched[w])
        return -2;
    owned[w] |= b;
    return 0;
}

static int claim(uint32_t pa)
{
    return claim_frame(pa);
}

/* Claim what one page table maps; cut out what p may not own. */
static int claim_table(struct proc *p, uint32_t *pt, uint32_t pdx)
{
    int n = 0;
    for (uint32_t j = 0; j < 1024; j++) {
        if ((pt[j] & (PTE_P | PTE_DEVICE)) != PTE_P || claim_frame(pt[j] & ~0xfffu) == 0)
            continue;
        stab_repair(SC_FRAME, "%s: page 0x%08x maps frame 0x%08x it may not own; unmapped",
                    p->name, (pdx << 22) | (j << 12), pt[j] & ~0xfffu);
        pt[j] = 0;
        n++;
    }
    return n;
}

/* Claim p's directory (if pdx is where user space starts) and its page
 * tables from entry pdx on, at most *budget of them.  Returns the next
 * entry to do, 1024 when p is done. */
static uint32_t claim_space(struct proc *p, uint32_t pdx, int *budget)
{
    if (pdx == PDX(USER_BASE) && claim((uint32_t)p->pgdir) != 0) {
        stab_repair(SC_FRAME, "%s: page directory 0x%08x is not its own", p->name,
                    (uint32_t)p->pgdir);
        p->pgdir = as_create();
        ident_save(p);                  /* the shared one is not its own: never put back */
        stab_repair(SC_KILLED, "%s (slot %d): no address space; killed", p->name, p->slot);
        if (p->pgdir)
            proc_exit(p, KSIG_KILLED, 0);
        else {
            p->flags = P_FREE;
            ident_clear((int)(p - proc_table));
        }
        sweep.repairs++;
        return 1024;
    }
    for (; pdx < 1024 && *budget > 0; pdx++) {
        uint32_t pde = p->pgdir[pdx];
        if (!(pde & PTE_P))
            continue;
        --*budget;
        if (claim(pde & ~0xfffu) != 0) {
            stab_repair(SC_FRAME, "%s: page table 0x%08x is not its own; unmapped",
                        p->name, pde & ~0xfffu);
            p->pgdir[pdx] = 0;
            sweep.repairs++;
            continue;
        }
        sweep.repairs += claim_table(p, (uint32_t *)(pde & ~0xfffu), pdx);
    }
    return pdx;
}

/* The bitmap and free count from boot_used | owned, except for the
 * frames that changed hands during the sweep (as the allocator says). */
static int rebuild(void)
{
    uint32_t leaked = 0, taken = 0, nfree = 0;
    for (uint32_t w = 0; w < nwords; w++) {
        uint32_t have = kframes.bitmap[w];
        uint32_t want = ((boot_used[w] | owned[w]) & ~touched[w]) | (have & touched[w]);
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

static void begin(void)
{
    memset(owned, 0, nwords * 4);
    memset(touched, 0, nwords * 4);
    kframes.touched = touched;
    sweep.running = 1;
    sweep.slot = 0;
    sweep.pdx = 1024;
    sweep.repairs = 0;
}

void frames_sweep_abort(void)
{
    if (sweep.running)
        begin();
}

static int sweepable(const struct proc *p)
{
    return !(p->flags & P_FREE) && p->pgdir && !((uint32_t)p->pgdir & 0xfff);
}

/* Move the sweep on by at most budget page tables (or kept slots).
 * Returns 1 when the sweep is done. */
static int advance(int budget)
{
    while (sweep.slot < NR_PROCS && budget > 0) {
        struct proc *p = &proc_table[sweep.slot];
        if (sweep.pdx == 1024 && sweepable(p)) {
            sweep.ep = p->endpoint;
            sweep.pdx = PDX(USER_BASE);
        }
        if (sweep.pdx != 1024 && sweepable(p) && p->endpoint == sweep.ep)
            sweep.pdx = claim_space(p, sweep.pdx, &budget);
        else
            sweep.pdx = 1024;
        if (sweep.pdx == 1024)
            sweep.slot++;
    }
    while (sweep.slot >= NR_PROCS && sweep.slot < NR_PROCS + NR_PRIVS && budget-- > 0)
        sweep.repairs += keep_claim(sweep.slot++ - NR_PROCS, claim);
    return sweep.slot >= NR_PROCS + NR_PRIVS;
}

/* The sweep's end: the allocator from what was claimed. */
static int finish(void)
{
    int n = sweep.repairs;
    n += rebuild();
    kframes.touched = 0;
    sweep.running = 0;
    return n;
}

int check_frames_slice(int start)
{
    int n = 0;
    kframes.touched = sweep.running ? touched : 0;
    if (!stab_on(STAB_CHECK) || !nwords || (!sweep.running && !start))
        return 0;
    if (!sweep.running) {
        if (!boot_map_ok()) {
            stab_repair(SC_FRAME, "the boot frame map is corrupted: ownership not checked");
            return 1;
        }
        begin();
    }
    n = sweep.repairs;
    if (advance(SLICE_TABLES))
        n = finish();
    else
        n = sweep.repairs - n;
    if (n)
        write_cr3(read_cr3());          /* no stale translation of a cut mapping */
    return n;
}

int check_frames(void)
{
    int n;
    if (!stab_on(STAB_CHECK) || !nwords)
        return 0;
    if (!boot_map_ok()) {
        stab_repair(SC_FRAME, "the boot frame map is corrupted: ownership not checked");
        return 1;
    }
    begin();
    advance(1 << 30);
    n = finish();
    if (n)
        write_cr3(read_cr3());
    return n;
}

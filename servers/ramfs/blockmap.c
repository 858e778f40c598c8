/*
 * blockmap.c - the block pool and which file block each pool block is.
 * bmap_get(ino, idx) finds block idx of inode ino in O(1): an open-
 * addressing hash table (linear probing, backward-shift deletion) of
 * block numbers, twice as many slots as blocks, keyed by owner[] of the
 * block it holds.  Free blocks form a chain through next_free[].
 * Invariants: a block is either free (owner NO_KEY, on the free chain)
 * or owned by exactly one (ino, idx) and in exactly one slot; between a
 * slot's home position and the slot itself no slot is empty.  Every
 * probe loop is bounded by the table size.  The metadata lives outside
 * the pool, so a file of n blocks takes exactly n blocks of it.
 */
#include "ramfs.h"

#define HBITS   13
#define HSIZE   (1u << HBITS)
#define HMASK   (HSIZE - 1)
#define NO_KEY  0xffffffffu

_Static_assert(HSIZE == 2 * RAMFS_NBLOCKS, "the table is at most half full");
_Static_assert((uint64_t)(RAMFS_NINODES + 1) * RAMFS_NBLOCKS < NO_KEY, "keys fit");

/* all of it kept across a restart (ramfs.h) */
static uint8_t pool[RAMFS_NBLOCKS][RAMFS_BLOCK] STATE;
static uint32_t owner[RAMFS_NBLOCKS] STATE;
static uint16_t next_free[RAMFS_NBLOCKS] STATE;
static uint16_t slot[HSIZE] STATE;
static uint16_t free_head STATE;
static uint32_t nfree STATE;

static uint32_t key(uint32_t ino, uint32_t idx)
{
    return ino * RAMFS_NBLOCKS + idx;
}

static uint32_t home(uint32_t k)
{
    return (k * 2654435761u) >> (32 - HBITS);
}

/* The slot holding key k, or the empty slot where it would go. */
static uint32_t find(uint32_t k)
{
    uint32_t h = home(k);
    for (uint32_t n = 0; n < HSIZE && slot[h] < RAMFS_NBLOCKS && owner[slot[h]] != k; n++)
        h = (h + 1) & HMASK;
    return h;
}

/* Empty slot i, moving later entries of its run back so none is cut off
 * from its home. */
static void slot_clear(uint32_t i)
{
    uint32_t j = i;
    for (uint32_t n = 0; n < HSIZE; n++) {
        uint32_t k;
        j = (j + 1) & HMASK;
        if (slot[j] >= RAMFS_NBLOCKS)
            break;
        k = home(owner[slot[j]]);
        if (j > i ? (k <= i || k > j) : (k <= i && k > j)) {
            slot[i] = slot[j];
            i = j;
        }
    }
    slot[i] = NO_BLOCK;
}

void blocks_init(void)
{
    for (uint32_t i = 0; i < RAMFS_NBLOCKS; i++) {
        next_free[i] = i + 1 < RAMFS_NBLOCKS ? (uint16_t)(i + 1) : NO_BLOCK;
        owner[i] = NO_KEY;
    }
    for (uint32_t i = 0; i < HSIZE; i++)
        slot[i] = NO_BLOCK;
    free_head = 0;
    nfree = RAMFS_NBLOCKS;
}

uint32_t blocks_free(void)
{
    return nfree;
}

uint8_t *bmap_get(uint32_t ino, uint32_t idx)
{
    uint32_t k = key(ino, idx);
    uint16_t b = idx < RAMFS_NBLOCKS ? slot[find(k)] : NO_BLOCK;
    return b < RAMFS_NBLOCKS && owner[b] == k ? pool[b] : 0;
}

uint8_t *bmap_add(uint32_t ino, uint32_t idx)
{
    uint32_t k = key(ino, idx), h = find(k);
    uint16_t b = free_head;
    if (idx >= RAMFS_NBLOCKS || b >= RAMFS_NBLOCKS || slot[h] < RAMFS_NBLOCKS)
        return 0;
    free_head = next_free[b];
    nfree--;
    owner[b] = k;
    slot[h] = b;
    return pool[b];
}

void bmap_drop(uint32_t ino, uint32_t idx)
{
    uint32_t h = find(key(ino, idx));
    uint16_t b = slot[h];
    if (idx >= RAMFS_NBLOCKS || b >= RAMFS_NBLOCKS)
        return;
    slot_clear(h);
    owner[b] = NO_KEY;
    next_free[b] = free_head;
    free_head = b;
    nfree++;
}

/* The invariants above, on tables inherited from a previous instance
 * (the inode table checked first): NULL when they hold, else what is
 * wrong.  Bounded: the free chain by seen[], every loop by a table size. */
const char *bmap_check(void)
{
    static uint8_t seen[RAMFS_NBLOCKS];
    uint32_t nf = 0, used = 0, inslots = 0;
    memset(seen, 0, sizeof(seen));
    for (uint32_t b = free_head; b != NO_BLOCK; b = next_free[b]) {
        if (b >= RAMFS_NBLOCKS || seen[b] || owner[b] != NO_KEY)
            return "a broken free chain";
        seen[b] = 1;
        nf++;
    }
    if (nf != nfree)
        return "a wrong free count";
    for (uint32_t b = 0; b < RAMFS_NBLOCKS; b++) {
        const struct inode *ip;
        if (seen[b])
            continue;
        ip = owner[b] == NO_KEY ? 0 : inode_peek(owner[b] / RAMFS_NBLOCKS);
        if (!ip || owner[b] % RAMFS_NBLOCKS >= ip->nblocks)
            return "a block of no file";
        if (slot[find(owner[b])] != b)
            return "a block the hash table cannot find";
        used++;
    }
    for (uint32_t i = 0; i < HSIZE; i++) {
        if (slot[i] == NO_BLOCK)
            continue;
        if (slot[i] >= RAMFS_NBLOCKS || seen[slot[i]])
            return "a hash slot of no used block";
        inslots++;
    }
    return inslots == used ? 0 : "a block in two hash slots";
}

/* Repair: owner[] is the primary record; the free chain, the free count
 * and the hash table are rebuilt from it.  A block owned by no file (or
 * past its end, or a second block for one key) is freed.  The number of
 * blocks freed. */
int bmap_rebuild(void)
{
    int dropped = 0;
    for (uint32_t i = 0; i < HSIZE; i++)
        slot[i] = NO_BLOCK;
    free_head = NO_BLOCK;
    nfree = 0;
    for (uint32_t n = RAMFS_NBLOCKS; n-- > 0;) {
        uint32_t k = owner[n];
        const struct inode *ip = k == NO_KEY ? 0 : inode_peek(k / RAMFS_NBLOCKS);
        if (k != NO_KEY && (!ip || k % RAMFS_NBLOCKS >= ip->nblocks ||
                            slot[find(k)] < RAMFS_NBLOCKS)) {
            owner[n] = NO_KEY;
            dropped++;
        }
        if (owner[n] == NO_KEY) {
            next_free[n] = free_head;
            free_head = (uint16_t)n;
            nfree++;
        } else {
            slot[find(k)] = (uint16_t)n;
        }
    }
    return dropped;
}

/* service fi ramfs corrupt: one used block falls out of the hash table
 * (its file would read a hole there until the check repairs it). */
void bmap_corrupt(void)
{
    uint32_t from = sys_uptime();
    for (uint32_t n = 0; n < HSIZE; n++) {
        uint32_t i = (from + n) & HMASK;
        if (slot[i] < RAMFS_NBLOCKS) {
            printf("ramfs: corrupt: block %u dropped from the block map\n", slot[i]);
            slot[i] = NO_BLOCK;
            return;
        }
    }
    printf("ramfs: corrupt: no block in use\n");
}

/*
 * frames.h - the physical frame allocator: one bit per 4 KiB frame.
 *
 * Pure logic (no kernel dependencies) so host unit tests can exercise it.
 * Invariants: a set bit means "in use or not RAM"; nfree equals the number
 * of clear bits; frame 0 is never handed out (0 means "none"); frame_free
 * of a frame that is free, unaligned or out of range is refused (returns
 * -1) and changes nothing.  While touched is set, every frame handed out
 * or freed is marked there (the frame checker's sweep in slices).  The bitmap cannot tell "allocated" from "not
 * RAM", so callers free only what frame_alloc gave them.
 */
#ifndef KERNEL_FRAMES_H
#define KERNEL_FRAMES_H

#include <stdint.h>

struct frame_pool {
    uint32_t *bitmap;
    uint32_t nframes;
    uint32_t nfree;
    uint32_t hint;          /* where the next search starts */
    uint32_t *touched;      /* if set: a bit per frame allocated or freed */
};

void frames_init(struct frame_pool *fp, uint32_t *bitmap, uint32_t nframes);
void frames_release_range(struct frame_pool *fp, uint64_t base, uint64_t len);
void frames_reserve_range(struct frame_pool *fp, uint64_t base, uint64_t len);
uint32_t frame_alloc(struct frame_pool *fp);            /* 0 when none */
int frame_free(struct frame_pool *fp, uint32_t addr);

#endif

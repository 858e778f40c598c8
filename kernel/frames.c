/*
 * frames.c - bitmap allocator of 4 KiB physical frames (see frames.h).
 */
#include "frames.h"

#define FRAME_SHIFT 12

static int test(const struct frame_pool *fp, uint32_t f)
{
    return (fp->bitmap[f / 32] >> (f % 32)) & 1;
}

static void mark(struct frame_pool *fp, uint32_t f)
{
    if (fp->touched)
        fp->touched[f / 32] |= 1u << (f % 32);
}

static void set(struct frame_pool *fp, uint32_t f)
{
    if (!test(fp, f)) {
        fp->bitmap[f / 32] |= 1u << (f % 32);
        fp->nfree--;
    }
}

static void clear(struct frame_pool *fp, uint32_t f)
{
    if (test(fp, f)) {
        fp->bitmap[f / 32] &= ~(1u << (f % 32));
        fp->nfree++;
    }
}

void frames_init(struct frame_pool *fp, uint32_t *bitmap, uint32_t nframes)
{
    fp->bitmap = bitmap;
    fp->nframes = nframes;
    fp->nfree = 0;
    fp->hint = 0;
    fp->touched = 0;
    for (uint32_t i = 0; i < (nframes + 31) / 32; i++)
        bitmap[i] = 0xffffffffu;
}

/* Mark the whole frames inside [base, base+len) as free RAM. */
void frames_release_range(struct frame_pool *fp, uint64_t base, uint64_t len)
{
    uint64_t first = (base + 0xfff) >> FRAME_SHIFT;
    uint64_t end = (base + len) >> FRAME_SHIFT;
    for (uint64_t f = first; f < end && f < fp->nframes; f++)
        clear(fp, (uint32_t)f);
}

/* Mark every frame touching [base, base+len) as in use. */
void frames_reserve_range(struct frame_pool *fp, uint64_t base, uint64_t len)
{
    uint64_t first = base >> FRAME_SHIFT;
    uint64_t end = (base + len + 0xfff) >> FRAME_SHIFT;
    for (uint64_t f = first; f < end && f < fp->nframes; f++)
        set(fp, (uint32_t)f);
}

uint32_t frame_alloc(struct frame_pool *fp)
{
    for (uint32_t n = 0; n < fp->nframes; n++) {
        uint32_t f = (fp->hint + n) % fp->nframes;
        if (f % 32 == 0 && f + 32 <= fp->nframes && fp->bitmap[f / 32] == 0xffffffffu) {
            n += 31;                    /* a whole word in use: skip it */
            continue;
        }
        if (f != 0 && !test(fp, f)) {   /* frame 0 would read as "none" */
            set(fp, f);
            mark(fp, f);
            fp->hint = f + 1;
            return f << FRAME_SHIFT;
        }
    }
    return 0;
}

int frame_free(struct frame_pool *fp, uint32_t addr)
{
    uint32_t f = addr >> FRAME_SHIFT;
    if ((addr & 0xfff) || f == 0 || f >= fp->nframes || !test(fp, f))
        return -1;
    clear(fp, f);
    mark(fp, f);
    if (f < fp->hint)
        fp->hint = f;
    return 0;
}

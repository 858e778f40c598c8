/*
 * frames_alloc.c - host tests of the physical frame allocator
 * (kernel/frames.c): init, releasing and reserving byte ranges (partial
 * frames at the edges), alloc/free, refusals, the nfree == clear-bits
 * invariant, and the search skipping full bitmap words.
 */
#include <stdint.h>
#include <string.h>

#include "frames.h"
#include "tap.h"

#define PAGE 0x1000u
#define MAXF 1024

static uint32_t bitmap[MAXF / 32];
static struct frame_pool fp;

static int used(uint32_t f)
{
    return (bitmap[f / 32] >> (f % 32)) & 1;
}

/* Clear bits among the pool's frames. */
static uint32_t count_clear(void)
{
    uint32_t n = 0;
    for (uint32_t f = 0; f < fp.nframes; f++)
        n += !used(f);
    return n;
}

/* Bits past nframes in the last word must stay set (never allocatable). */
static int tail_bits_set(void)
{
    for (uint32_t f = fp.nframes; f < (fp.nframes + 31) / 32 * 32; f++)
        if (!used(f))
            return 0;
    return 1;
}

static void init(uint32_t nframes)
{
    memset(bitmap, 0x5a, sizeof(bitmap));
    frames_init(&fp, bitmap, nframes);
}

/* The frames [lo, hi) are exactly the free ones. */
static int free_set_is(uint32_t lo, uint32_t hi)
{
    for (uint32_t f = 0; f < fp.nframes; f++)
        if (used(f) != (f < lo || f >= hi))
            return 0;
    return 1;
}

static void test_init(void)
{
    init(100);
    is_int(fp.nframes, 100, "init: nframes");
    is_int(fp.nfree, 0, "init: nfree is 0");
    is_int(count_clear(), 0, "init: every frame is marked used");
    ok(tail_bits_set(), "init: bits past nframes are set");
    is_int(frame_alloc(&fp), 0, "init: alloc on an empty pool returns 0");
}

static void test_release(void)
{
    init(100);
    frames_release_range(&fp, 0x1800, 0x2000);
    is_int(fp.nfree, 1, "release [0x1800, 0x3800): one whole frame");
    ok(free_set_is(2, 3), "release [0x1800, 0x3800): only frame 2 is free");

    init(100);
    frames_release_range(&fp, 0x10000, 0x4000);
    ok(fp.nfree == 4 && free_set_is(16, 20), "release an aligned range: frames 16..19");

    init(100);
    frames_release_range(&fp, 0x5000, 0xfff);
    is_int(fp.nfree, 0, "release of less than one frame releases nothing");
    frames_release_range(&fp, 0x5001, 0x1000);
    is_int(fp.nfree, 0, "release of one frame's length, unaligned, releases nothing");
    frames_release_range(&fp, 0x5000, 0);
    is_int(fp.nfree, 0, "release of length 0 releases nothing");
    frames_release_range(&fp, 0x5000, 0x1fff);
    ok(fp.nfree == 1 && free_set_is(5, 6), "release [0x5000, 0x6fff): only frame 5");

    init(100);
    frames_release_range(&fp, 98 * PAGE, 10 * PAGE);
    ok(fp.nfree == 2 && free_set_is(98, 100), "release past the pool end is clipped");
    ok(tail_bits_set(), "release past the pool end leaves bits past nframes set");
    frames_release_range(&fp, 0x100000000ull, 0x100000);
    is_int(fp.nfree, 2, "release above 4 GiB does nothing");

    init(100);
    frames_release_range(&fp, 0, 100 * PAGE);
    frames_release_range(&fp, 10 * PAGE, 20 * PAGE);
    is_int(fp.nfree, 100, "releasing a free range again does not change nfree");
    is_int(count_clear(), 100, "release all: every frame is clear");
}

static void test_reserve(void)
{
    init(100);
    frames_release_range(&fp, 0, 100 * PAGE);
    frames_reserve_range(&fp, 0x1800, 0x2000);
    is_int(fp.nfree, 97, "reserve [0x1800, 0x3800): three frames touched");
    ok(used(1) && used(2) && used(3) && !used(0) && !used(4),
       "reserve [0x1800, 0x3800): frames 1, 2, 3 are used");
    frames_reserve_range(&fp, 0x10000, 0x1000);
    ok(fp.nfree == 96 && used(16) && !used(15) && !used(17),
       "reserve an aligned frame: exactly that frame");
    frames_reserve_range(&fp, 0x20fff, 2);
    ok(fp.nfree == 94 && used(0x20) && used(0x21),
       "reserve 2 bytes across a frame boundary: both frames");
    frames_reserve_range(&fp, 0x1800, 0x2000);
    is_int(fp.nfree, 94, "reserving a used range again does not change nfree");
    frames_reserve_range(&fp, 99 * PAGE, 10 * PAGE);
    ok(fp.nfree == 93 && used(99), "reserve past the pool end is clipped");
    ok(tail_bits_set(), "reserve past the pool end stays inside the bitmap");
    is_int(count_clear(), fp.nfree, "after reserves nfree equals the clear bits");
}

static void test_alloc(void)
{
    uint32_t got[11], distinct = 1, in_range = 1, aligned = 1;

    init(100);
    frames_release_range(&fp, 10 * PAGE, 10 * PAGE);
    for (int i = 0; i < 10; i++) {
        got[i] = frame_alloc(&fp);
        if (got[i] & (PAGE - 1))
            aligned = 0;
        if (got[i] < 10 * PAGE || got[i] >= 20 * PAGE)
            in_range = 0;
        for (int j = 0; j < i; j++)
            if (got[j] == got[i])
                distinct = 0;
    }
    ok(aligned, "alloc returns page-aligned addresses");
    ok(in_range, "alloc returns only released frames (10..19)");
    ok(distinct, "ten allocs return ten distinct frames");
    is_int(fp.nfree, 0, "nfree is 0 after allocating every free frame");
    got[10] = frame_alloc(&fp);
    is_int(got[10], 0, "alloc on an exhausted pool returns 0");
    is_int(fp.nfree, 0, "a failed alloc leaves nfree at 0");

    is_int(frame_free(&fp, got[4]), 0, "free an allocated frame");
    is_int(fp.nfree, 1, "free increments nfree");
    is_int(frame_alloc(&fp), got[4], "the next alloc reuses the freed frame");
    ok(frame_free(&fp, got[7]) == 0 && frame_free(&fp, got[2]) == 0,
       "free two frames");
    is_int(frame_alloc(&fp), 12 * PAGE, "alloc after frees returns the lowest freed frame");
    is_int(frame_alloc(&fp), 17 * PAGE, "then the other freed frame");
    is_int(frame_alloc(&fp), 0, "then the pool is exhausted again");

    /* Low memory reserved the way memory_init does: frame 0 never comes out. */
    init(100);
    frames_release_range(&fp, 0, 4 * PAGE);
    frames_reserve_range(&fp, 0, PAGE);
    ok(frame_alloc(&fp) == 1 * PAGE && frame_alloc(&fp) == 2 * PAGE &&
       frame_alloc(&fp) == 3 * PAGE && frame_alloc(&fp) == 0,
       "with frame 0 reserved, alloc gives frames 1, 2, 3 then 0");
}

static void test_free_refusals(void)
{
    uint32_t a, nfree;

    init(100);
    frames_release_range(&fp, 0, 100 * PAGE);
    frames_reserve_range(&fp, 0, PAGE);
    a = frame_alloc(&fp);
    nfree = fp.nfree;
    is_int(frame_free(&fp, a), 0, "free an allocated frame succeeds");
    is_int(frame_free(&fp, a), -1, "double free is refused");
    is_int(fp.nfree, nfree + 1, "double free leaves nfree unchanged");

    a = frame_alloc(&fp);
    nfree = fp.nfree;
    is_int(frame_free(&fp, a + 0x10), -1, "free of an unaligned address is refused");
    is_int(frame_free(&fp, a + 0xfff), -1, "free of the last byte of a frame is refused");
    ok(used(a / PAGE) && fp.nfree == nfree, "a refused unaligned free changes nothing");
    is_int(frame_free(&fp, 0), -1, "frame_free(0) is refused");
    ok(used(0) && fp.nfree == nfree, "frame_free(0) leaves frame 0 used");
    is_int(frame_free(&fp, 100 * PAGE), -1, "free of frame nframes is refused");
    is_int(frame_free(&fp, 0xfffff000u), -1, "free of the last 4 GiB frame is refused");
    is_int(frame_free(&fp, 50 * PAGE), -1, "free of a free, never allocated frame is refused");
    is_int(fp.nfree, nfree, "refused frees leave nfree unchanged");
    is_int(frame_free(&fp, a), 0, "the allocated frame can still be freed");
    is_int(count_clear(), fp.nfree, "after frees nfree equals the clear bits");
}

static void test_skip_full_words(void)
{
    init(1000);
    frames_release_range(&fp, 999 * PAGE, PAGE);
    is_int(fp.nfree, 1, "pool of 1000 with only frame 999 free: nfree 1");
    is_int(frame_alloc(&fp), 999 * PAGE, "alloc finds frame 999 past 31 full words");
    is_int(frame_alloc(&fp), 0, "then alloc returns 0");
    ok(tail_bits_set(), "the unused bits of the last word stay set");

    static const uint32_t lone[] = { 1, 31, 32, 33, 63, 64, 500, 991, 992, 998 };
    for (size_t i = 0; i < sizeof(lone) / sizeof(lone[0]); i++) {
        init(1000);
        frames_release_range(&fp, lone[i] * PAGE, PAGE);
        ok(frame_alloc(&fp) == lone[i] * PAGE && frame_alloc(&fp) == 0,
           "pool of 1000 with only frame %u free: alloc finds it", lone[i]);
    }

    init(1000);
    frames_release_range(&fp, 31 * PAGE, 2 * PAGE);
    ok(frame_alloc(&fp) == 31 * PAGE && frame_alloc(&fp) == 32 * PAGE,
       "frames 31 and 32 on both sides of a word boundary are found");

    /* The search starts at the hint and wraps around to the start. */
    init(1024);
    frames_release_range(&fp, 600 * PAGE, PAGE);
    is_int(frame_alloc(&fp), 600 * PAGE, "1024-frame pool: alloc frame 600");
    frames_release_range(&fp, 5 * PAGE, PAGE);
    is_int(frame_alloc(&fp), 5 * PAGE,
           "1024-frame pool: a frame below the hint is found after wrapping");

    /* Same with a pool that is not a multiple of 32 frames: after the
     * last (partial) word the search must restart at frame 0. */
    init(1000);
    frames_release_range(&fp, 500 * PAGE, PAGE);
    is_int(frame_alloc(&fp), 500 * PAGE, "1000-frame pool: alloc frame 500");
    frames_release_range(&fp, 10 * PAGE, PAGE);
    is_int(fp.nfree, 1, "1000-frame pool: frame 10 released, nfree 1");
    is_int(frame_alloc(&fp), 10 * PAGE,
           "1000-frame pool: a frame below the hint is found after wrapping");
}

/* A deterministic random walk checked against a model of the pool
 * (1024 frames: a whole number of bitmap words). */
static void test_random_walk(void)
{
    enum { N = 1024 };
    static uint8_t model[N];    /* 0 not RAM, 1 free, 2 allocated */
    uint32_t x = 12345, bad_alloc = 0, bad_free = 0, bad_count = 0, zero_alloc = 0;

    init(N);
    memset(model, 0, sizeof(model));
    for (int step = 0; step < 20000; step++) {
        uint32_t f, a, nfree_model = 0;
        int r, want;

        x = x * 1103515245u + 12345u;
        f = (x >> 8) % N;
        switch ((x >> 4) % 8) {
        case 0:                             /* release a few frames */
            if (f == 0)
                f = 1;
            frames_release_range(&fp, (uint64_t)f * PAGE, 3 * PAGE);
            for (uint32_t g = f; g < f + 3 && g < N; g++)
                model[g] = 1;               /* release frees whatever it covers */
            break;
        case 1:                             /* reserve one frame (free only) */
            if (f != 0 && model[f] == 1) {
                frames_reserve_range(&fp, (uint64_t)f * PAGE, PAGE);
                model[f] = 0;
            }
            break;
        case 2: case 3: case 4:             /* alloc */
            a = frame_alloc(&fp);
            if (a == 0) {
                for (uint32_t g = 0; g < N; g++)
                    if (model[g] == 1)
                        zero_alloc++;
            } else if ((a & (PAGE - 1)) || a / PAGE >= N || model[a / PAGE] != 1) {
                bad_alloc++;
            } else {
                model[a / PAGE] = 2;
            }
            break;
        default:                            /* free, valid or not */
            r = frame_free(&fp, f * PAGE);
            want = model[f] == 2 ? 0 : -1;
            if (f != 0 && model[f] == 0)
                want = 0;   /* not RAM: indistinguishable from allocated */
            if (f == 0)
                want = -1;
            if (r != want)
                bad_free++;
            if (r == 0)
                model[f] = 1;
            break;
        }
        for (uint32_t g = 0; g < N; g++)
            nfree_model += model[g] == 1;
        if (fp.nfree != count_clear() || fp.nfree != nfree_model)
            bad_count++;
    }
    is_int(bad_alloc, 0, "random walk: alloc only returns free, aligned frames");
    is_int(bad_free, 0, "random walk: free succeeds exactly on used frames other than 0");
    is_int(bad_count, 0, "random walk: nfree always equals the clear bits and the model");
    is_int(zero_alloc, 0, "random walk: alloc returns 0 only when no frame is free");
}

int main(void)
{
    test_init();
    test_release();
    test_reserve();
    test_alloc();
    test_free_refusals();
    test_skip_full_words();
    test_random_walk();
    return done_testing();
}

/*
 * image.c - pristine program images.  RS copies each program it starts
 * from the kernel's boot module into its own memory once, with a CRC of
 * every 4 KiB chunk.  A restart starts from that copy at once (no check
 * on the way: a full CRC made up half of a server's recovery time);
 * instead image_scrub, on every RS tick, checks the next SCRUB_CHUNKS
 * chunks, round robin over all images, as the kernel's checker does with
 * its own text.  A chunk that no longer matches makes RS fetch the whole
 * image again and restart every service running from it (it may run the
 * damaged bytes).  So a restart never needs a disk, and a damaged copy is
 * repaired within one pass (about 15 s) and never runs for long.
 * The pool's pages are mapped as images are loaded (pool_grow), so
 * starting RS costs nothing for it: the kernel restarts RS without
 * zeroing its 3 MiB.
 */
#include "rs.h"
#include "crc32.h"

#define POOL_SIZE    (3u << 20)
#define MAX_IMAGES   32
#define CHUNK        4096u
#define MAX_CHUNKS   (POOL_SIZE / CHUNK + MAX_IMAGES)
#define SCRUB_CHUNKS 1

#define POOL_BASE    0x80000000u     /* far above RS's own image */

static uint8_t *const pool = (uint8_t *)POOL_BASE;
static uint32_t pool_used, pool_mapped;
static struct image images[MAX_IMAGES];
static int nimages;
static uint32_t chunk_crc[MAX_CHUNKS];
static uint32_t chunks_used;
static int scrub_image;
static uint32_t scrub_chunk;

static int fetch(struct image *im)
{
    uint32_t size;
    return sys_getmodule(-1, im->name, 0, im->data, im->size, &size);
}

static uint32_t chunk_len(const struct image *im, uint32_t c)
{
    return im->size - c * CHUNK < CHUNK ? im->size - c * CHUNK : CHUNK;
}

static uint32_t crc_of(const struct image *im, uint32_t c)
{
    return crc32_update(0, im->data + c * CHUNK, chunk_len(im, c));
}

/* Map the pool up to byte 'end' (SYS_VMCTL): pages only as images come,
 * so a restarted RS zeroes no megabytes it may never use. */
static int pool_grow(uint32_t end)
{
    uint32_t want = (end + CHUNK - 1) & ~(CHUNK - 1);
    if (want <= pool_mapped)
        return OK;
    if (sys_vmctl(self_ep, VM_MAP, POOL_BASE + pool_mapped, want - pool_mapped, 0) != OK)
        return -ENOMEM;
    pool_mapped = want;
    return OK;
}

static struct image *load(const char *program)
{
    struct image *im;
    uint32_t size, n;
    if (nimages == MAX_IMAGES || sys_getmodule(-1, program, 0, 0, 0, &size) != OK ||
        size == 0 || size > POOL_SIZE - pool_used)
        return 0;
    n = (size + CHUNK - 1) / CHUNK;
    if (n > MAX_CHUNKS - chunks_used || pool_grow(pool_used + size) != OK)
        return 0;
    im = &images[nimages];
    strlcpy(im->name, program, sizeof(im->name));
    im->data = pool + pool_used;
    im->size = size;
    im->crc = chunk_crc + chunks_used;
    im->nchunks = n;
    if (fetch(im) != OK)
        return 0;
    for (uint32_t c = 0; c < n; c++)
        im->crc[c] = crc_of(im, c);
    chunks_used += n;
    pool_used += (size + 15) & ~15u;
    nimages++;
    return im;
}

struct image *image_get(const char *program)
{
    for (int i = 0; i < nimages; i++)
        if (strcmp(images[i].name, program) == 0)
            return &images[i];
    return load(program);
}

/* A damaged chunk: the boot module again, every chunk checked. */
static void repair(struct image *im, uint32_t bad)
{
    int ok = fetch(im) == OK;
    for (uint32_t c = 0; ok && c < im->nchunks; c++)
        ok = crc_of(im, c) == im->crc[c];
    printf("rs: image of %s damaged at byte %u; %s\n", im->name, bad * CHUNK,
           ok ? "fetched again" : "the boot module does not match either");
    if (ok)
        image_repaired(im);
}

void image_scrub(void)
{
    for (int n = 0; n < SCRUB_CHUNKS && nimages > 0; n++) {
        struct image *im;
        if (scrub_image < 0 || scrub_image >= nimages)
            scrub_image = 0;
        im = &images[scrub_image];
        if (scrub_chunk >= im->nchunks) {
            scrub_chunk = 0;
            scrub_image = (scrub_image + 1) % nimages;
            continue;
        }
        if (crc_of(im, scrub_chunk) != im->crc[scrub_chunk])
            repair(im, scrub_chunk);
        scrub_chunk++;
    }
}

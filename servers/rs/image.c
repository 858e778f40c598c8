/*
 * image.c - pristine program images.  RS copies each program it starts
 * from the kernel's boot module into its own memory once, with a CRC;
 * before every (re)start the CRC is checked and a copy that no longer
 * matches is fetched again.  So a restart never needs a disk, and a
 * corrupted copy is repaired instead of started.
 */
#include "rs.h"
#include "crc32.h"

#define POOL_SIZE  (3u << 20)
#define MAX_IMAGES 32

static uint8_t pool[POOL_SIZE] __attribute__((aligned(4096)));
static uint32_t pool_used;
static struct image images[MAX_IMAGES];
static int nimages;

static int fetch(struct image *im)
{
    uint32_t size;
    return sys_getmodule(-1, im->name, 0, im->data, im->size, &size);
}

static struct image *load(const char *program)
{
    struct image *im;
    uint32_t size;
    if (nimages == MAX_IMAGES || sys_getmodule(-1, program, 0, 0, 0, &size) != OK ||
        size > POOL_SIZE - pool_used)
        return 0;
    im = &images[nimages];
    strlcpy(im->name, program, sizeof(im->name));
    im->data = pool + pool_used;
    im->size = size;
    if (fetch(im) != OK)
        return 0;
    im->crc = crc32_update(0, im->data, size);
    pool_used += (size + 15) & ~15u;
    nimages++;
    return im;
}

struct image *image_get(const char *program)
{
    for (int i = 0; i < nimages; i++) {
        struct image *im = &images[i];
        if (strcmp(im->name, program) != 0)
            continue;
        if (crc32_update(0, im->data, im->size) != im->crc) {
            printf("rs: image of %s is corrupted; fetching it again\n", program);
            if (fetch(im) != OK || crc32_update(0, im->data, im->size) != im->crc)
                return 0;
        }
        return im;
    }
    return load(program);
}

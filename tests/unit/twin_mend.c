/*
 * twin_mend.c - host tests of a table's second copy (lib/libsys/twin.c):
 * a sound entry is copied when it changes and not otherwise, a damaged
 * one goes back to its copy, a damaged entry whose copy is damaged too
 * is zeroed, a bad checksum makes a copy unusable, an entry free at the
 * last check goes back to free, an entry unused in table and copy is
 * passed over, a dropped entry becomes what the fresh hook makes, and
 * with recover=off nothing is copied and a damaged entry is zeroed.
 */
#include <stdint.h>
#include <string.h>

#include "twin.h"
#include "tap.h"

struct ent { uint32_t state, value; };
enum { N = 4 };

static struct ent table[N], copy[N];
static uint32_t sum[N];
static int recover = 1;

int sef_recover_on(void)
{
    return recover;
}

/* state 0: free; 1: used (value < 100); anything else: damaged */
static const char *damaged(const void *p)
{
    const struct ent *e = p;
    if (e->state == 0)
        return 0;
    return e->state == 1 && e->value < 100 ? 0 : "damaged";
}

static const struct twin t = {
    .what = "test", .table = table, .copy = copy, .sum = sum, .size = sizeof(struct ent),
    .n = N, .damaged = damaged,
};

static int unused(const void *p)
{
    return ((const struct ent *)p)->state == 0;
}

static void fresh(void *p, int i)
{
    *(struct ent *)p = (struct ent){ 1, 50 + (uint32_t)i };
}

static const struct twin hooked = {
    .what = "hooked", .table = table, .copy = copy, .sum = sum, .size = sizeof(struct ent),
    .n = N, .damaged = damaged, .unused = unused, .fresh = fresh,
};

/* The unused and fresh hooks, on a table made afresh. */
static void hooks(void)
{
    struct twin_count c;
    memset(table, 0, sizeof(table));
    memset(copy, 0, sizeof(copy));
    memset(sum, 0, sizeof(sum));
    table[0].value = 42;                /* free, stale value: nothing to copy */
    c = twin_check(&hooked);
    ok(c.copied == 0 && copy[0].value == 0, "an entry unused in table and copy is passed over");
    table[3] = (struct ent){ 9, 9 };
    copy[3].value = 1;                  /* its copy fails its checksum */
    c = twin_check(&hooked);
    ok(c.dropped == 1 && table[3].state == 1 && table[3].value == 53 &&
       copy[3].value == 53 && sum[3] == twin_sum(&copy[3], sizeof(copy[3])),
       "a dropped entry becomes what the fresh hook makes, and is copied");
}

int main(void)
{
    struct twin_count c;
    table[1] = (struct ent){ 1, 7 };
    c = twin_check(&t);
    is_int(c.copied, 1, "a new sound entry is copied");
    c = twin_check(&t);
    is_int(c.copied, 0, "an unchanged table copies nothing");
    table[1].value = 8;
    c = twin_check(&t);
    ok(c.copied == 1 && copy[1].value == 8, "a changed sound entry is copied again");

    table[1] = (struct ent){ 0xdeadbeef, 0x12345678 };
    c = twin_check(&t);
    ok(c.mended == 1 && table[1].state == 1 && table[1].value == 8,
       "a damaged entry goes back to its copy");

    table[1] = (struct ent){ 0xdeadbeef, 1 };
    copy[1].value = 9;                  /* the copy no longer matches its sum */
    c = twin_check(&t);
    ok(c.dropped == 1 && table[1].state == 0 && table[1].value == 0,
       "a damaged entry whose copy fails its checksum is zeroed");

    table[2] = (struct ent){ 1, 5 };
    twin_check(&t);
    table[2] = (struct ent){ 7, 7 };
    copy[2] = (struct ent){ 7, 7 };
    sum[2] = twin_sum(&copy[2], sizeof(copy[2]));
    c = twin_check(&t);
    ok(c.dropped == 1 && table[2].state == 0, "a copy of a damaged shape is not used");

    table[0].state = 77;                /* free at every check so far */
    c = twin_check(&t);
    ok(c.mended == 1 && table[0].state == 0 && table[0].value == 0,
       "a damaged entry that was free goes back to free");

    table[3] = (struct ent){ 1, 1 };
    twin_check(&t);
    copy[3].value = 2;                  /* the copy damaged, the entry sound */
    c = twin_check(&t);
    table[3].state = 99;
    c = twin_check(&t);
    ok(c.mended == 1 && table[3].state == 1 && table[3].value == 1,
       "a damaged copy of a sound entry is made again from the entry");

    hooks();
    recover = 0;
    memset(copy, 0, sizeof(copy));
    table[0] = (struct ent){ 1, 3 };
    c = twin_check(&t);
    ok(c.copied == 0 && copy[0].state == 0, "recover=off: nothing is copied");
    table[0].state = 5;
    c = twin_check(&t);
    ok(c.dropped == 1 && table[0].state == 0, "recover=off: a damaged entry is zeroed");
    return done_testing();
}

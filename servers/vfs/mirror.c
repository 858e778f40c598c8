/*
 * mirror.c - a second copy of every process slot, so that a slot whose
 * bytes went bad (a stray write, a flipped bit, a whole table of random
 * bytes) is mended from its copy instead of dropping the process's
 * descriptors, cwd and held call.
 *
 * Invariants:
 *   - copies[i] is procs[i] as it stood at the last request boundary,
 *     with sum = mix(copy); both live in the state region, apart;
 *   - a slot is "touched" (dirty) from the moment a request reaches it
 *     (vproc_get/find, suspend, resume, forget) until the skeleton says
 *     the request is over (mirror_settle, the srv_table's settle hook),
 *     which copies it (a slot of a wrong shape then is not copied but
 *     mended).  So between requests every slot equals its copy, unless
 *     its memory was damaged.
 * A slot is judged against its copy (mend) when a request first reaches
 * it, on every heartbeat (vprocs_mend, all slots) and when a restarted
 * VFS inherits its tables:
 *   - untouched, different from a sound copy (sum and shape right): the
 *     slot was damaged; it is put back from the copy;
 *   - copy unsound, slot sound: the copy was damaged; it is made again;
 *   - both unsound: the slot is dropped (its caller's held call ends
 *     with EIO), as before there were copies;
 *   - touched (a request had it in hand: damaged then, or VFS failed
 *     then) and sound: it keeps what it has (after a failure, that
 *     request is answered EIO or done again, again.c) and its copy is
 *     made anew; unsound, it goes back to a sound copy, and a call held
 *     for it that the copy does not know of ends (end_call).
 * With recover=off no copy is kept and a bad slot is simply dropped.
 */
#include "vfs.h"

struct copy {
    struct vproc p;
    uint32_t sum;
};

static struct copy copies[NR_PROCS] STATE;
static uint32_t touched[(NR_PROCS + 31) / 32] STATE;
static int mirror_on = -1;              /* -1: not asked yet */

static int on(void)
{
    if (mirror_on < 0)
        mirror_on = sef_recover_on();
    return mirror_on;
}

/* A word-wise mix of the slot's bytes: cheap, and any change of random
 * bytes changes it with near certainty (not a defence against intent). */
static uint32_t mix(const struct vproc *p)
{
    const uint32_t *w = (const uint32_t *)p;
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < sizeof(*p) / 4; i++)
        h = (h ^ w[i]) * 0x01000193u + (uint32_t)i;
    return h;
}

static void save(int i)
{
    copies[i].p = procs[i];
    copies[i].sum = mix(&procs[i]);
}

void mirror_save_all(void)
{
    memset(touched, 0, sizeof(touched));
    if (on())
        for (int i = 0; i < NR_PROCS; i++)
            save(i);
}

/* NULL: p is a free slot or a sound one. */
static const char *sound(int i, const struct vproc *p)
{
    return p->ep == NONE ? 0 : vproc_shape(i, p);
}

static int copy_sound(int i)
{
    return copies[i].sum == mix(&copies[i].p) && !sound(i, &copies[i].p);
}

static int same(const struct vproc *a, const struct vproc *b)
{
    const uint32_t *x = (const uint32_t *)a, *y = (const uint32_t *)b;
    for (size_t i = 0; i < sizeof(*a) / 4; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

/* The process in kernel slot 'slot', if it waits for our reply (a call
 * we hold), gets one: EIO when its slot is dropped; when the slot went
 * back to a copy that holds no call, the request in hand was lost with
 * the damage: a read (it moved nothing, or it would not wait) goes
 * again (ERESEND), anything else gets EIO. */
static void end_call(int slot, int back_to_copy)
{
    struct sys_procinfo pi;
    endpoint_t self;
    if (sys_self(&self, 0) == OK && sys_procinfo(slot, &pi) == OK && !(pi.flags & PI_FREE) &&
        (pi.flags & PI_RECEIVING) && pi.getfrom == self)
        reply(pi.ep, back_to_copy && request_was_read(pi.ep) ? -ERESEND : -EIO);
}

struct tally {
    const char *who;
    int mended, dropped;
};

static void say(struct tally *t, int *n, int i, const char *what, const char *why)
{
    if ((*n)++ < 3)
        printf("%s: slot %d: %s%s%s\n", t->who, i, what, why ? ": " : "", why ? why : "");
}

/* Slot i against its copy, by the rules above. */
static void mend(int i, int dirty, struct tally *t)
{
    const char *why = sound(i, &procs[i]);
    int copy_ok;
    if (!on()) {
        if (why) {
            say(t, &t->dropped, i, "its descriptors dropped", why);
            end_call(i, 0);
            memset(&procs[i], 0, sizeof(procs[i]));
            procs[i].ep = NONE;
        }
        return;
    }
    if (same(&procs[i], &copies[i].p) && copies[i].sum == mix(&procs[i]))
        return;
    copy_ok = copy_sound(i);
    if (copy_ok && (why || !dirty)) {
        say(t, &t->mended, i, "mended from its copy", why);
        procs[i] = copies[i].p;
        if (dirty && procs[i].susp.kind == SUSP_NONE)
            end_call(i, 1);
        return;
    }
    if (why) {
        say(t, &t->dropped, i, "its descriptors dropped (its copy is bad too)", why);
        end_call(i, 0);
        memset(&procs[i], 0, sizeof(procs[i]));
        procs[i].ep = NONE;
    }
    save(i);
}

static int is_touched(int i)
{
    return (touched[i / 32] >> (i % 32)) & 1;
}

void vproc_touch(struct vproc *p)
{
    int i = (int)(p - procs);
    struct tally t = { "vfs", 0, 0 };
    if (i < 0 || i >= NR_PROCS || is_touched(i))
        return;
    if (on() && !same(p, &copies[i].p))
        mend(i, 0, &t);
    touched[i / 32] |= 1u << (i % 32);
}

/* The request is over: its slots are copied, unless one is of a wrong
 * shape (damaged while in hand): that one goes back to its copy. */
void mirror_settle(void)
{
    struct tally t = { "vfs", 0, 0 };
    for (int k = 0; k < (NR_PROCS + 31) / 32; k++) {
        while (touched[k]) {
            int i = k * 32 + __builtin_ctz(touched[k]);
            touched[k] &= touched[k] - 1;
            if (!on())
                continue;
            if (sound(i, &procs[i]))
                mend(i, 1, &t);
            else
                save(i);
        }
    }
}

int vprocs_mend(const char *who)
{
    struct tally t = { who, 0, 0 };
    for (int i = 0; i < NR_PROCS; i++)
        mend(i, is_touched(i), &t);
    if (t.mended > 3)
        printf("%s: %d more slots mended from their copies\n", who, t.mended - 3);
    if (t.dropped > 3)
        printf("%s: %d more slots dropped\n", who, t.dropped - 3);
    memset(touched, 0, sizeof(touched));
    return t.mended + t.dropped;
}

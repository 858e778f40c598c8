/*
 * mirror.c - a second copy of every process slot's descriptors, cwd,
 * umask and held call, so that a slot whose bytes went bad (a stray
 * write, a flipped bit, a whole table of random bytes) is mended from its
 * copy instead of losing them.
 *
 * A slot has two parts, each copied with its own checksum in the state
 * region, apart from procs:
 *   - "fds": the endpoint, cwd, descriptors, close-on-exec flags, umask
 *     (struct vproc up to susp): changed by open, close, dup, pipe, chdir,
 *     umask, fcntl(F_SETFD), fork, exec and exit;
 *   - "susp": the call held for it (suspend.c), changed by every wait.
 * The answer record (last, partial_*) is not copied: a mended slot
 * forgets it (a repeat after a VFS restart then runs as new).
 *
 * Invariants:
 *   - who changes a part marks it (vproc_changed, vproc_susp_changed);
 *     when the message has been handled in full the skeleton calls the
 *     settle hook (mirror_settle), which copies the marked parts, unless
 *     one is of a wrong shape (damaged while in hand; a marked held call
 *     alone is checked alone, cheaply): that slot goes back to its copy.  So between messages every part equals its copy
 *     unless its memory was damaged;
 *   - nothing is compared on the path of an ordinary request (read and
 *     write mark nothing): the cost is a copy when a part changes.
 * A slot is judged against its copies on every heartbeat and when a
 * restarted VFS inherits its tables (vprocs_mend), and before a request
 * uses a slot that looks wrong (another endpoint in it, a held call of a
 * known kind: vproc_suspect):
 *   - unmarked, different from a sound copy (checksum and shape right):
 *     the slot was damaged; it is put back from its copies;
 *   - copy unsound, slot sound: the copy was damaged; it is made again;
 *   - both unsound: the slot is dropped (its caller's held call ends
 *     with EIO);
 *   - marked (a request had it in hand: damaged then, or VFS failed then)
 *     and sound: it keeps what it has and its copies are made anew;
 *     unsound, it goes back to sound copies, and a call held for it that
 *     the copy does not know of ends (end_call).
 * With recover=off no copy is kept and a bad slot is simply dropped.
 */
#include <stddef.h>
#include "vfs.h"

#define FDS_BYTES offsetof(struct vproc, susp)
#define WORDS ((NR_PROCS + 31) / 32)

struct copy {
    uint8_t fds[FDS_BYTES];
    uint32_t fsum;
    struct susp susp;
    uint32_t ssum;
};

static struct copy copies[NR_PROCS] STATE;
static uint32_t fds_marked[WORDS] STATE, susp_marked[WORDS] STATE;
static int mirror_on = -1;              /* -1: not asked yet */

static int on(void)
{
    if (mirror_on < 0)
        mirror_on = sef_recover_on();
    return mirror_on;
}

/* A word-wise mix: cheap, and any change of random bytes changes it with
 * near certainty (not a defence against intent). */
static uint32_t mix(const void *p, size_t n)
{
    const uint32_t *w = p;
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n / 4; i++)
        h = (h ^ w[i]) * 0x01000193u + (uint32_t)i;
    return h;
}

static int same(const void *a, const void *b, size_t n)
{
    const uint32_t *x = a, *y = b;
    for (size_t i = 0; i < n / 4; i++)
        if (x[i] != y[i])
            return 0;
    return 1;
}

static void save_fds(int i)
{
    memcpy(copies[i].fds, &procs[i], FDS_BYTES);
    copies[i].fsum = mix(&procs[i], FDS_BYTES);
}

static void save_susp(int i)
{
    copies[i].susp = procs[i].susp;
    copies[i].ssum = mix(&procs[i].susp, sizeof(struct susp));
}

static int bit(const uint32_t *map, int i)
{
    return (map[i / 32] >> (i % 32)) & 1;
}

static void mark(uint32_t *map, const struct vproc *p)
{
    int i = (int)(p - procs);
    if (i >= 0 && i < NR_PROCS)
        map[i / 32] |= 1u << (i % 32);
}

void vproc_changed(const struct vproc *p)
{
    mark(fds_marked, p);
}

void vproc_susp_changed(const struct vproc *p)
{
    mark(susp_marked, p);
}


/* NULL: p is a free slot or a sound one. */
static const char *sound(int i, const struct vproc *p)
{
    return p->ep == NONE ? 0 : vproc_shape(i, p);
}

/* The slot the copies make, whole (the answer record forgotten). */
static void from_copy(int i, struct vproc *out)
{
    memset(out, 0, sizeof(*out));
    memcpy(out, copies[i].fds, FDS_BYTES);
    out->susp = copies[i].susp;
}

static int copy_sound(int i)
{
    struct vproc v;
    if (copies[i].fsum != mix(copies[i].fds, FDS_BYTES) ||
        copies[i].ssum != mix(&copies[i].susp, sizeof(struct susp)))
        return 0;
    from_copy(i, &v);
    return !sound(i, &v);
}

/* A slot equal to its copies is sound or damaged alike in both, which
 * random damage never is: no checksum needed.  Free in both: nothing of
 * a free slot is read (vproc_get clears it before use). */
static int matches_copy(int i)
{
    endpoint_t copy_ep;
    memcpy(&copy_ep, copies[i].fds, sizeof(copy_ep));
    if (procs[i].ep == NONE && copy_ep == NONE)
        return 1;
    return same(&procs[i], copies[i].fds, FDS_BYTES) &&
           same(&procs[i].susp, &copies[i].susp, sizeof(struct susp));
}

/* The held call's own shape (vproc_shape checks the whole slot). */
static int susp_sound(const struct vproc *p)
{
    return p->ep == NONE || p->susp.kind == SUSP_NONE ||
           (p->susp.kind > SUSP_NONE && p->susp.kind <= SUSP_LAST &&
            (!SUSP_ON_FILE(p->susp.kind) || filp_index(p->susp.f) >= 0));
}

/* After a fresh start or a restart: every slot that differs is copied. */
void mirror_save_all(void)
{
    memset(fds_marked, 0, sizeof(fds_marked));
    memset(susp_marked, 0, sizeof(susp_marked));
    if (on())
        for (int i = 0; i < NR_PROCS; i++)
            if (!matches_copy(i)) {
                save_fds(i);
                save_susp(i);
            }
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

static void drop(int i)
{
    end_call(i, 0);
    memset(&procs[i], 0, sizeof(procs[i]));
    procs[i].ep = NONE;
}

/* Slot i against its copies, by the rules above. */
static void mend(int i, int marked, struct tally *t)
{
    const char *why = sound(i, &procs[i]);
    if (!on()) {
        if (why) {
            say(t, &t->dropped, i, "its descriptors dropped", why);
            drop(i);
        }
        return;
    }
    if (matches_copy(i))
        return;
    if (copy_sound(i) && (why || !marked)) {
        say(t, &t->mended, i, "mended from its copy", why);
        from_copy(i, &procs[i]);
        if (marked && procs[i].susp.kind == SUSP_NONE)
            end_call(i, 1);
        return;
    }
    if (why) {
        say(t, &t->dropped, i, "its descriptors dropped (its copy is bad too)", why);
        drop(i);
    }
    save_fds(i);
    save_susp(i);
}

/* Before a held call is woken: its part against its copy (cheap); a
 * difference nobody marked is damage, and the slot is judged whole. */
void vproc_check_susp(struct vproc *p)
{
    int i = (int)(p - procs);
    struct tally t = { "vfs", 0, 0 };
    if (i >= 0 && i < NR_PROCS && on() && !bit(susp_marked, i) && !bit(fds_marked, i) &&
        !same(&p->susp, &copies[i].susp, sizeof(struct susp)))
        mend(i, 0, &t);
}

/* Before a request trusts a slot that looks wrong. */
void vproc_suspect(struct vproc *p)
{
    int i = (int)(p - procs);
    struct tally t = { "vfs", 0, 0 };
    if (i >= 0 && i < NR_PROCS && on() && !bit(fds_marked, i) && !bit(susp_marked, i))
        mend(i, 0, &t);
}

/* The message is over: copy the marked parts, unless the slot is of a
 * wrong shape (damaged while in hand): that one goes back to its copy. */
void mirror_settle(void)
{
    struct tally t = { "vfs", 0, 0 };
    for (int k = 0; k < WORDS; k++) {
        uint32_t both = fds_marked[k] | susp_marked[k];
        while (both) {
            int i = k * 32 + __builtin_ctz(both);
            both &= both - 1;
            if (!on())
                continue;
            if (bit(fds_marked, i) ? sound(i, &procs[i]) != 0 : !susp_sound(&procs[i])) {
                mend(i, 1, &t);
                continue;
            }
            if (bit(fds_marked, i))
                save_fds(i);
            save_susp(i);
        }
        fds_marked[k] = susp_marked[k] = 0;
    }
}

int vprocs_mend(const char *who)
{
    struct tally t = { who, 0, 0 };
    for (int i = 0; i < NR_PROCS; i++)
        mend(i, bit(fds_marked, i) || bit(susp_marked, i), &t);
    if (t.mended > 3)
        printf("%s: %d more slots mended from their copies\n", who, t.mended - 3);
    if (t.dropped > 3)
        printf("%s: %d more slots dropped\n", who, t.dropped - 3);
    memset(fds_marked, 0, sizeof(fds_marked));
    memset(susp_marked, 0, sizeof(susp_marked));
    return t.mended + t.dropped;
}

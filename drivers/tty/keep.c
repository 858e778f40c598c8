/*
 * keep.c - what a restarted tty inherits, and its self-check.  Each
 * minor's struct tty (its attributes, foreground group, opens, readers
 * to notify, and the input typed but not yet read, the line being edited
 * included) and the signal queue live in the state region (sef.h STATE),
 * so a tty restart loses no keystroke and no setting.
 *
 * The minors have a second copy (twin.h).  tty_mend checks every minor
 * against the invariants of tty.h and copies the ones that changed: on
 * every RS heartbeat, before a keystroke or a read uses a minor, when a
 * message that may have changed one has been handled (tty_settle: so
 * the copy has every keystroke), and before a restarted driver serves
 * from what it inherited (main.c).  A minor that fails is put back from
 * its copy, as it was at the last check; when the copy fails too it
 * starts afresh with the default settings, then the attributes, group
 * and open count saved in DS (state.c).  Either way VFS is notified: a
 * reader that came after the copy was made is not in it, so VFS tries its
 * suspended reads again and they wait anew (a wake-up too many is
 * harmless, one too few hangs a shell).  A damaged signal queue is
 * dropped (a Ctrl-C lost).  Output is never held: a write is done when it is answered, and
 * VFS sends a write that met the dead driver again (proto/chardrv.h).
 * tty_corrupt (service fi tty corrupt) puts the serial minor's line ends
 * out of order.
 */
#include "tty.h"
#include "twin.h"

_Static_assert(sizeof(struct tty) % 4 == 0, "twin_sum reads whole words");
static struct tty copies[TTY_NR_MINORS] STATE;
static uint32_t sums[TTY_NR_MINORS] STATE;

static const char *minor_check(const void *entry)
{
    const struct tty *t = entry;
    if (t->attr.flags & ~(uint32_t)TTY_FLAGS)
        return "unknown attribute flags";
    if (t->pgrp < 0 || t->opens < 0 || t->sid < 0)
        return "a negative group, session or open count";
    if (t->nwait < 0 || t->nwait > TTY_WAITERS)
        return "too many readers to notify";
    for (int i = 0; i < t->nwait; i++)
        for (int j = 0; j <= i; j++)
            if (EP_SLOT(t->waiters[i]) >= NR_PROCS || (j < i && t->waiters[j] == t->waiters[i]))
                return "a reader to notify that is no process";
    if (t->len > TTY_INBUF || t->nbnd < 0 || t->nbnd > TTY_MAXLINES)
        return "an input queue out of range";
    for (int i = 0; i < t->nbnd; i++)
        if (t->bnd[i] > t->len || (i > 0 && t->bnd[i] < t->bnd[i - 1]))
            return "line ends out of order";
    return 0;
}

const char *tty_check(void)
{
    const char *why;
    for (int i = 0; i < TTY_NR_MINORS; i++)
        if ((why = minor_check(&ttys[i])))
            return why;
    return sig_check();
}

static void minor_fresh(void *entry, int minor)
{
    line_reset(entry);
    state_restore(minor);
}

static int touched;                     /* a minor may have changed since the last mend */

void tty_touch(void)
{
    touched = 1;
}

/* srv_table.settle: the minors again, if the message may have changed
 * one (a write never does: output is not kept). */
void tty_settle(void)
{
    if (touched) {
        touched = 0;
        tty_mend();
    }
}

void tty_mend(void)
{
    static const struct twin t = {
        .what = "tty: self-check: minor", .table = ttys, .copy = copies, .sum = sums,
        .size = sizeof(struct tty), .n = TTY_NR_MINORS, .damaged = minor_check,
        .fresh = minor_fresh,
    };
    const char *why;
    struct twin_count n = twin_check(&t);
    endpoint_t vfs;
    if ((n.mended || n.dropped) && sys_lookup("vfs", &vfs) == OK)
        ipc_notify(vfs);
    if ((why = sig_check())) {
        printf("tty: self-check: %s: the queued signals dropped\n", why);
        sig_init(0);
    }
}

void tty_corrupt(void)
{
    struct tty *t = &ttys[TTY_SERIAL];
    t->nbnd = 2;
    t->bnd[0] = t->len + 7;
    t->bnd[1] = 0;
    printf("tty: corrupt: minor %d's line ends out of order\n", TTY_SERIAL);
}

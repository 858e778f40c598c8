/*
 * keep.c - what a restarted tty inherits.  Each minor's struct tty (its
 * attributes, foreground group, opens, readers to notify, and the input
 * typed but not yet read, the line being edited included) and the signal
 * queue live in the state region (sef.h STATE), so a tty restart loses no
 * keystroke and no setting.  tty_check tests the invariants of tty.h on
 * them before the driver serves from them; if one fails, main.c starts
 * the minors afresh and takes the attributes from the DS backup
 * (state.c).  Output is never held: a write is done when it is answered,
 * and VFS sends a write that met the dead driver again (proto/chardrv.h).
 * tty_selfcheck runs the same checks on every RS heartbeat, and tty_mend
 * on a minor before its input is used, and repairs a minor that fails:
 * counts clamped, the line ends found again from the newlines in the
 * input (only an EOF mark can be lost).
 * tty_corrupt (service fi tty corrupt) puts the console's line ends out
 * of order.
 */
#include "tty.h"

static const char *minor_check(const struct tty *t)
{
    if (t->attr.flags & ~(uint32_t)TTY_FLAGS)
        return "unknown attribute flags";
    if (t->pgrp < 0 || t->opens < 0)
        return "a negative group or open count";
    if (t->nwait < 0 || t->nwait > TTY_WAITERS)
        return "too many readers to notify";
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

static void minor_repair(struct tty *t)
{
    t->attr.flags &= TTY_FLAGS;
    if (t->pgrp < 0)
        t->pgrp = 0;
    if (t->opens < 0)
        t->opens = 0;
    if (t->nwait < 0 || t->nwait > TTY_WAITERS)
        t->nwait = 0;
    if (t->len > TTY_INBUF)
        t->len = TTY_INBUF;
    t->nbnd = 0;
    for (uint32_t i = 0; i < t->len && t->nbnd < TTY_MAXLINES; i++)
        if (t->in[i] == '\n')
            t->bnd[t->nbnd++] = i + 1;
}

void tty_mend(int minor)
{
    const char *why = minor_check(&ttys[minor]);
    if (why) {
        minor_repair(&ttys[minor]);
        printf("tty: self-check: minor %d: %s: repaired\n", minor, why);
    }
}

void tty_selfcheck(void)
{
    for (int i = 0; i < TTY_NR_MINORS; i++)
        tty_mend(i);
}

void tty_corrupt(void)
{
    struct tty *t = &ttys[TTY_SERIAL];
    t->nbnd = 2;
    t->bnd[0] = t->len + 7;
    t->bnd[1] = 0;
    printf("tty: corrupt: minor %d's line ends out of order\n", TTY_SERIAL);
}

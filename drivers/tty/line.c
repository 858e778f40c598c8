/*
 * line.c - the line discipline of each minor: input editing (erase,
 * kill, EOF, Ctrl-C, Ctrl-\, Ctrl-Z), echo, the non-blocking read and the wake-up of a
 * reader that got EAGAIN (the read contract of proto/tty.h).
 *
 * Input routing: keyboard bytes go to minor 1 while it is open, COM1
 * bytes to minor 2 while it is open, everything else to the console.
 * A full buffer drops input; in canonical mode the last byte is kept
 * for the newline so that a line can always be finished.
 */
#include "tty.h"

struct tty ttys[TTY_NR_MINORS] STATE;     /* kept across restarts: keep.c */

static const struct tty_attr default_attr = {
    TTY_ICANON | TTY_ECHO | TTY_ISIG | TTY_ICRNL,
    { [TTY_VERASE] = 0x7f, [TTY_VKILL] = 0x15, [TTY_VINTR] = 0x03, [TTY_VEOF] = 0x04,
      [TTY_VQUIT] = 0x1c, [TTY_VSUSP] = 0x1a },
};

void line_reset(struct tty *t)
{
    memset(t, 0, sizeof(*t));
    t->attr = default_attr;
}

/* Output of a minor: the console writes to both screen and serial. */
void tty_output(int minor, const char *s, uint32_t n)
{
    if (minor != TTY_SERIAL)
        vga_write(s, n);
    if (minor != TTY_VGA)
        serial_write(s, n);
}

static int canonical(const struct tty *t)
{
    return (t->attr.flags & TTY_ICANON) != 0;
}

static uint32_t cooked_end(const struct tty *t)
{
    return t->nbnd ? t->bnd[t->nbnd - 1] : 0;
}

int line_readable(const struct tty *t)
{
    return canonical(t) ? t->nbnd > 0 : t->len > 0;
}

/* Echo one input byte: control characters as ^X (NL and TAB as is). */
static void echo(int minor, char c)
{
    char buf[2] = { '^', (char)(c + 64) };
    if (!(ttys[minor].attr.flags & TTY_ECHO))
        return;
    if ((unsigned char)c >= 0x20 && c != 0x7f)
        tty_output(minor, &c, 1);
    else if (c == '\n' || c == '\t')
        tty_output(minor, &c, 1);
    else
        tty_output(minor, buf, 2);
}

/* Remove the last byte of the line being edited, on screen too. */
static void erase_one(int minor)
{
    struct tty *t = &ttys[minor];
    char c;
    if (t->len <= cooked_end(t))
        return;
    c = t->in[--t->len];
    if (t->attr.flags & TTY_ECHO) {
        tty_output(minor, "\b \b", 3);
        if ((unsigned char)c < 0x20 && c != '\t')
            tty_output(minor, "\b \b", 3);      /* it was echoed as ^X */
    }
}

static void end_line(struct tty *t)
{
    if (t->nbnd < TTY_MAXLINES)
        t->bnd[t->nbnd++] = t->len;
}

static int is_cc(const struct tty *t, int which, char c)
{
    return t->attr.cc[which] != 0 && (char)t->attr.cc[which] == c;
}

/* A canonical-mode byte that is not Ctrl-C. */
static void canon_input(int minor, char c)
{
    struct tty *t = &ttys[minor];
    if (is_cc(t, TTY_VERASE, c) || c == '\b') {
        erase_one(minor);
    } else if (is_cc(t, TTY_VKILL, c)) {
        while (t->len > cooked_end(t))
            erase_one(minor);
    } else if (is_cc(t, TTY_VEOF, c)) {
        end_line(t);                    /* an empty line is end of file */
    } else if (c == '\n') {
        if (t->len < TTY_INBUF && t->nbnd < TTY_MAXLINES) {
            t->in[t->len++] = c;
            end_line(t);
            echo(minor, c);
        }
    } else if (t->len < TTY_INBUF - 1) {
        t->in[t->len++] = c;
        echo(minor, c);
    }
}

/* Ctrl-C, Ctrl-\\, Ctrl-Z: the line being edited goes, the signal is
 * queued for PM; was c one of them? */
static int signal_char(int minor, char c)
{
    static const struct { int cc, signo; const char *echo; } keys[] = {
        { TTY_VINTR, TTY_SIGINT, "^C\n" },
        { TTY_VQUIT, TTY_SIGQUIT, "^\\\n" },
        { TTY_VSUSP, TTY_SIGTSTP, "^Z\n" },
    };
    struct tty *t = &ttys[minor];
    for (unsigned i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        if (!is_cc(t, keys[i].cc, c))
            continue;
        t->len = canonical(t) ? cooked_end(t) : t->len;
        if (t->attr.flags & TTY_ECHO)
            tty_output(minor, keys[i].echo, 3);
        sig_raise(minor, keys[i].signo);
        return 1;
    }
    return 0;
}

void line_input(int minor, char c)
{
    struct tty *t = &ttys[minor];
    tty_mend();
    if ((t->attr.flags & TTY_ICRNL) && c == '\r')
        c = '\n';
    if ((t->attr.flags & TTY_ISIG) && signal_char(minor, c))
        return;
    if (canonical(t)) {
        canon_input(minor, c);
    } else if (t->len < TTY_INBUF) {
        t->in[t->len++] = c;
        echo(minor, c);
    }
}

void tty_input(enum tty_source src, char c)
{
    int own = src == SRC_KBD ? TTY_VGA : TTY_SERIAL;
    line_input(ttys[own].opens > 0 ? own : TTY_CONSOLE, c);
}

/* Drop the first n bytes and the first 'lines' boundaries. */
static void consume(struct tty *t, uint32_t n, int lines)
{
    int j = 0;
    memmove(t->in, t->in + n, t->len - n);
    t->len -= n;
    for (int i = lines; i < t->nbnd; i++)
        t->bnd[j++] = t->bnd[i] - n;
    t->nbnd = j;
}

/* Remember a reader for one notification (the oldest is forgotten when
 * TTY_WAITERS others wait already). */
static void add_waiter(struct tty *t, endpoint_t who)
{
    for (int i = 0; i < t->nwait; i++)
        if (t->waiters[i] == who)
            return;
    if (t->nwait == TTY_WAITERS) {
        memmove(t->waiters, t->waiters + 1, (TTY_WAITERS - 1) * sizeof(endpoint_t));
        t->nwait--;
    }
    t->waiters[t->nwait++] = who;
}

/* The read contract: data now, or EAGAIN and a notification later. */
int line_read(int minor, endpoint_t who, grant_id_t g, uint32_t size)
{
    struct tty *t = &ttys[minor];
    uint32_t avail, n;
    int r;
    tty_mend();
    if (!line_readable(t)) {
        add_waiter(t, who);
        return -EAGAIN;
    }
    avail = canonical(t) ? t->bnd[0] : t->len;
    if (avail == 0) {                   /* EOF */
        consume(t, 0, 1);
        return 0;
    }
    n = size < avail ? size : avail;
    r = sys_safecopyto(who, g, 0, t->in, n);
    if (r != OK)
        return r;                       /* nothing consumed */
    if (canonical(t))
        consume(t, n, n == avail ? 1 : 0);
    else
        consume(t, n, t->nbnd);         /* raw: no line boundaries */
    return (int)n;
}

/* CDEV_POLL: readable now, or (notify) a notification once it is, as for
 * a read that got EAGAIN.  Writes never wait. */
int line_poll(int minor, endpoint_t who, int notify)
{
    struct tty *t = &ttys[minor];
    tty_mend();
    if (line_readable(t))
        return CDEV_POLLIN | CDEV_POLLOUT;
    if (notify)
        add_waiter(t, who);
    return CDEV_POLLOUT;
}

/* New attributes; leaving raw mode turns raw input into a line. */
void line_set_attr(struct tty *t, const struct tty_attr *a)
{
    if (!canonical(t) && (a->flags & TTY_ICANON) && t->len > cooked_end(t))
        end_line(t);
    t->attr = *a;
}

/* Notify each reader that got EAGAIN once its minor became readable. */
void tty_wake(void)
{
    for (int i = 0; i < TTY_NR_MINORS; i++) {
        struct tty *t = &ttys[i];
        if (!line_readable(t))
            continue;
        for (int j = 0; j < t->nwait; j++)
            ipc_notify(t->waiters[j]);
        t->nwait = 0;
    }
}

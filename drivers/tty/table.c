/*
 * table.c - the terminal's chardriver table (lib/include/chardriver.h):
 * open and close count users of a minor (input routing, line.c; the
 * count is saved in DS with the settings, state.c), and an open may make
 * it a session's terminal (job.c); read follows the non-blocking
 * contract of proto/tty.h, write copies the whole request first and then
 * outputs it, so a bad grant prints nothing; a background job's read
 * (and write, under TOSTOP) is refused for its signal (job.c).
 */
#include "tty.h"

static char wbuf[CHARDRIVER_MAX_IO];    /* one write request */

static int tty_open(int minor, int flags, endpoint_t who)
{
    tty_touch();
    ttys[minor].opens++;
    job_open(&ttys[minor]);
    state_save();
    return OK;
}

static int tty_close(int minor, endpoint_t who)
{
    tty_touch();
    if (ttys[minor].opens > 0)
        ttys[minor].opens--;
    state_save();
    return OK;
}

static int tty_read(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                    uint32_t size, int flags)
{
    int r = job_check(&ttys[minor], 0);
    if (r != OK)
        return r;
    tty_touch();
    return line_read(minor, who, g, size);
}

static int tty_poll(int minor, endpoint_t who, int notify)
{
    tty_touch();                        /* it may remember who */
    return line_poll(minor, who, notify);
}

static int tty_write(int minor, uint32_t pos, endpoint_t who, grant_id_t g,
                     uint32_t size, int flags)
{
    int r = ttys[minor].attr.flags & TTY_TOSTOP ? job_check(&ttys[minor], 1) : OK;
    if (r != OK || (r = sys_safecopyfrom(who, g, 0, wbuf, size)) != OK)
        return r;
    tty_output(minor, wbuf, size);
    return (int)size;
}

static void tty_notify(const message *m);

const struct chardriver tty_driver = {
    .nr_minors = TTY_NR_MINORS,
    .open = tty_open,
    .close = tty_close,
    .read = tty_read,
    .write = tty_write,
    .ioctl = tty_ioctl,
    .poll = tty_poll,
    .notify = tty_notify,
    .other = tty_other,
    .check = tty_mend,
    .settle = tty_settle,
    .corrupt = tty_corrupt,
};

/* Interrupts: read the devices, re-enable the lines, wake readers. */
static void tty_notify(const message *m)
{
    if (m->m_source != HARDWARE)
        return;
    tty_touch();                        /* input, and the readers it wakes */
    if (m->m.u32[0] & (1u << 1)) {
        kbd_intr();
        sys_irqctl(IRQ_ENABLE, 1);
    }
    if (m->m.u32[0] & (1u << 4)) {
        serial_intr();
        sys_irqctl(IRQ_ENABLE, 4);
    }
    tty_wake();
}

/*
 * main.c - the terminal driver (drivers/tty): VGA console, PS/2
 * keyboard and COM1 behind the character-driver protocol, with a line
 * discipline per minor (proto/tty.h, docs/tty.md).
 *
 * A fresh start resets every minor's line discipline.  A restart keeps
 * what the previous instance had (keep.c: settings, groups, typed input,
 * queued signals), each damaged minor mended from its copy first; if no
 * state was kept it resets and takes the settings from the DS backup
 * (state.c).  Both then take and map the VGA
 * screen (without it, VGA output is dropped), subscribe to IRQ 1 and 4
 * and switch the UART's receive interrupt on.
 */
#include "tty.h"

static int keep(const struct sef_init *info)
{
    const char *why = "nothing was kept";
    if (info->type != SEF_INIT_RESTART)
        return 0;
    if (info->state_pages) {
        tty_mend();
        why = tty_check();
    }
    if (why) {
        printf("tty: restarted (%d restarts): input and settings dropped (%s)\n",
               info->restarts, why);
        return 0;
    }
    printf("tty: restarted (%d restarts): settings and typed input kept\n", info->restarts);
    return 1;
}

static int init(const struct sef_init *info)
{
    int r, kept = keep(info);
    if (!kept) {
        for (int i = 0; i < TTY_NR_MINORS; i++)
            line_reset(&ttys[i]);
        for (int i = 0; info->type == SEF_INIT_RESTART && i < TTY_NR_MINORS; i++)
            state_restore(i);
    }
    sig_init(kept);
    if ((r = vga_init()) != OK)         /* go on with the serial line */
        printf("tty: no VGA screen: %s\n", errname(r));
    if ((r = kbd_init()) != OK || (r = serial_init()) != OK) {
        printf("tty: interrupts: %s\n", errname(r));
        return r;
    }
    printf("tty: %s (restart %d): console, tty0, ttyS0\n",
           info->type == SEF_INIT_RESTART ? "restarted" : "ready", info->restarts);
    return OK;
}

int main(void)
{
    sef_startup(init, init);
    chardriver_task(&tty_driver);
}

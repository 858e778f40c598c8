/*
 * main.c - the terminal driver (drivers/tty): VGA console, PS/2
 * keyboard and COM1 behind the character-driver protocol, with a line
 * discipline per minor (proto/tty.h, docs/tty.md).
 *
 * Startup and restart do the same: reset every minor's line discipline,
 * take and map the VGA screen (without it, VGA output is dropped),
 * subscribe to IRQ 1 and 4 and switch the UART's receive interrupt on.  A restarted tty starts with empty
 * queues but gets its attributes and foreground groups back from DS
 * (state.c); its readers got EDEADSRCDST from IPC.
 */
#include "tty.h"

static int init(const struct sef_init *info)
{
    int r;
    for (int i = 0; i < TTY_NR_MINORS; i++)
        line_reset(&ttys[i]);
    if (info->type == SEF_INIT_RESTART)
        state_restore();
    sig_init();
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

/*
 * scen_vga.c - the screen and the keyboard: a console write reaches COM1
 * and VGA, tty0 writes reach VGA only, 30 lines scroll, the ANSI subset
 * (clear, home, position, clear to end of line) draws where it should;
 * keys typed on the PS/2 keyboard (shift, Caps Lock, Ctrl-U, Backspace)
 * reach a reader of tty0.  The host reads VGA memory after each
 * "ttytest: screen <tag> cursor <row>,<col>" line (the cursor read from
 * the CRTC).  Then scen_restart: the tty crashed by RS fault injection
 * comes back, takes the screen again, keeps its attributes and works.
 */
#include "ttytest.h"

static char buf[128];

static uint8_t crtc(uint8_t index)
{
    uint8_t v;
    __asm__ volatile("outb %0, %1" : : "a"(index), "Nd"((uint16_t)0x3d4));
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"((uint16_t)0x3d5));
    return v;
}

/* Tell the host the screen is ready to look at, with the hardware
 * cursor's position (CRTC registers 0x0E/0x0F); give it time. */
static void screen(const char *tag)
{
    unsigned pos = (unsigned)crtc(0x0e) << 8 | crtc(0x0f);
    printf("ttytest: screen %s cursor %u,%u\n", tag, pos / 80, pos % 80);
    sleep_ticks(100);
}

static void output(void)
{
    char line[32];
    expect_bytes(tty_write_str(TTY_CONSOLE, "console marker 7431\n"), 20, "write to the console");
    screen("marker");
    for (int i = 0; i < 30; i++) {
        fmt_snprintf(line, sizeof(line), "vga line %02d\n", i);
        tty_write_str(TTY_VGA, line);
    }
    screen("scroll");
    tty_write_str(TTY_VGA, "\x1b[2J\x1b[Htop\nabcdef\rxy\x1b[K\x1b[;30Hx\x1b[5;10Hmid\ttab\x1b[30;70Hcorner");
    screen("ansi");
}

static void keyboard(void)
{
    expect(cdev_call(CDEV_OPEN, TTY_VGA, 0, 0, 0), OK, "open tty0");
    read_wait(TTY_VGA, "kbd", buf, sizeof(buf), 3000);
    read_wait(TTY_VGA, "caps", buf, sizeof(buf), 3000);
    read_wait(TTY_VGA, "ctrlu", buf, sizeof(buf), 3000);
    screen("echo");
    expect(cdev_call(CDEV_CLOSE, TTY_VGA, 0, 0, 0), OK, "close tty0");
    read_wait(TTY_CONSOLE, "kbdconsole", buf, sizeof(buf), 3000);
}

void scen_vga(void)
{
    output();
    keyboard();
}

static endpoint_t rs_ep(void)
{
    endpoint_t ep = NONE;
    sys_lookup("rs", &ep);
    return ep;
}

static int inject_crash(void)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    m.m_type = RS_FI;
    strlcpy(MSG_BODY(&m, struct rs_req)->label, "tty", 16);
    MSG_BODY(&m, struct rs_req)->kind = RS_FI_CRASH;
    r = ipc_call(rs_ep(), &m);
    return r != OK ? r : m.m_type;
}

void scen_restart(void)
{
    endpoint_t old = tty_ep, now = NONE;
    struct tty_attr a;
    int32_t pgrp = 0;
    expect_bytes(tty_write_str(TTY_CONSOLE, "before the crash\n"), 17, "write before the crash");
    expect(set_flags(TTY_CONSOLE, TTY_ICANON | TTY_ISIG | TTY_ICRNL), OK, "echo off");
    expect(set_pgrp(TTY_CONSOLE, 77), OK, "foreground group 77");
    expect(inject_crash(), OK, "RS: inject a crash into tty");
    for (int i = 0; i < 200; i++) {
        if (sys_lookup("tty", &now) == OK && now != old)
            break;
        sleep_ticks(2);
    }
    check(now != NONE && now != old, "tty came back with a new endpoint (%d -> %d)", old, now);
    expect(cdev_call(CDEV_OPEN, 0, 0, 0, 0), -EDEADSRCDST, "the old endpoint");
    tty_ep = now;
    sleep_ticks(20);                    /* let it finish its initialisation */
    expect_bytes(tty_write_str(TTY_CONSOLE, "after the crash 5821\n"), 21, "write after the crash");
    screen("restart");
    tty_ioctl_buf(TTY_CONSOLE, TTY_GETATTR, &a, sizeof(a), GRANT_WRITE);
    tty_ioctl_buf(TTY_CONSOLE, TTY_GETPGRP, &pgrp, sizeof(pgrp), GRANT_WRITE);
    check(a.flags == (TTY_ICANON | TTY_ISIG | TTY_ICRNL) && pgrp == 77,
          "attributes (flags 0x%x) and group (%d) survived the restart",
          (unsigned)a.flags, (int)pgrp);
    read_wait(TTY_CONSOLE, "alive", buf, sizeof(buf), 3000);
}

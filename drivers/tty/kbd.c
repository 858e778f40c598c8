/*
 * kbd.c - the PS/2 keyboard (ports 0x60/0x64, IRQ 1), scancode set 1
 * (the controller translates), US layout.  Shift, Ctrl and Caps Lock
 * are tracked; Ctrl+letter gives the control character; arrows, Home,
 * End and Delete (0xE0 prefix) become ANSI sequences; Enter gives CR.
 * Bytes that come from the mouse (status bit 5) are ignored.
 *
 * Invariant: the modifier state follows the make and break codes seen.
 */
#include "tty.h"

#define DATA      0x60
#define STATUS    0x64
#define ST_FULL   0x01
#define ST_AUX    0x20
#define MAX_BURST 32

static const char plain[0x3a] =
    "\0\x1b" "1234567890-=\x7f\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3a] =
    "\0\x1b" "!@#$%^&*()_+\x7f\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ";

static int shift, ctrl, caps, extended;

static void emit(const char *s)
{
    while (*s)
        tty_input(SRC_KBD, *s++);
}

static void extended_key(uint8_t code)
{
    switch (code) {
    case 0x48: emit("\x1b[A"); break;
    case 0x50: emit("\x1b[B"); break;
    case 0x4d: emit("\x1b[C"); break;
    case 0x4b: emit("\x1b[D"); break;
    case 0x47: emit("\x1b[H"); break;
    case 0x4f: emit("\x1b[F"); break;
    case 0x53: emit("\x1b[3~"); break;
    case 0x1c: emit("\r"); break;       /* keypad Enter */
    case 0x35: emit("/"); break;        /* keypad / */
    }
}

static int modifier(uint8_t code, int down)
{
    switch (code) {
    case 0x2a: case 0x36: shift = down; return 1;
    case 0x1d: ctrl = down; return 1;
    case 0x3a: caps ^= down; return 1;
    case 0x38: return 1;                /* Alt: nothing yet */
    }
    return 0;
}

static void scancode(uint8_t sc)
{
    int down = !(sc & 0x80), ext = extended;
    uint8_t code = sc & 0x7f;
    char c;
    extended = 0;
    if (sc == 0xe0) {
        extended = 1;
        return;
    }
    if (modifier(code, down) || !down)
        return;                         /* right Ctrl (E0 1D) counts as Ctrl */
    if (ext) {
        extended_key(code);
        return;
    }
    if (code >= sizeof(plain) || !(c = (shift ? shifted : plain)[code]))
        return;
    if (caps && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        c ^= 0x20;
    if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        c &= 0x1f;
    tty_input(SRC_KBD, c);
}

void kbd_intr(void)
{
    for (int i = 0; i < MAX_BURST; i++) {
        uint8_t st = inb(STATUS);
        if (!(st & ST_FULL))
            break;
        if (st & ST_AUX)
            (void)inb(DATA);
        else
            scancode(inb(DATA));
    }
}

int kbd_init(void)
{
    int r;
    shift = ctrl = caps = extended = 0;
    if ((r = sys_irqctl(IRQ_SUBSCRIBE, 1)) != OK)
        return r;
    for (int i = 0; i < MAX_BURST && (inb(STATUS) & ST_FULL); i++)
        (void)inb(DATA);
    return sys_irqctl(IRQ_ENABLE, 1);
}

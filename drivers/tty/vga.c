/*
 * vga.c - the VGA text screen (80x25 at 0xB8000), taken from the kernel
 * log with SYS_CONSOLE and mapped with sys_mapdev.  Handles \n (new
 * line), \r, \b (left, no erase), \t (to the next multiple of 8),
 * scrolling, the hardware cursor (CRTC 0x3D4/0x3D5) and this ANSI
 * subset: ESC[2J (clear screen; ESC[J or ESC[0J: from the cursor to the
 * end; ESC[1J: from the start to the cursor), ESC[H and
 * ESC[<row>;<col>H or f (1-based, clamped), ESC[K (clear to end of
 * line).  Other escape sequences are swallowed.
 *
 * Invariant: 0 <= row < VGA_ROWS, 0 <= col < VGA_COLS after every byte.
 */
#include "tty.h"

#define ATTR      0x0700
#define BLANK     (ATTR | ' ')
#define NPARAMS   4

static volatile uint16_t *screen;
static int row, col;
static enum { NORMAL, ESCAPE, CSI } state;
static int params[NPARAMS], cur;        /* CSI parameters; cur: the one being read */

static void cursor(void)
{
    uint16_t pos = (uint16_t)(row * VGA_COLS + col);
    outb(0x3d4, 0x0f);
    outb(0x3d5, (uint8_t)pos);
    outb(0x3d4, 0x0e);
    outb(0x3d5, (uint8_t)(pos >> 8));
}

static void blank(int from, int to)
{
    for (int i = from; i < to; i++)
        screen[i] = BLANK;
}

static void scroll(void)
{
    for (int i = 0; i < VGA_COLS * (VGA_ROWS - 1); i++)
        screen[i] = screen[i + VGA_COLS];
    blank(VGA_COLS * (VGA_ROWS - 1), VGA_COLS * VGA_ROWS);
}

static void newline(void)
{
    col = 0;
    if (++row == VGA_ROWS) {
        scroll();
        row = VGA_ROWS - 1;
    }
}

static void put(char c)
{
    screen[row * VGA_COLS + col] = ATTR | (uint8_t)c;
    if (++col == VGA_COLS)
        newline();
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The final byte of ESC [ params. */
static void csi(char c)
{
    int here = row * VGA_COLS + col;
    if (c == 'J' && params[0] == 1)
        blank(0, here + 1);
    else if (c == 'J')
        blank(params[0] == 2 ? 0 : here, VGA_ROWS * VGA_COLS);
    else if (c == 'K')
        blank(here, (row + 1) * VGA_COLS);
    else if (c == 'H' || c == 'f') {
        row = clamp(params[0], 1, VGA_ROWS) - 1;
        col = clamp(params[1], 1, VGA_COLS) - 1;
    }
}

static void escape(char c)
{
    if (state == ESCAPE) {
        state = c == '[' ? CSI : NORMAL;
        cur = 0;
        memset(params, 0, sizeof(params));
        return;
    }
    if (c >= '0' && c <= '9') {
        if (cur < NPARAMS && params[cur] < 1000)
            params[cur] = params[cur] * 10 + (c - '0');
    } else if (c == ';') {
        cur += cur < NPARAMS;
    } else if (c >= 0x40 && c <= 0x7e) {
        csi(c);
        state = NORMAL;
    } else if (c != '?') {
        state = NORMAL;                 /* not a sequence we know */
    }
}

static void putc_vga(char c)
{
    if (state != NORMAL)
        escape(c);
    else if (c == 0x1b)
        state = ESCAPE;
    else if (c == '\n')
        newline();
    else if (c == '\r')
        col = 0;
    else if (c == '\b')
        col = col > 0 ? col - 1 : 0;
    else if (c == '\t')
        do put(' '); while (col % 8 && col != 0);
    else if ((unsigned char)c >= 0x20)
        put(c);
}

void vga_write(const char *s, uint32_t n)
{
    if (!screen)
        return;
    for (uint32_t i = 0; i < n; i++)
        putc_vga(s[i]);
    cursor();
}

/* Continue below the last line the kernel (or our predecessor) wrote. */
static void find_end(void)
{
    row = 0;
    for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
        if ((screen[i] & 0xff) != ' ' && (screen[i] & 0xff) != 0)
            row = i / VGA_COLS + 1;
    col = 0;
    if (row == VGA_ROWS) {
        scroll();
        row = VGA_ROWS - 1;
    }
}

int vga_init(void)
{
    void *p;
    int r = sys_mapdev(0xb8000, VGA_ROWS * VGA_COLS * 2, &p);
    if (r != OK)
        return r;
    if ((r = sys_console(CONS_TAKE_VGA)) != OK)
        return r;
    screen = p;
    state = NORMAL;
    find_end();
    cursor();
    return OK;
}

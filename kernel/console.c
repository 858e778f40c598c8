/*
 * console.c - the kernel's output: COM1 (115200 8N1) and the VGA text
 * screen, both written for every character; everything also goes to the
 * kernel log ring (klog.c) so that dmesg can show it later.  A tty driver
 * may take the screen (SYS_CONSOLE); from then on the log goes to serial
 * and the ring only, until that driver gives the screen back or dies.
 * A line is written whole: what an NMI prints meanwhile comes after it.
 */
#include <stdarg.h>
#include "kernel.h"
#include "../lib/common/format.h"

#define COM1      0x3f8
#define VGA_COLS  80
#define VGA_ROWS  25
#define VGA_ATTR  0x0700

static volatile uint16_t *const vga = (volatile uint16_t *)0xb8000;
static int vga_row, vga_col;
static endpoint_t vga_owner = NONE;     /* NONE: the kernel draws the log */

void console_take_vga(endpoint_t owner)
{
    vga_owner = owner;
}

/* The screen's owner gave it back or died: the kernel draws again. */
void console_release_vga(endpoint_t owner)
{
    if (vga_owner == owner)
        vga_owner = NONE;
}

void console_init(void)
{
    outb(COM1 + 1, 0x00);       /* no interrupts */
    outb(COM1 + 3, 0x80);       /* DLAB on */
    outb(COM1 + 0, 0x01);       /* divisor 1: 115200 baud */
    outb(COM1 + 1, 0x00);
    outb(COM1 + 3, 0x03);       /* 8N1 */
    outb(COM1 + 2, 0xc7);       /* FIFO on, cleared */
    outb(COM1 + 4, 0x03);       /* DTR, RTS */
    for (int i = 0; i < VGA_COLS * VGA_ROWS; i++)
        vga[i] = VGA_ATTR | ' ';
}

static void serial_putc(char c)
{
    for (int spin = 0; spin < 100000 && !(inb(COM1 + 5) & 0x20); spin++)
        ;
    outb(COM1, (uint8_t)c);
}

static void vga_scroll(void)
{
    for (int i = 0; i < VGA_COLS * (VGA_ROWS - 1); i++)
        vga[i] = vga[i + VGA_COLS];
    for (int i = 0; i < VGA_COLS; i++)
        vga[VGA_COLS * (VGA_ROWS - 1) + i] = VGA_ATTR | ' ';
    vga_row = VGA_ROWS - 1;
}

static void vga_putc(char c)
{
    if (c == '\n') {
        vga_col = 0;
        vga_row++;
    } else if (c != '\r') {
        vga[vga_row * VGA_COLS + vga_col] = VGA_ATTR | (uint8_t)c;
        if (++vga_col == VGA_COLS) {
            vga_col = 0;
            vga_row++;
        }
    }
    if (vga_row >= VGA_ROWS)
        vga_scroll();
}

static void emit(const char *s, size_t n)
{
    klog_append(s, n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            serial_putc('\r');
        serial_putc(s[i]);
        if (vga_owner == NONE)
            vga_putc(s[i]);
    }
}

/* An NMI (or the double fault) may print while a write is half done: its
 * text waits in 'deferred' and follows the interrupted line, so lines are
 * never mixed.  Recovery (stab_recover), which abandons the interrupted
 * write, calls console_recover to let it out. */
static volatile int writing;
static char deferred[512];
static volatile size_t ndeferred;

/* An NMI only appends past ndeferred, so what is emitted stays put. */
static void flush_deferred(void)
{
    size_t done = 0;
    while (done < ndeferred) {
        size_t n = ndeferred;
        emit(deferred + done, n - done);
        done = n;
    }
    ndeferred = 0;
}

void console_write(const char *s, size_t n)
{
    if (writing) {
        size_t room = sizeof(deferred) - ndeferred;
        memcpy(deferred + ndeferred, s, n < room ? n : room);
        ndeferred += n < room ? n : room;
        return;
    }
    writing = 1;
    emit(s, n);
    flush_deferred();
    writing = 0;
}

void console_recover(void)
{
    writing = 1;
    flush_deferred();
    writing = 0;
}

void kprintf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

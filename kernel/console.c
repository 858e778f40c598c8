/*
 * console.c - the kernel's output: COM1 (115200 8N1) and the VGA text
 * screen, both written for every character; everything also goes to the
 * kernel log ring (klog.c) so that dmesg can show it later.  A tty driver
 * may take the screen (SYS_CONSOLE); from then on the log goes to serial
 * and the ring only, until that driver gives the screen back or dies.
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

void console_write(const char *s, size_t n)
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

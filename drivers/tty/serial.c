/*
 * serial.c - COM1 (0x3F8..0x3FF, IRQ 4).  The kernel has set the line up
 * (115200 8N1, FIFO on) and writes its log here too; we add the
 * receive interrupt (IER bit 0, MCR OUT2) with a 1-byte FIFO trigger.
 * Output is polled and turns NL into CR NL; the transmitter wait is
 * bounded, so a missing UART cannot hang the driver.
 */
#include "tty.h"

#define COM1      0x3f8
#define RBR       (COM1 + 0)
#define IER       (COM1 + 1)
#define FCR       (COM1 + 2)
#define MCR       (COM1 + 4)
#define LSR       (COM1 + 5)
#define LSR_DATA  0x01
#define LSR_THRE  0x20
#define MAX_BURST 64            /* bytes taken per interrupt */

int serial_init(void)
{
    int r;
    if ((r = sys_irqctl(IRQ_SUBSCRIBE, 4)) != OK)
        return r;
    outb(FCR, 0x01);            /* FIFO on, trigger at 1 byte, nothing cleared */
    outb(MCR, inb(MCR) | 0x08); /* OUT2: the UART's interrupt reaches the PIC */
    outb(IER, 0x01);            /* received data available */
    return sys_irqctl(IRQ_ENABLE, 4);
}

static void putc_serial(char c)
{
    for (int spin = 0; spin < 100000 && !(inb(LSR) & LSR_THRE); spin++)
        ;
    outb(COM1, (uint8_t)c);
}

void serial_write(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            putc_serial('\r');
        putc_serial(s[i]);
    }
}

void serial_intr(void)
{
    for (int i = 0; i < MAX_BURST && (inb(LSR) & LSR_DATA); i++)
        tty_input(SRC_SERIAL, (char)inb(RBR));
}

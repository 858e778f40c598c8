/*
 * port.h - port I/O from ring 3.  The ata driver's ports are in its
 * privileges (services.conf), so the kernel puts them in the TSS I/O
 * bitmap while the driver runs and these instructions need no kernel
 * call; a port outside them is a general-protection fault.
 */
#ifndef ATA_PORT_H
#define ATA_PORT_H

#include <stdint.h>

static inline uint8_t port_in8(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void port_out8(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

/* n 16-bit words from port into buf (the data register). */
static inline void port_in16s(uint16_t port, void *buf, uint32_t n)
{
    __asm__ volatile("rep insw" : "+D"(buf), "+c"(n) : "d"(port) : "memory");
}

static inline void port_out16s(uint16_t port, const void *buf, uint32_t n)
{
    __asm__ volatile("rep outsw" : "+S"(buf), "+c"(n) : "d"(port));
}

#endif

/*
 * kernel.h - what every kernel file needs: types, port I/O, the console
 * and log, panic, and the boot-time configuration.
 *
 * Invariant: the kernel runs with interrupts disabled (all gates are
 * interrupt gates); only the idle loop enables them, around hlt.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include "../lib/include/ipc.h"
#include "../lib/common/kstring.h"

#define HZ 100                      /* clock ticks per second */

static inline void outb(uint16_t port, uint8_t v)
{ __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(uint16_t port, uint16_t v)
{ __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(uint16_t port, uint32_t v)
{ __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{ uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint16_t inw(uint16_t port)
{ uint16_t v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline uint32_t inl(uint16_t port)
{ uint32_t v; __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port)); return v; }

/* console.c: serial COM1 + VGA text; klog.c: the kernel log ring. */
void console_init(void);
void console_write(const char *s, size_t n);
void console_recover(void);         /* after a recovery: the deferred output */
void console_take_vga(endpoint_t owner);
void console_release_vga(endpoint_t owner);
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
size_t klog_read(uint32_t offset, char *buf, size_t len, uint32_t *total);
void klog_append(const char *s, size_t n);

/* panic.c */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* cmdline.c: the GRUB command line plus QEMU's opt/stabilix/cmdline. */
void cmdline_init(const char *grub_cmdline);
int cmdline_get(const char *key, char *buf, size_t len);
int cmdline_list_has(const char *key, const char *word);
int cmdline_has(const char *word);

/* fwcfg.c: QEMU firmware configuration; returns bytes read or -1. */
int fwcfg_present(void);
int fwcfg_read_file(const char *name, char *buf, size_t len);

/* acct.c: TSC spent in interrupts, the checker and the NMI (GI_ACCT) */
struct sys_acct;
void acct_init(void);               /* first thing at boot: the TSC at entry */
uint64_t acct_now(void);
uint64_t acct_start(void);          /* a mark for acct_irq / acct_check */
void acct_irq(uint64_t since);
void acct_check(uint64_t since);
void acct_nmi(uint64_t since);
void acct_info(struct sys_acct *out);

/* tsc.c: microseconds since boot from the TSC, calibrated on the PIT */
void tsc_calibrate(void);
uint64_t tsc_usec(void);
void rtc_init(void);                   /* rtc.c: read the wall clock once */
extern uint32_t rtc_boot_epoch;        /* epoch second at TSC clock zero */

/* clock.c */
extern volatile uint32_t ticks;
void clock_init(void);
void clock_tick(void);
void clock_alarm_set(uint32_t at);

/* power.c */
void power_off(int status) __attribute__((noreturn));
void power_reboot(void) __attribute__((noreturn));

#endif

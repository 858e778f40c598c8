/*
 * tty.h - the terminal driver's shared state and its parts (drivers/tty).
 *
 *   main.c    startup (fresh and restart), interrupt dispatch
 *   table.c   the chardriver table: open, close, read, write
 *   line.c    the line discipline: input editing, echo, readability
 *   ioctl.c   TTY_GETATTR .. TTY_GETWINSZ
 *   signal.c  the Ctrl-C signal queue and TTY_SIGPULL
 *   job.c     controlling terminals, background checks, TTY_HANGUP
 *   state.c   attributes, foreground groups and open counts backed up in DS
 *   keep.c    the self-check and what a restarted tty inherits (state region)
 *   vga.c     the VGA text screen: scrolling, cursor, ANSI subset
 *   serial.c  COM1: input by interrupt, output polled
 *   kbd.c     the PS/2 keyboard: scancode set 1, US layout
 *
 * Invariants (struct tty): len <= TTY_INBUF; 0 <= nbnd <= TTY_MAXLINES;
 * bnd[] ascending, each <= len; waiters[0..nwait) distinct, oldest first; in canonical mode the bytes before
 * bnd[nbnd-1] are complete lines (readable) and the rest is the line
 * being edited; a boundary equal to the one before it (or 0) is an EOF.
 * The protocol is lib/include/proto/tty.h.
 */
#ifndef TTY_H
#define TTY_H

#include "chardriver.h"
#include "proto/tty.h"

#define TTY_INBUF     1024      /* input bytes kept per minor */
#define TTY_MAXLINES  64        /* complete lines (and EOFs) kept per minor */
#define TTY_WAITERS   4         /* readers remembered per minor for a notify */
#define VGA_ROWS      25
#define VGA_COLS      80

enum tty_source { SRC_KBD, SRC_SERIAL };

struct tty {
    struct tty_attr attr;
    int32_t pgrp;               /* foreground process group, 0 = none */
    int32_t sid;                /* the session whose terminal it is, 0 = none */
    int opens;                  /* CDEV_OPEN minus CDEV_CLOSE */
    int nwait;
    endpoint_t waiters[TTY_WAITERS]; /* got EAGAIN; each is notified once */
    uint32_t len;               /* bytes in in[] */
    int nbnd;
    uint32_t bnd[TTY_MAXLINES]; /* ends of complete lines (canonical) */
    char in[TTY_INBUF];
};

extern struct tty ttys[TTY_NR_MINORS];
extern const struct chardriver tty_driver;

/* Port I/O: the kernel lets us use in/out on our ports (TSS bitmap). */
static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

/* line.c */
void line_reset(struct tty *t);
void line_input(int minor, char c);
void tty_input(enum tty_source src, char c);
int line_readable(const struct tty *t);
int line_read(int minor, endpoint_t who, grant_id_t g, uint32_t size);
int line_poll(int minor, endpoint_t who, int notify);   /* CDEV_POLL* bits */
void line_set_attr(struct tty *t, const struct tty_attr *a);
void tty_wake(void);
void tty_output(int minor, const char *s, uint32_t n);

/* ioctl.c */
int tty_ioctl(int minor, uint32_t request, endpoint_t who, grant_id_t g, uint32_t size);

/* signal.c */
void sig_init(int keep);                /* keep: the inherited queue passed sig_check */
const char *sig_check(void);
void sig_raise(int minor, int signo);   /* TTY_SIG*: queued for PM */
int tty_other(message *m);

/* job.c */
void job_open(struct tty *t);           /* a session leader may take it */
int job_check(const struct tty *t, int out);    /* OK, -ETTIN, -ETTOU */
int job_may_set_pgrp(const struct tty *t);
int job_hangup(message *m, endpoint_t pm);

/* state.c */
void state_save(void);
void state_restore(int minor);          /* its saved attributes, group and opens, if any */

/* keep.c */
const char *tty_check(void);
void tty_mend(void);                    /* check every minor, mend those that fail */
void tty_touch(void);                   /* a minor may change: tty_settle mends */
void tty_settle(void);
void tty_corrupt(void);

/* vga.c */
int vga_init(void);
void vga_write(const char *s, uint32_t n);

/* serial.c */
int serial_init(void);
void serial_write(const char *s, uint32_t n);
void serial_intr(void);

/* kbd.c */
int kbd_init(void);
void kbd_intr(void);

#endif

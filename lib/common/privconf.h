/*
 * privconf.h - parser for the plain-text service descriptions
 * (etc/services.conf and friends), shared by the kernel and host tests.
 *
 * Format: one block per service, keywords one per line, '#' comments:
 *
 *   service tty                    # starts a block; label <= 15 chars
 *       program  tty               # boot module file name (default: label)
 *       boot     yes               # started at boot (default yes)
 *       parent   rs                # supervisor label (default rs)
 *       ipc      rs ds vfs user    # allowed IPC targets, or ALL
 *       calls    irqctl devio      # allowed kernel calls, or ALL
 *       io       0x3f8-0x3ff 0x60  # I/O port ranges (TSS bitmap, devio)
 *       irq      1 4               # IRQ lines it may own
 *       mem      0xb8000-0xbffff   # device memory it may map
 *       priority 3                 # 0 (highest) .. 7
 *       quantum  8                 # clock ticks per turn
 *       period   50                # RS heartbeat period in ticks, 0 = none
 *       restarts 10                # failures in a row before RS gives up
 *       backoff  100               # cap of RS's restart delay, in ticks
 *       admin    yes               # may use RS's service commands
 *
 * Invariants: privconf_parse either fills *out completely and returns
 * the number of services, or returns -1 with a line number and a message
 * in *err; it never writes past the arrays in struct privconf.
 */
#ifndef STABILIX_PRIVCONF_H
#define STABILIX_PRIVCONF_H

#include <stdint.h>

#define PC_LABEL     16
#define PC_MAX_SVC   63      /* + the "user" privilege = 64 ids */
#define PC_MAX_IPC   16
#define PC_MAX_IO    8
#define PC_MAX_MEM   4
#define PC_NR_PRIO   8
#define PC_DEF_PERIOD   50      /* 0.5 s at HZ 100 */
#define PC_DEF_RESTARTS 10
#define PC_DEF_BACKOFF  100

struct pc_range { uint32_t base, last; };

struct pc_service {
    char label[PC_LABEL];
    char program[PC_LABEL];
    char parent[PC_LABEL];
    int boot;
    int ipc_all;
    int nipc;
    char ipc[PC_MAX_IPC][PC_LABEL];
    uint32_t calls;             /* bit n = kernel call SYS_BASE + n */
    int nio;
    struct pc_range io[PC_MAX_IO];
    uint32_t irqs;              /* bit n = IRQ line n (0..15) */
    int nmem;
    struct pc_range mem[PC_MAX_MEM];
    int priority;
    int quantum;
    int period;                 /* heartbeat period (ticks), 0 = none */
    int restarts;               /* consecutive failures tolerated */
    int backoff;                /* restart delay cap (ticks) */
    int admin;
};

struct privconf {
    int nsvc;
    struct pc_service svc[PC_MAX_SVC];
};

struct pc_error {
    int line;
    char msg[64];
};

/* Parse text[0..len) and append its services to *out (which the caller
 * zeroes once).  Returns the total number of services or -1. */
int privconf_parse(const char *text, uint32_t len, struct privconf *out,
                   struct pc_error *err);

/* Kernel call name -> number (0-based, SYS_BASE relative), -1 if unknown. */
int privconf_call_number(const char *name, int len);

#endif

/*
 * stabilize.h - self-stabilization (DESIGN.md section 5): the boot
 * options, the repair counters and the checkers.
 *
 * Every mechanism can be switched off on the kernel command line:
 *   stab=off          all of them
 *   nocheck           the periodic checker (tables, processes, queues)
 *   norom             the kernel text/rodata CRC comparison
 *   nonmi             the watchdog NMI and the NMI/double-fault task gates
 *   nowdt             the i6300esb hardware watchdog
 *   testhooks         lets the host trigger stab_hook faults (tests only)
 * A checker returns the number of repairs it made; every repair bumps
 * one counter and logs one line "stab: <what>" (stab_repair).
 * Invariants: checkers only read through bounded loops and never follow
 * a pointer they have not range-checked; they run with interrupts off,
 * from the clock tick (one slice each tick), after a kernel exception,
 * or from the NMI task (only the constant-template checks there).
 */
#ifndef KERNEL_STABILIZE_H
#define KERNEL_STABILIZE_H
#include "kernel.h"
#include "../lib/include/proto/sys.h"

struct proc;

#define STAB_CHECK  SF_CHECK
#define STAB_ROM    SF_ROM
#define STAB_NMI    SF_NMI
#define STAB_WDT    SF_WDT
#define STAB_HOOKS  SF_HOOKS

extern uint32_t stab_flags;         /* STAB_* mechanisms switched on */
extern volatile uint32_t stab_hook; /* written by the host in tests */

static inline int stab_on(uint32_t m) { return (stab_flags & m) != 0; }

/* stab.c */
void stab_init(void);               /* after cmdline_init, before processes */
void stab_tick(void);               /* clock path: one checker slice */
uint32_t stab_sweep_ticks(void);    /* ticks a full sweep takes */
void stab_repair(int counter, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int stab_full_check(void);          /* every checker once; repairs made */
void stab_info(struct sys_stab *out);
void stab_recover(void) __attribute__((noreturn));   /* abandon, check, schedule */
void stab_kernel_fault(uint32_t vector, uint32_t eip);  /* trap_kernel */

/* check_cpu.c: GDT, IDT, TSS, descriptor registers, CR0/CR3/CR4, PIC, PIT */
int check_cpu(int in_nmi);
/* check_rom.c: kernel text/rodata against the "kernel" boot module */
void rom_init(void);
int check_rom(int chunk);           /* one chunk; -1: all */
int rom_chunks(void);
/* check_proc.c: process table, run queues, blocked-on relations, pgdirs */
int check_procs(int first, int n);
int check_runq(void);
int check_ipc(void);
int check_pgdirs(int first, int n);
/* check_frames.c: frame ownership against the page tables */
void frames_snapshot(void);         /* at boot, before the first process */
int check_frames(void);              /* a whole sweep at once */
int check_frames_slice(int start);  /* a bounded part; start: begin a sweep if none runs */
void frames_sweep_abort(void);      /* tables moved without allocation: sweep again */
/* check_tables.c: grants, alarms, privilege table */
int check_grants(struct proc *p);
int check_timers(void);
int check_privs(void);
/* nmi.c: the watchdog NMI (IO-APIC pin 2 fed by the PIT), task gates */
void nmi_init(void);
int check_ioapic(void);
void nmi_mask_for_test(void);
extern uint32_t nmi_count;
/* wdt.c: the i6300esb */
void wdt_init(void);
void wdt_kick(void);

#endif

/*
 * proto/sys.h - kernel calls: ipc_call(SYSTEM, &m) with m_type = SYS_*.
 *
 * The reply's m_type is OK or -E<error>; results come back in the same
 * payload struct.  Each call is allowed only if the caller's privilege
 * entry lists it (otherwise ECALLDENIED, logged).  Handlers live one per
 * file in kernel/system/do_<call>.c.
 */
#ifndef STABILIX_PROTO_SYS_H
#define STABILIX_PROTO_SYS_H

#include "../ipc.h"

#define SYS_BASE        0x600
#define SYS_EXIT        (SYS_BASE + 0)   /* end the caller */
#define SYS_KILL        (SYS_BASE + 1)   /* end another process */
#define SYS_SAFECOPYFROM (SYS_BASE + 2)  /* copy from a grant into caller */
#define SYS_SAFECOPYTO  (SYS_BASE + 3)   /* copy from caller into a grant */
#define SYS_IRQCTL      (SYS_BASE + 4)   /* subscribe, enable, disable an IRQ */
#define SYS_DEVIO       (SYS_BASE + 5)   /* checked port in/out */
#define SYS_MAPDEV      (SYS_BASE + 6)   /* map device memory */
#define SYS_GETINFO     (SYS_BASE + 7)   /* self, lookup, uptime, kernel log */
#define SYS_DIAG        (SYS_BASE + 8)   /* print to the kernel log */
#define SYS_SHUTDOWN    (SYS_BASE + 9)   /* power off or reboot */
#define SYS_GETKSIG     (SYS_BASE + 10)  /* supervisor: next death report */
#define SYS_SETALARM    (SYS_BASE + 11)  /* notify SYSEV_ALARM after n ticks */
#define SYS_SPAWN       (SYS_BASE + 12)  /* RS: start a service from an image */
#define SYS_GETMODULE   (SYS_BASE + 13)  /* RS: read a boot module */
#define SYS_CONSOLE     (SYS_BASE + 14)  /* a tty driver takes the VGA screen */
#define SYS_FORK        (SYS_BASE + 15)  /* PM: copy a process that is calling PM */
#define SYS_VMCTL       (SYS_BASE + 16)  /* PM: map/unmap anonymous memory */
#define SYS_EXEC        (SYS_BASE + 17)  /* PM: replace (or create) a user process */
#define SYS_SIGFRAME    (SYS_BASE + 18)  /* PM: make a process run a signal handler */
#define SYS_SIGRETURN   (SYS_BASE + 19)  /* PM: resume where the handler interrupted */
#define SYS_STOP        (SYS_BASE + 20)  /* PM: stop or continue a user process */
#define NR_SYS_CALLS    21

struct sys_kill     { endpoint_t ep; };
struct sys_exit     { int32_t status; };
struct sys_safecopy {
    endpoint_t owner; grant_id_t grant; uint32_t offset;
    uint32_t addr; uint32_t len;
};
#define IRQ_SUBSCRIBE 1
#define IRQ_ENABLE    2
#define IRQ_DISABLE   3
struct sys_irqctl   { int32_t op; int32_t irq; };
#define DIO_IN   0
#define DIO_OUT  1
struct sys_devio    { int32_t dir; int32_t size; uint32_t port; uint32_t value; };
struct sys_mapdev   { uint32_t phys; uint32_t len; uint32_t vaddr; /* out */ };
#define GI_SELF    1   /* out: ep, label */
#define GI_LOOKUP  2   /* in: label; out: ep */
#define GI_UPTIME  3   /* out: ticks, hz */
#define GI_KLOG    4   /* in: offset; out: a chunk of the kernel log (sys_klog) */
#define GI_ARG     5   /* in: key; out: its kernel command-line value (sys_getarg) */
#define GI_PROC    6   /* in: slot; out: that slot's state (sys_procinfo) */
#define GI_MEM     7   /* out: free and total page frames (sys_meminfo) */
#define GI_STAB    8   /* out: self-stabilization switches and repair counters (sys_stab) */
#define GI_ACCT    9   /* out: TSC now and TSC spent in IRQs, checker, NMI (sys_acct) */
#define GI_CLOCK   10  /* out: microseconds since boot (sys_clock) */
#define GI_STATE   11  /* out: state pages inherited, predecessor's end (sys_state) */
struct sys_getinfo  {
    int32_t what; endpoint_t ep; uint32_t ticks; uint32_t hz; char label[16];
};
/* GI_CLOCK: microseconds since boot, from the TSC (kernel/tsc.c), and
 * the epoch second at which that count was 0 (kernel/rtc.c). */
struct sys_clock    { int32_t what; uint32_t usec_lo, usec_hi, boot_epoch; };
/* GI_STATE: pages of the state region kept from the caller's previous
 * instance (kernel/keep.c); 0 for a fresh start. */
struct sys_state    { int32_t what; uint32_t pages;
                      uint32_t ended_lo, ended_hi; };  /* GI_CLOCK usec, 0 = first */
#define GI_KLOG_CHUNK 44
struct sys_klog     { int32_t what; uint32_t offset; uint32_t len; char data[GI_KLOG_CHUNK]; };
#define PI_FREE      0x01  /* sys_procinfo.flags: the kernel's P_* bits */
#define PI_SENDING   0x02
#define PI_RECEIVING 0x04
#define PI_STOPPED   0x10
#define PI_USER      0x100 /* an ordinary user process, not a service: its name
                              is whatever it was run as, never an identity */
struct sys_procinfo { int32_t what; int32_t slot; endpoint_t ep; int32_t flags;
                      endpoint_t sendto; endpoint_t getfrom; int32_t priority;
                      uint32_t pages; /* in: nonzero to count them; out: frames
                                         owned, page tables included */
                      char name[16];
                      uint32_t ticks; /* clock ticks (HZ 100) it has run */ };
struct sys_meminfo  { int32_t what; uint32_t free_pages; uint32_t total_pages; };
/* Repair counters of the self-stabilization checkers (kernel/stabilize.h). */
enum { SC_ROM, SC_GDT, SC_IDT, SC_TSS, SC_CPUREG, SC_PIC, SC_PIT, SC_IOAPIC,
       SC_PROC, SC_KILLED, SC_RUNQ, SC_IPC, SC_PGDIR, SC_TIMER, SC_PRIV,
       SC_NMI_RECOVER, SC_KFAULT, SC_DFAULT, SC_FRAME, SC_RS, SC_NR };
#define SC_NAMES { "rom", "gdt", "idt", "tss", "cpureg", "pic", "pit", "ioapic", \
                   "proc", "killed", "runq", "ipc", "pgdir", "timer", "priv", \
                   "nmi_recover", "kfault", "dfault", "frame", "rs" }
/* sys_stab.flags: the mechanisms switched on (boot options stab=off, ...) */
#define SF_CHECK  0x01      /* periodic checker */
#define SF_ROM    0x02      /* kernel text/rodata compared with the pristine copy */
#define SF_NMI    0x04      /* watchdog NMI */
#define SF_WDT    0x08      /* locked hardware watchdog */
#define SF_HOOKS  0x10      /* test-only fault hooks */
struct sys_stab     { int32_t what; uint16_t flags; uint16_t sweeps;
                      uint16_t count[SC_NR]; /* saturating at 65535 */
                      uint32_t nmis; uint32_t total; };
/* Where the time went (kernel/acct.c), in TSC ticks: tsc now, boot the
 * TSC at kernel entry; irq, check and nmi since then (check is part of
 * irq); check_max is the longest single checker slice. */
struct sys_acct     { int32_t what; uint32_t check_max; uint32_t check_runs;
                      uint32_t sweep_ticks; /* ticks of one full checker sweep */
                      uint64_t tsc; uint64_t boot; uint64_t irq; uint64_t check;
                      uint64_t nmi; };
struct sys_getarg   { int32_t what; char key[12]; char value[40]; };
struct sys_diag     { uint32_t len; char text[52]; };
#define SD_POWEROFF 1
#define SD_REBOOT   2
struct sys_shutdown { int32_t how; int32_t status; };
#define KSIG_EXIT      1   /* exited with status */
#define KSIG_EXCEPTION 2   /* CPU exception */
#define KSIG_KILLED    3   /* killed by a kernel call */
struct sys_getksig  {
    endpoint_t ep; int32_t reason; int32_t status; uint32_t vector;
    uint32_t eip; uint32_t cr2; char label[16];
};
struct sys_setalarm { uint32_t ticks; };
/* spawn: flags SPAWN_FRESH drops the label's kept state region first. */
#define SPAWN_FRESH 1
struct sys_spawn    { char label[16]; uint32_t addr; uint32_t size; endpoint_t ep; int32_t flags; };
#define CONS_TAKE_VGA 1   /* the kernel stops drawing its log on the screen */
#define CONS_GIVE_VGA 2   /* ... and starts again (also when the owner dies) */
struct sys_console  { int32_t op; };
/* fork, exec, vmctl: 'user' != 0 when the process is an ordinary user's
 * (uid != 0): it keeps out of a larger part of the last free memory
 * (kernel/reserve.c). */
struct sys_fork     { endpoint_t parent; endpoint_t child; /* out */ int32_t user; };
#define VM_MAP   1      /* zeroed pages in [addr, addr+len), all unmapped before */
#define VM_UNMAP 2      /* free the pages of [addr, addr+len), all mapped before */
struct sys_vmctl    { endpoint_t ep; int32_t op; uint32_t addr; uint32_t len; int32_t user; };
/* exec: the ELF image and a ready-made initial stack (argc, argv, envp,
 * strings; pointers already relative to EXEC_STACK_TOP) in PM's memory.
 * ep = NONE creates a new user process (PM's first one, init). */
#define EXEC_STACK_TOP  0xe0000000u
#define EXEC_STACK_MAX  (32u * 1024)
struct sys_exec     { endpoint_t ep; uint32_t image; uint32_t size;
                      uint32_t stack; uint32_t stack_len; char name[16];
                      endpoint_t new_ep; /* out */ int32_t user; };
/* The frame pushed on the user stack for a handler: the handler returns
 * to 'restorer' with (signo, ctx) as its arguments.  fpu: where the
 * interrupted code's x87/SSE state (SIGFRAME_FPU bytes, the fxsave image)
 * was put, above the frame; 0 when it had not used the FPU. */
#define SIGFRAME_FPU 512
struct sigctx       { uint32_t edi, esi, ebp, ebx, edx, ecx, eax;
                      uint32_t eip, eflags, esp; uint32_t mask; uint32_t fpu; };
struct sigframe     { uint32_t retaddr; int32_t signo; uint32_t ctx_addr;
                      struct sigctx ctx; };
struct sys_sigframe { endpoint_t ep; uint32_t handler; uint32_t restorer;
                      int32_t signo; uint32_t mask; uint32_t frame; /* out */ };
struct sys_sigreturn { endpoint_t ep; uint32_t ctx; uint32_t mask; /* out */ };
/* stop: 1 stops ep, 0 continues it. */
struct sys_stop     { endpoint_t ep; int32_t stop; };
struct sys_module   { int32_t index; char name[32]; uint32_t addr; uint32_t len; uint32_t size; };

MSG_PAYLOAD_CHECK(struct sys_safecopy);
MSG_PAYLOAD_CHECK(struct sys_getinfo);
MSG_PAYLOAD_CHECK(struct sys_klog);
MSG_PAYLOAD_CHECK(struct sys_diag);
MSG_PAYLOAD_CHECK(struct sys_getarg);
MSG_PAYLOAD_CHECK(struct sys_procinfo);
MSG_PAYLOAD_CHECK(struct sys_meminfo);
MSG_PAYLOAD_CHECK(struct sys_stab);
MSG_PAYLOAD_CHECK(struct sys_acct);
MSG_PAYLOAD_CHECK(struct sys_clock);
MSG_PAYLOAD_CHECK(struct sys_state);
MSG_PAYLOAD_CHECK(struct sys_getksig);
MSG_PAYLOAD_CHECK(struct sys_spawn);
MSG_PAYLOAD_CHECK(struct sys_module);
MSG_PAYLOAD_CHECK(struct sys_exec);
MSG_PAYLOAD_CHECK(struct sys_sigframe);
MSG_PAYLOAD_CHECK(struct sys_sigreturn);
MSG_PAYLOAD_CHECK(struct sys_stop);

#endif

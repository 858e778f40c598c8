/*
 * stabilix.h - Stabilix-specific calls of lib/libc for the system
 * utilities (ps, dmesg, free, uptime, service, poweroff, reboot,
 * stabilize).
 * Each returns what its comment says, or -1 with errno set.
 * On the host, tests/host/host_stabilix.c stands in for them (every call
 * fails with ENOSYS) so that the utilities' argument and error paths can
 * be tested there.
 */
#ifndef STABILIX_H
#define STABILIX_H

struct sx_proc {              /* one process: user processes, servers, drivers */
    int pid;                  /* PM's pid, or -1 for servers/drivers */
    int ppid;
    int endpoint;
    char name[16];
    char state[12];           /* "run", "recv", "send", "wait", "stopped", ... */
    unsigned pages;           /* memory in 4 KiB pages */
    unsigned ticks;           /* CPU time: clock ticks (100 a second) it has run */
};
#define SX_PAGES 1            /* sx_procs: count each one's pages (a page walk each) */
int sx_procs(struct sx_proc *out, int max, int flags);  /* count, or -1 + errno */
int sx_klog(char *buf, int size, unsigned *offset);  /* bytes read from *offset (advanced),
                                                        0 at the end, -1 + errno */
int sx_meminfo(unsigned *free_kib, unsigned *total_kib);
long sx_uptime_ms(void);
#define SX_POWEROFF 1
#define SX_REBOOT   2
int sx_shutdown(int how);                          /* does not return on success */
struct sx_service { char label[16]; int endpoint; char state[12]; int restarts; char reason[24]; };
int sx_service_list(struct sx_service *out, int max);        /* count, or -1 + errno */
int sx_service_ctl(const char *cmd, const char *label, const char *arg);
                                      /* cmd "up" "down" "restart" "fi" (arg: crash|hang|exception|corrupt);
                                         "fi" on label "init" goes to init, through PM */
const char *sx_fi_take(void);         /* pid 1: the fault asked for it, or NULL */
int sx_note(int i, int set, int value);   /* pid 1: note i (kept by PM across init's
                                             restarts) set to value, or asked: the
                                             note (0: none), or -1 + errno */
#define SX_STAB_MAX 32
#define SX_STAB_CHECK 0x01    /* flags: the periodic checker is on */
#define SX_STAB_ROM   0x02    /* kernel text compared with its pristine copy */
#define SX_STAB_NMI   0x04    /* watchdog NMI */
#define SX_STAB_WDT   0x08    /* locked hardware watchdog */
struct sx_stab {              /* self-stabilization: switches and repairs */
    unsigned flags, sweeps, nmis, total;
    int ncounters;
    char names[SX_STAB_MAX][16];
    unsigned count[SX_STAB_MAX];
};
int sx_stab(struct sx_stab *out);                  /* 0, or -1 + errno */
struct sx_acct {              /* the kernel's time since boot, in TSC ticks */
    unsigned long long tsc, boot;              /* now; at kernel entry */
    unsigned long long irq, check, nmi;        /* interrupts; checker; NMI */
    unsigned check_max, check_runs, sweep_ticks;
};
int sx_acct(struct sx_acct *out);                  /* 0, or -1 + errno */

#endif

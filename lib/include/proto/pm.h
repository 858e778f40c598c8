/*
 * proto/pm.h - the process manager's protocol (0x900).  Every request is
 * an ipc_call; the reply's m_type is OK, a value, or -E<error> (newlib's
 * errno numbers).  Strings and bulk data travel through grants.
 *
 *   PM_FORK       -> parent: child pid; child: 0
 *   PM_EXIT       status (no reply: the caller is gone)
 *   PM_WAITPID    pid (-1 any child, 0 same group, < -1 group), options
 *                 (PM_WNOHANG, PM_WUNTRACED, PM_WCONTINUED) -> pid (0:
 *                 none ended yet), status (a stopped child, once per
 *                 stop: WIFSTOPPED; a continued one, once: 0xffff);
 *                 PM_WAGAIN (libc's repeat after PM failed) answers the
 *                 child PM reaped for the lost reply, if any
 *   PM_GETPID     -> pid, ppid, pgrp
 *   PM_SETPGID    pid (0 = self), pgid (0 = pid) -> OK; EPERM for a
 *                 session leader, a process of another session, or a
 *                 group that does not exist in the caller's session
 *   PM_SETSID     -> the new session's id (the caller's pid: it leads the
 *                 session and a new group), EPERM for a group's leader
 *   PM_GETSID     pid (0 = self) -> its session's id and pgrp, ESRCH
 *   PM_JOBSIG     signal (PM_SIGTTIN or PM_SIGTTOU, else EINVAL): the
 *                 caller met its terminal as a background job (ETTIN,
 *                 ETTOU from VFS) -> OK: its group was sent the signal and
 *                 the caller, stopped, has been continued (try again);
 *                 1: SIGTTOU is ignored or blocked (go on: VFS_BG_OK);
 *                 -EINTR: it has a handler, which runs; -EIO: SIGTTIN
 *                 is ignored or blocked, or the group is orphaned
 *   PM_BRK        addr (0 = query), end (the program's &end, first call)
 *                 -> OK, addr = the (new) page-aligned break
 *   PM_EXEC       pm_exec: path and the argument block (PM_ARGS_*) ->
 *                 no reply on success (a new program runs), else -errno
 *   PM_KILL       pid (> 0 one, 0 own group, -1 all, < -1 group), signal
 *   PM_SIGACTION  pm_sig: signo, handler (PM_SIG_DFL/IGN or an address),
 *                 mask, flags, restorer (libc's trampoline) -> the old
 *                 handler, mask, flags
 *   PM_SIGMASK    pm_sig: how (PM_SIG_BLOCK/UNBLOCK/SETMASK), mask ->
 *                 old mask, pending
 *   PM_SIGSUSPEND pm_sig: mask; waits for a signal, then -EINTR
 *   PM_SIGRETURN  pm_sig: ctx (the frame's context); no reply: the
 *                 interrupted code continues
 *   PM_TIME       -> pm_time: seconds and microseconds since the epoch,
 *                 uptime in ms, and in seconds and microseconds
 *   PM_SLEEP      pm_time: ms -> OK, or -EINTR with the ms left
 *   PM_ALARM      pm_time: ms (0: cancel), interval_ms (again every so
 *                 often after the first; setitimer), flags PM_ALARM_ASK
 *                 (change nothing) -> ms that were left of the alarm it
 *                 replaces (0: none) and its interval; SIGALRM when due
 *   PM_PROCINFO   pm_proc: slot, pages (nonzero: count them) -> the
 *                 first process at that kernel slot or after: its slot,
 *                 pid, ...  (ESRCH: none; EINVAL: slot past the end)
 *   PM_SYSINFO    pm_sysinfo: what = PM_SI_MEM | PM_SI_KLOG | PM_SI_STAB | PM_SI_ACCT | PM_SI_FI
 *                 | PM_SI_NOTE
 *   PM_SHUTDOWN   status: PM_SD_POWEROFF or PM_SD_REBOOT
 *   PM_SERVICE    pm_service: an RS request (service up/down/restart/
 *                 list/fi) that PM checks and forwards; RS's reply back
 *   PM_GETUID     -> pm_ids: real and effective user and group ids
 *   PM_SETUID     pm_ids.uid: root sets real and effective; anybody else
 *                 only its effective to its real -> OK or -EPERM
 *   PM_SETGID     pm_ids.gid: the same rules for the group
 * Only an effective uid 0 (root) may use PM_SERVICE and PM_SHUTDOWN, or
 * signal a process whose real uid is not its own real or effective uid
 * (-EPERM).
 *
 * Status words follow POSIX: exit code << 8, or the signal number that
 * ended the process (SIGSEGV for a page fault, ...).  Signal numbers and
 * sets are newlib's (sigset_t: 32 bits, bit n-1 = signal n).
 */
#ifndef STABILIX_PROTO_PM_H
#define STABILIX_PROTO_PM_H

#include "../ipc.h"
#include "rs.h"

#define PM_BASE        0x900
#define PM_FORK        (PM_BASE + 0)
#define PM_EXIT        (PM_BASE + 1)
#define PM_WAITPID     (PM_BASE + 2)
#define PM_GETPID      (PM_BASE + 3)
#define PM_BRK         (PM_BASE + 4)
#define PM_KILL        (PM_BASE + 5)
#define PM_EXEC        (PM_BASE + 6)
#define PM_SETPGID     (PM_BASE + 7)
#define PM_SIGACTION   (PM_BASE + 8)
#define PM_SIGMASK     (PM_BASE + 9)
#define PM_SIGSUSPEND  (PM_BASE + 10)
#define PM_SIGRETURN   (PM_BASE + 11)
#define PM_TIME        (PM_BASE + 12)
#define PM_SLEEP       (PM_BASE + 13)
#define PM_PROCINFO    (PM_BASE + 14)
#define PM_SYSINFO     (PM_BASE + 15)
#define PM_SHUTDOWN    (PM_BASE + 16)
#define PM_SERVICE     (PM_BASE + 17)
#define PM_ALARM       (PM_BASE + 18)
#define PM_GETUID      (PM_BASE + 19)
#define PM_SETUID      (PM_BASE + 20)
#define PM_SETGID      (PM_BASE + 21)
#define PM_SETSID      (PM_BASE + 22)
#define PM_GETSID      (PM_BASE + 23)
#define PM_JOBSIG      (PM_BASE + 24)
#define PM_NR_CALLS    25
#define PM_ID_MAX      65535          /* uids and gids are 0..PM_ID_MAX */

#define PM_WNOHANG  1
#define PM_WUNTRACED 2      /* also report a child that stopped (status sig << 8 | 0x7f) */
#define PM_WCONTINUED 8     /* also report a child that was continued (status 0xffff) */
#define PM_CONTINUED 0xffff
#define PM_SA_NOCLDSTOP 1   /* sig_flags[SIGCHLD]: no SIGCHLD when a child stops */
#define PM_WAGAIN   0x100   /* libc: this waitpid again, PM having failed with it in hand */

/* newlib's signal numbers (sys/signal.h, the generic list) */
#define PM_SIGHUP   1
#define PM_SIGINT   2
#define PM_SIGQUIT  3
#define PM_SIGILL   4
#define PM_SIGTRAP  5
#define PM_SIGABRT  6
#define PM_SIGFPE   8
#define PM_SIGKILL  9
#define PM_SIGBUS   10
#define PM_SIGSEGV  11
#define PM_SIGPIPE  13
#define PM_SIGALRM  14
#define PM_SIGTERM  15
#define PM_SIGSTOP  17
#define PM_SIGTSTP  18
#define PM_SIGCONT  19
#define PM_SIGTTIN  21
#define PM_SIGTTOU  22
#define PM_SIGCHLD  20
#define PM_SIGWINCH 28
#define PM_SIGUSR1  30
#define PM_SIGUSR2  31
#define PM_NSIG     32

#define PM_SIG_DFL  0u
#define PM_SIG_IGN  1u
#define PM_SIG_BLOCK   0            /* lib/libc translates newlib's SIG_* */
#define PM_SIG_UNBLOCK 1
#define PM_SIG_SETMASK 2

struct pm_req {
    int32_t pid;
    int32_t status;                 /* exit: in; waitpid: out */
    int32_t options;
    int32_t signal;
    uint32_t addr, end;             /* brk */
    int32_t ppid;                   /* getpid: out */
    int32_t pgrp;                   /* getpid: out; setpgid: in */
};

struct pm_ids {
    int32_t uid, euid;
    int32_t gid, egid;
};

/* The argument block of exec: argc, envc, then argc + envc strings, each
 * NUL-terminated, back to back.  At most PM_ARGS_MAX bytes. */
#define PM_ARGS_MAX   (24 * 1024)
#define PM_PATH_MAX   256
/* After envp's NULL the initial stack holds (key, value) pairs ending
 * with PM_AT_NULL: the endpoints a new program needs before it can ask
 * anybody (ordinary processes cannot look labels up in the kernel). */
#define PM_AT_NULL  0
#define PM_AT_PM    1
#define PM_AT_VFS   2
#define PM_AT_INET  3
#define PM_AT_WORDS 8
struct pm_exec {
    grant_id_t path_grant; uint32_t path_len;   /* without the NUL */
    grant_id_t args_grant; uint32_t args_len;
};

struct pm_sig {
    int32_t signo;
    uint32_t handler, mask, flags, restorer;    /* sigaction: in and out */
    int32_t how;                                /* sigmask */
    uint32_t pending;                           /* sigmask: out */
    uint32_t ctx;                               /* sigreturn */
};

struct pm_time {
    uint32_t sec, usec;             /* since 1970 */
    uint32_t uptime_ms;
    uint32_t ms;                    /* sleep, alarm: in; the rest out */
    uint32_t up_sec, up_usec;       /* since boot (CLOCK_MONOTONIC) */
    uint32_t interval_ms;           /* alarm: in and out */
    uint32_t flags;                 /* alarm: PM_ALARM_ASK */
};
#define PM_ALARM_ASK 1

struct pm_proc {
    int32_t slot;
    int32_t pid, ppid;              /* -1: not a PM process (a service) */
    endpoint_t ep;
    uint32_t pages;
    char name[16];
    char state[12];
    uint32_t ticks;                 /* clock ticks (100 a second) it has run */
};

#define PM_SI_MEM   1               /* out: free_kib, total_kib */
#define PM_SI_KLOG  2               /* in: offset, grant, size (<= 4096);
                                       out: len copied, total logged */
#define PM_SI_STAB  3               /* in: grant, size: a struct sys_stab
                                       (proto/sys.h) is copied there */
#define PM_SI_ACCT  4               /* in: grant, size: a struct sys_acct
                                       (the checker's cost) */
#define PM_SI_FI    5               /* pid 1 only; out: len = the fault
                                       `service fi init` asked (RS_FI_*), 0 */
#define PM_SI_NOTE  6               /* pid 1 only; in: offset = note (< PM_NOTES),
                                       size = 1: set it to len (a pid), 0: ask;
                                       out: len = the note (0: none) */
#define PM_NOTES    4
struct pm_sysinfo {
    int32_t what;
    uint32_t free_kib, total_kib;
    uint32_t offset, len, total;
    grant_id_t grant; uint32_t size;
};

#define PM_SD_POWEROFF 1
#define PM_SD_REBOOT   2

/* The request; the reply's payload is RS's reply (struct rs_entry for
 * RS_LIST). */
struct pm_service {
    int32_t rs_call;                /* RS_UP ... RS_FI */
    struct rs_req req;              /* label, kind */
    int32_t index;                  /* RS_LIST */
};

MSG_PAYLOAD_CHECK(struct pm_req);
MSG_PAYLOAD_CHECK(struct pm_ids);
MSG_PAYLOAD_CHECK(struct pm_exec);
MSG_PAYLOAD_CHECK(struct pm_sig);
MSG_PAYLOAD_CHECK(struct pm_time);
MSG_PAYLOAD_CHECK(struct pm_proc);
MSG_PAYLOAD_CHECK(struct pm_sysinfo);
MSG_PAYLOAD_CHECK(struct pm_service);

#endif

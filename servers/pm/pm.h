/*
 * pm.h - the process manager (servers/pm): the process table and the
 * handlers.  One mproc per process PM knows: those it forked or exec'd,
 * and those it adopted (a process that called PM without having been
 * made by it, such as a test program started by the kernel: parent 0).
 *
 * Invariants:
 *   - a FREE slot has no process; an ALIVE one has a live endpoint; a
 *     ZOMBIE has ended and keeps its status until its parent waits;
 *   - 'blocked' says which PM call the process waits in (no reply sent
 *     yet); a process is in at most one;
 *   - a process whose parent is gone is reparented to pid 1 (or freed at
 *     once when there is no pid 1);
 *   - 'stopped' != 0 exactly when the kernel has the process stopped.
 */
#ifndef PM_PM_H
#define PM_PM_H

#include "sef.h"
#include "proto/pm.h"

#define NR_MPROCS NR_PROCS
#define NPROC_PER_USER 48   /* processes, zombies included, one ordinary uid may
                               have: the other slots stay for services and root */

enum { MP_FREE, MP_ALIVE, MP_ZOMBIE };
enum { PB_NONE, PB_WAIT, PB_SUSPEND, PB_SLEEP, PB_CALL };

struct mproc {
    int state;
    int pid, ppid, pgrp, sid;       /* sid: the session (its leader's pid) */
    endpoint_t ep;
    int status;                     /* when ZOMBIE */
    int blocked;                    /* PB_*: a PM call without reply */
    int wait_pid, wait_options;     /* PB_WAIT */
    int reaped_pid, reaped_status;  /* the child this process's last waitpid reaped (0: none):
                                       the answer to its repeat (PM_WAGAIN) */
    uint32_t wake_at;               /* PB_SLEEP: uptime tick */
    uint32_t alarm_at;              /* SIGALRM at this uptime tick; 0: none */
    uint32_t alarm_every;           /* then again every so many ticks (setitimer); 0: once */
    uint32_t resume_wake;           /* a sleep cut by PM's restart: its tick, for the repeat */
    uint32_t brk_base, brk;         /* page-aligned heap bounds (0: unknown) */
    uint32_t sig_handler[PM_NSIG], sig_amask[PM_NSIG], sig_flags[PM_NSIG];
    uint32_t restorer;              /* libc's sigreturn trampoline */
    uint32_t sigmask, sigpending;
    uint32_t suspend_mask;          /* PB_SUSPEND: the mask to restore */
    char name[16];
    int uid, euid, gid, egid;       /* 0..PM_ID_MAX; 0: root */
    int stopped;                    /* the signal that stopped it (the kernel holds it:
                                       P_STOPPED), 0: running */
    int stop_unreported;            /* stopped, and no waitpid has said so yet */
    int cont_unreported;            /* continued, and no waitpid has said so yet */
};

extern struct mproc mproc[NR_MPROCS];
extern int next_pid;                        /* 0 until the first: then 1 */

/* restart.c: a restarted PM's kept table against the kernel's */
int pm_inherit(const struct sef_init *info);
const char *pm_table_check(void);               /* NULL: sound, else what is wrong */
const char *pm_entry_damaged(const void *entry);  /* one entry's shape: the same */

/* check.c: the self-check on every heartbeat */
int pm_check(void);                             /* endpoints put right */
void pm_twin_check(void);                       /* damaged entries back from their copies */
void mp_touch(const struct mproc *mp);          /* mp changed: copy it when the message is done */
void pm_settle(void);                           /* srv_table.settle: copy what changed */
struct mproc *pm_check_ep(endpoint_t ep);       /* a miss for ep: the entry it was, mended */
int pm_check_one(struct mproc *mp);             /* mp's endpoint mended */
void pm_selfcheck(void);                        /* the heartbeat hook */
void pm_corrupt(void);

/* mproc.c */
struct mproc *mp_by_ep(endpoint_t ep);
struct mproc *mp_adopt(endpoint_t ep);      /* mp_by_ep (after mending the table), or a new entry */

/* A hint per kernel slot: the entry last found for it.  Checked on every
 * use, so a stale or corrupted hint costs a search, never a wrong answer. */
extern struct mproc *mp_slot_hint[NR_PROCS];
static inline struct mproc *mp_hinted(endpoint_t ep)
{
    struct mproc *h = ep >= 0 && EP_SLOT(ep) < NR_PROCS ? mp_slot_hint[EP_SLOT(ep)] : 0;
    if (h >= mproc && h < mproc + NR_MPROCS && h->state == MP_ALIVE && h->ep == ep)
        return h;
    return 0;
}

/* The caller's entry; an unknown caller is adopted. */
static inline struct mproc *mp_caller(endpoint_t ep)
{
    struct mproc *h = mp_hinted(ep);
    return h ? h : mp_adopt(ep);
}
struct mproc *mp_by_pid(int pid);
struct mproc *mp_new(int ppid, endpoint_t ep);
void mp_ended(struct mproc *mp, int status);
int wait_matches(const struct mproc *parent, const struct mproc *z);
void reap(struct mproc *parent, struct mproc *z);
void reply(struct mproc *mp, message *m);   /* end mp's blocked call */
void reply_status(struct mproc *mp, int status);

/* forkexit.c */
void terminate(struct mproc *mp, int status);
void death_reports(void);

/* signal.c */
extern int retry_pending;               /* a delivery waits for EBUSY to clear */
void sig_send(struct mproc *mp, int signo);
void sig_flush(void);
int sig_kill(struct mproc *self, int pid, int signo);   /* kill(2): how many, or -EPERM; self NULL: a service */
int sig_default_kills(int signo);

/* stop.c: job control */
int sig_stops(int signo);                       /* SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU */
void job_stop(struct mproc *mp, int signo);
void job_continue(struct mproc *mp);
int job_report(struct mproc *parent, struct mproc *c, message *m);  /* waitpid on a stopped child */

/* time.c */
void time_init(void);
void arm(void);                                 /* the kernel alarm for the earliest timer */
void timers_expired(void);
void timer_wake(struct mproc *mp, int status);
uint32_t now_ticks(void);

/* vfs.c: what VFS must know about processes (nothing if there is no VFS) */
int vfs_fork(endpoint_t parent, endpoint_t child);
void vfs_exit(endpoint_t ep);
int vfs_exec_read(endpoint_t ep, const char *path, void *buf, uint32_t size);
void vfs_exec_done(endpoint_t ep);
void vfs_unpause(endpoint_t ep);
void vfs_stopped(endpoint_t ep);                /* its VFS call ends ERESTART */
int vfs_ids(endpoint_t ep, int uid, int gid);   /* VFS_PM_SETIDS */
void vfs_pgrp(endpoint_t ep, int pgrp, int sid, int leader);   /* VFS_PM_SETPGRP */

/* session.c, jobsig.c */
int group_orphaned(int pgrp);                   /* no member has a parent outside it in its session */
void job_may_orphan(int pgrp);                  /* mp_ended: an exit may orphan pgrp */
void job_exited(struct mproc *mp);              /* mp_ended, last: the hangups */

/* exec.c */
int exec_init(const char *path, int pid);      /* pid 0: the next one */
void start_init(int pid);                       /* init.c; pid 0: the next one */
void init_died(int status);
void init_serving(void);                        /* pid 1 waits: back in service */
int init_alive(void);                           /* a process named init exists */
void init_watch(void);                          /* on the self-check: hung? */
int init_fi(int kind);                          /* `service fi init <kind>` */
int init_fi_take(endpoint_t who);               /* PM_SI_FI: the kind, 0 = none */
int init_note(endpoint_t who, struct pm_sysinfo *rq);   /* PM_SI_NOTE */

/* handlers (table.c) */
int do_fork(message *m);
int do_exit(message *m);
int do_waitpid(message *m);
int do_getpid(message *m);
int do_setpgid(message *m);                 /* session.c */
int do_setsid(message *m);
int do_getsid(message *m);
int do_jobsig(message *m);                  /* jobsig.c */
int do_brk(message *m);
int do_exec(message *m);
int do_kill(message *m);
int do_sigaction(message *m);
int do_sigmask(message *m);
int do_sigsuspend(message *m);
int do_sigreturn(message *m);
int do_time(message *m);
int do_sleep(message *m);
int do_alarm(message *m);
int do_procinfo(message *m);
int do_sysinfo(message *m);
int do_shutdown(message *m);
int do_service(message *m);
int do_getuid(message *m);
int do_setuid(message *m);
int do_setgid(message *m);

/* ids.c */
int pm_is_root(const struct mproc *mp);
int may_signal(const struct mproc *from, const struct mproc *to);

#endif

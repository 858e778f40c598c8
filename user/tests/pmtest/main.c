/*
 * pmtest - the process manager's semantics, driven through raw PM
 * messages: fork (memory copied, pids), exit and waitpid (statuses,
 * WNOHANG, ECHILD), CPU exceptions as signals, kill, handlers and
 * sigreturn, masks and pending signals, SIGCHLD, sleep interrupted by a
 * signal, brk, 1,000 fork/exit cycles returning every page, and a full
 * process table (EAGAIN).  Every check prints "ok - ..." or "not ok -
 * ..."; the last line is "pmtest: PASS" or "pmtest: FAIL", then the
 * machine powers off with the number of failures as its status.
 */
#include "libsys.h"
#include "proto/pm.h"

extern char _end[];
static endpoint_t pm;
static int failures;
static volatile int global = 1;
static volatile int caught, caught_signo;

static int pmcall(int type, message *m)
{
    int r;
    m->m_type = type;
    r = ipc_call(pm, m);
    return r != OK ? r : m->m_type;
}

static struct pm_req *rq(message *m)
{
    return MSG_BODY(m, struct pm_req);
}

static int pm_fork(void)
{
    message m;
    memset(&m, 0, sizeof(m));
    return pmcall(PM_FORK, &m);
}

static void pm_exit(int status)
{
    message m;
    memset(&m, 0, sizeof(m));
    rq(&m)->status = status;
    pmcall(PM_EXIT, &m);
    for (;;)
        ;
}

static int pm_wait(int pid, int options, int *status)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    rq(&m)->options = options;
    r = pmcall(PM_WAITPID, &m);
    *status = rq(&m)->status;
    return r;
}

static int pm_kill(int pid, int sig)
{
    message m;
    memset(&m, 0, sizeof(m));
    rq(&m)->pid = pid;
    rq(&m)->signal = sig;
    return pmcall(PM_KILL, &m);
}

static int pm_getpid(int *ppid)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    r = pmcall(PM_GETPID, &m);
    if (ppid)
        *ppid = rq(&m)->ppid;
    return r;
}

static int pm_sleep(uint32_t ms)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_time)->ms = ms;
    return pmcall(PM_SLEEP, &m);
}

static int pm_sigmask(int how, uint32_t mask, uint32_t *pending)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sig)->how = how;
    MSG_BODY(&m, struct pm_sig)->mask = mask;
    r = pmcall(PM_SIGMASK, &m);
    if (pending)
        *pending = MSG_BODY(&m, struct pm_sig)->pending;
    return r;
}

/* PM_ALARM: the ms that were left of the alarm replaced, or an error. */
static int pm_alarm(uint32_t ms)
{
    message m;
    int r;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_time)->ms = ms;
    r = pmcall(PM_ALARM, &m);
    return r < 0 ? r : (int)MSG_BODY(&m, struct pm_time)->ms;
}

static uint32_t pm_brk(uint32_t addr, int *err)
{
    message m;
    memset(&m, 0, sizeof(m));
    rq(&m)->addr = addr;
    rq(&m)->end = (uint32_t)_end;
    *err = pmcall(PM_BRK, &m);
    return rq(&m)->addr;
}

/* The signal trampoline: a handler returns here with (signo, ctx). */
void tramp_c(int signo, uint32_t ctx)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sig)->ctx = ctx;
    pmcall(PM_SIGRETURN, &m);
    printf("not ok - sigreturn came back\n");
    for (;;)
        ;
}
void tramp(void);
__asm__(".globl tramp\ntramp:\n\tcall tramp_c\n");

static void handler(int signo)
{
    caught++;
    caught_signo = signo;
}

static int pm_sigaction(int signo, uint32_t h)
{
    message m;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sig)->signo = signo;
    MSG_BODY(&m, struct pm_sig)->handler = h;
    MSG_BODY(&m, struct pm_sig)->restorer = (uint32_t)tramp;
    return pmcall(PM_SIGACTION, &m);
}

static void check(int ok, const char *what, int got)
{
    printf("%s - %s (got %d)\n", ok ? "ok" : "not ok", what, got);
    failures += !ok;
}

/* Fork a child running fn; the child exits with fn's value. */
static int spawn(int (*fn)(void))
{
    int pid = pm_fork();
    if (pid == 0)
        pm_exit(fn());
    return pid;
}

static int child_status(int (*fn)(void))
{
    int status = -1, pid = spawn(fn);
    if (pid <= 0)
        return -1000 + pid;
    if (pm_wait(pid, 0, &status) != pid)
        return -2000;
    return status;
}

static int writes_global(void) { global = 2; return 40 + global; }
static int checks_ppid(void)
{
    int ppid, me = pm_getpid(&ppid);
    return me > 0 && ppid > 0 ? (ppid & 0x7f) : 255;
}
static int divides(void)
{
    uint32_t q, z = 0;
    __asm__ volatile("xor %%edx, %%edx\n\tdivl %2" : "=a"(q) : "a"(100u), "r"(z) : "edx");
    return (int)q;
}
static int touches_null(void) { return *(volatile int *)0; }
static int undefined_op(void) { __asm__ volatile("ud2"); return 0; }
static int sleeps(void) { pm_sleep(10000); return 99; }
static int naps(void) { pm_sleep(200); return 7; }

static int sleeps_with_handler(void)
{
    int r;
    pm_sigaction(PM_SIGUSR1, (uint32_t)handler);
    r = pm_sleep(5000);
    return caught * 10 + (r == -EINTR) + (caught_signo == PM_SIGUSR1) * 100;
}

static int masks_and_raises(void)
{
    uint32_t pending = 0;
    int me = pm_getpid(0), before;
    pm_sigaction(PM_SIGUSR2, (uint32_t)handler);
    pm_sigmask(PM_SIG_BLOCK, 1u << (PM_SIGUSR2 - 1), 0);
    pm_kill(me, PM_SIGUSR2);
    before = caught;
    pm_sigmask(-1, 0, &pending);
    pm_sigmask(PM_SIG_UNBLOCK, 1u << (PM_SIGUSR2 - 1), 0);
    return before * 100 + ((pending >> (PM_SIGUSR2 - 1)) & 1) * 10 + caught;
}

static int exits_3(void) { return 3; }
static int gets_sigchld(void)
{
    message m;
    int status, r;
    pm_sigaction(PM_SIGCHLD, (uint32_t)handler);
    if (spawn(exits_3) <= 0)
        return 250;
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_sig)->mask = 0;
    r = caught ? -EINTR : pmcall(PM_SIGSUSPEND, &m);
    pm_wait(-1, 0, &status);
    return (caught_signo == PM_SIGCHLD) * 10 + (r == -EINTR) + (status == (3 << 8)) * 100;
}

static int alarm_ends_sleep(void)
{
    message m;
    int r;
    uint32_t left;
    pm_sigaction(PM_SIGALRM, (uint32_t)handler);
    pm_alarm(300);
    memset(&m, 0, sizeof(m));
    MSG_BODY(&m, struct pm_time)->ms = 2000;
    r = pmcall(PM_SLEEP, &m);
    left = MSG_BODY(&m, struct pm_time)->ms;
    return (r == -EINTR) + (caught == 1 && caught_signo == PM_SIGALRM) * 10 +
           (left >= 1500 && left <= 1800) * 100;
}

static int alarm_cancelled(void)
{
    int left;
    pm_sigaction(PM_SIGALRM, (uint32_t)handler);
    pm_alarm(1000);
    left = pm_alarm(0);
    pm_sleep(1300);
    return (left > 900 && left <= 1000) + (caught == 0) * 10;
}

static int alarm_kills(void) { pm_alarm(100); pm_sleep(3000); return 3; }
static int naps_whole(void) { return pm_sleep(500) == OK ? 5 : 6; }

static int alarm_not_inherited(void)
{
    int status = -1, pid;
    pm_sigaction(PM_SIGALRM, (uint32_t)handler);
    pm_alarm(200);
    pid = spawn(naps_whole);
    while (pm_wait(pid, 0, &status) == -EINTR)
        ;
    return (status == (5 << 8)) + (caught == 1) * 10;
}

static int touches_freed_heap(void)
{
    int err;
    uint32_t base = pm_brk(0, &err);
    pm_brk(base + 8192, &err);
    *(volatile int *)base = 5;
    pm_brk(base, &err);
    return *(volatile int *)base;       /* unmapped again: SIGSEGV */
}

static void test_fork_wait(void)
{
    int status, ppid, me = pm_getpid(&ppid), pid;
    check(child_status(writes_global) == (42 << 8) && global == 1,
          "fork: the child writes its own copy of memory; exit status 42", global);
    check(child_status(checks_ppid) == ((me & 0x7f) << 8), "getpid: the child's ppid is the parent", me);
    pid = spawn(naps);
    check(pm_wait(pid, PM_WNOHANG, &status) == 0, "waitpid WNOHANG: 0 while the child lives", pid);
    check(pm_wait(pid, 0, &status) == pid && status == (7 << 8), "waitpid: the status of exit(7)", status);
    check(pm_wait(-1, 0, &status) == -ECHILD, "waitpid without children: ECHILD", 0);
    check(pm_wait(-1, 0x40, &status) == -EINVAL, "waitpid with unknown options: EINVAL", 0);
}

static void test_exceptions(void)
{
    int s;
    s = child_status(divides);
    check(s == PM_SIGFPE, "divide error ends the child with SIGFPE", s);
    s = child_status(touches_null);
    check(s == PM_SIGSEGV, "page fault ends the child with SIGSEGV", s);
    s = child_status(undefined_op);
    check(s == PM_SIGILL, "invalid opcode ends the child with SIGILL", s);
}

static void test_kill(void)
{
    int status = -1, pid = spawn(sleeps);
    pm_sleep(50);
    check(pm_kill(pid, PM_SIGTERM) == OK, "kill SIGTERM: OK", pid);
    check(pm_wait(pid, 0, &status) == pid && status == PM_SIGTERM,
          "a sleeping child killed with SIGTERM: status SIGTERM", status);
    check(pm_kill(29999, PM_SIGTERM) == -ESRCH, "kill of no such pid: ESRCH", 0);
    check(pm_kill(pm_getpid(0), 99) == -EINVAL, "kill with signal 99: EINVAL", 0);
    check(pm_kill(pm_getpid(0), 0) == OK, "kill with signal 0 checks existence", 0);
}

static void test_handlers(void)
{
    int status = -1, pid = spawn(sleeps_with_handler), s;
    pm_sleep(100);
    pm_kill(pid, PM_SIGUSR1);
    pm_wait(pid, 0, &status);
    check(status == (111 << 8), "SIGUSR1 handler runs once with signo 30; sleep ends with EINTR", status >> 8);
    s = child_status(masks_and_raises);
    check(s == (11 << 8),
          "a masked signal stays pending and arrives when unmasked", s >> 8);
    s = child_status(gets_sigchld);
    check(s == (111 << 8),
          "SIGCHLD handler; sigsuspend ends with EINTR; the status is kept", s >> 8);
}

static void test_alarm(void)
{
    int s = child_status(alarm_ends_sleep);
    check(s == (111 << 8), "alarm: SIGALRM after 300 ms ends a 2 s sleep with EINTR, 1.7 s left", s >> 8);
    s = child_status(alarm_cancelled);
    check(s == (11 << 8), "alarm 0 cancels it and returns the ms that were left", s >> 8);
    s = child_status(alarm_kills);
    check(s == PM_SIGALRM, "an alarm's default action ends the process", s);
    s = child_status(alarm_not_inherited);
    check(s == (11 << 8), "a fork's child does not inherit the alarm", s >> 8);
}

static void test_brk(void)
{
    int err, s;
    uint32_t base = pm_brk(0, &err), top;
    check(err == OK && base >= (uint32_t)_end && !(base & 0xfff), "brk: the break starts at &end", err);
    top = pm_brk(base + 64 * 1024, &err);
    for (uint32_t a = base; a < top; a += 4096)
        *(volatile uint32_t *)a = a;
    check(err == OK && top == base + 64 * 1024, "brk grows the heap by 64 KiB, writable", err);
    pm_brk(base, &err);
    check(err == OK, "brk shrinks it back", err);
    pm_brk(0xcfff0000u, &err);
    check(err == -ENOMEM, "brk far beyond memory: ENOMEM", err);
    s = child_status(touches_freed_heap);
    check(s == PM_SIGSEGV,
          "a page given back with brk is gone (SIGSEGV)", s);
}

static uint32_t free_pages(void)
{
    uint32_t free, total;
    sys_meminfo(&free, &total);
    return free;
}

static int nothing(void) { return 0; }

static void test_cycles(void)
{
    uint32_t before = free_pages();
    int ok = 1, status;
    for (int i = 0; i < 1000 && ok; i++) {
        ok = pm_wait(spawn(nothing), 0, &status) > 0 && status == 0;
    }
    check(ok && free_pages() == before, "1000 fork/exit/wait cycles; free memory back to its start",
          (int)(before - free_pages()));
}

static void test_table_full(void)
{
    static int pids[NR_PROCS];
    uint32_t before = free_pages();
    int n = 0, r = 0, status, reaped = 0;
    while (n < NR_PROCS && (r = spawn(sleeps)) > 0)
        pids[n++] = r;
    check(r == -EAGAIN && n > 50, "forking until the table is full: EAGAIN", n);
    for (int i = 0; i < n; i++)
        pm_kill(pids[i], PM_SIGKILL);
    while (pm_wait(-1, 0, &status) > 0)
        reaped += status == PM_SIGKILL;
    check(reaped == n && free_pages() == before, "every child killed and reaped; memory back", reaped);
}

int main(void)
{
    if (sys_lookup("pm", &pm) != OK) {
        printf("pmtest: no pm\n");
        sys_shutdown(SD_POWEROFF, 1);
    }
    test_fork_wait();
    test_exceptions();
    test_kill();
    test_handlers();
    test_alarm();
    test_brk();
    test_cycles();
    test_table_full();
    printf("pmtest: %s\n", failures ? "FAIL" : "PASS");
    sys_shutdown(SD_POWEROFF, failures);
    return 0;
}

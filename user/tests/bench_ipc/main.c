/*
 * bench_ipc - micro-benchmarks: one-way IPC between two address spaces
 * (bench_ping calls bench_pong, which replies with sendnb) and the null
 * kernel call (GI_UPTIME).  The one-way figure uses the server loop of
 * call + replyrecv (two traps a round trip, as L4/seL4 measure it); the
 * sendnb + receive variant (three traps) is reported beside it.
 *
 * Times are rdtsc deltas minus the TSC the kernel spent meanwhile in
 * interrupts and the NMI (GI_ACCT): the clock tick and the checker's
 * slice run in the background, and their share must not be charged to
 * the path.  Under QEMU -icount the TSC advances 2**shift per guest
 * instruction, so the figures are deterministic instruction counts.
 * What is left of the background is the trap entry and exit of a tick
 * that lands in user mode (a few dozen instructions per 10 ms).
 * Last, the checker's own cost over the run: BENCH check_tick (average
 * slice), check_max, nmi_tick and sweep_ticks.
 */
#include "libsys.h"

#define ROUNDS 10000

static uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t)hi << 32 | lo;
}

/* Echo server: plain receive + sendnb until told to switch, then the
 * one-trap reply-and-receive loop. */
static void pong(void)
{
    message m;
    while (ipc_receive(ANY, &m) != OK || m.m_type != 1)
        ipc_sendnb(m.m_source, &m);
    for (;;)
        ipc_replyrecv(m.m_source, &m, 0);
}

/* A point in time: the TSC, and the TSC spent in the background so far. */
struct mark { uint64_t tsc, background; };

static struct mark now(void)
{
    struct sys_acct a;
    struct mark m;
    if (sys_acct(&a) != OK)
        memset(&a, 0, sizeof(a));
    m.background = a.irq + a.nmi;
    m.tsc = rdtsc();
    return m;
}

static uint32_t per_op(struct mark a, struct mark b, uint32_t ops)
{
    return (uint32_t)((b.tsc - a.tsc - (b.background - a.background)) / ops);
}

static void checker_cost(struct sys_acct *a0)
{
    struct sys_acct a1;
    uint32_t ticks;
    sys_acct(&a1);
    ticks = a1.check_runs - a0->check_runs;
    if (!ticks)
        return;
    printf("BENCH check_tick %u tsc\n", (uint32_t)((a1.check - a0->check) / ticks));
    printf("BENCH check_max %u tsc\n", a1.check_max);
    printf("BENCH nmi_tick %u tsc\n", (uint32_t)((a1.nmi - a0->nmi) / ticks));
    printf("BENCH sweep_ticks %u ticks\n", a1.sweep_ticks);
}

static void ping(void)
{
    endpoint_t peer;
    message m;
    struct mark t0, t1, t2, t3, t4, t5;
    struct sys_acct a0;
    memset(&m, 0, sizeof(m));
    while (sys_lookup("bench_pong", &peer) != OK)
        ;
    for (int i = 0; i < 100; i++)
        ipc_call(peer, &m);
    sys_acct(&a0);
    t0 = now();
    for (int i = 0; i < ROUNDS; i++)
        ipc_call(peer, &m);
    t1 = now();
    for (int i = 0; i < ROUNDS; i++)
        sys_uptime();
    t2 = now();
    for (volatile int i = 0; i < ROUNDS; i++)
        ;
    t3 = now();
    m.m_type = 1;                               /* pong: use replyrecv now */
    ipc_call(peer, &m);
    m.m_type = 0;
    t4 = now();
    for (int i = 0; i < ROUNDS; i++)
        ipc_call(peer, &m);
    t5 = now();
    printf("BENCH ipc_oneway %u tsc\n", per_op(t4, t5, 2 * ROUNDS));
    printf("BENCH ipc_roundtrip %u tsc\n", per_op(t4, t5, ROUNDS));
    printf("BENCH ipc_oneway_sendnb_receive %u tsc\n", per_op(t0, t1, 2 * ROUNDS));
    printf("BENCH kcall_null %u tsc\n", per_op(t1, t2, ROUNDS));
    printf("BENCH loop_overhead %u tsc\n", per_op(t2, t3, ROUNDS));
    checker_cost(&a0);
    sys_shutdown(SD_POWEROFF, 0);
}

int main(void)
{
    char label[16];
    endpoint_t self;
    sys_self(&self, label);
    if (strcmp(label, "bench_pong") == 0)
        pong();
    ping();
    return 0;
}

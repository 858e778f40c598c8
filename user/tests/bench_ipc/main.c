/*
 * bench_ipc - micro-benchmarks: one-way IPC between two address spaces
 * (bench_ping calls bench_pong, which replies with sendnb) and the null
 * kernel call (GI_UPTIME).  The one-way figure uses the server loop of
 * call + replyrecv (two traps a round trip, as L4/seL4 measure it); the
 * sendnb + receive variant (three traps) is reported beside it.  Times are rdtsc deltas; under QEMU
 * -icount shift=0 the TSC advances one tick per guest instruction, so the
 * numbers are deterministic instruction counts.
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

static uint32_t per_op(uint64_t t0, uint64_t t1, uint32_t ops)
{
    return (uint32_t)((t1 - t0) / ops);
}

static void ping(void)
{
    endpoint_t peer;
    message m;
    uint64_t t0, t1, t2, t3, t4, t5;
    memset(&m, 0, sizeof(m));
    while (sys_lookup("bench_pong", &peer) != OK)
        ;
    for (int i = 0; i < 100; i++)
        ipc_call(peer, &m);
    t0 = rdtsc();
    for (int i = 0; i < ROUNDS; i++)
        ipc_call(peer, &m);
    t1 = rdtsc();
    for (int i = 0; i < ROUNDS; i++)
        sys_uptime();
    t2 = rdtsc();
    for (volatile int i = 0; i < ROUNDS; i++)
        ;
    t3 = rdtsc();
    m.m_type = 1;                               /* pong: use replyrecv now */
    ipc_call(peer, &m);
    m.m_type = 0;
    t4 = rdtsc();
    for (int i = 0; i < ROUNDS; i++)
        ipc_call(peer, &m);
    t5 = rdtsc();
    printf("BENCH ipc_oneway %u tsc\n", per_op(t4, t5, 2 * ROUNDS));
    printf("BENCH ipc_roundtrip %u tsc\n", per_op(t4, t5, ROUNDS));
    printf("BENCH ipc_oneway_sendnb_receive %u tsc\n", per_op(t0, t1, 2 * ROUNDS));
    printf("BENCH kcall_null %u tsc\n", per_op(t1, t2, ROUNDS));
    printf("BENCH loop_overhead %u tsc\n", per_op(t2, t3, ROUNDS));
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

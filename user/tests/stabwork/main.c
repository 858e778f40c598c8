/*
 * stabwork - the self-checking workload of the stabilization tests and of
 * `make inject` (tools/inject/).
 *
 * Each heartbeat period it computes for BUSY_TICKS ticks (busy in user
 * mode, with a kernel call per round), then sleeps on an alarm (blocked in
 * the kernel, its registers saved) until the next heartbeat.  For
 * round n it fills a 4 KiB buffer with the pattern (i * 31 + n * 7) & 0xff,
 * computes its CRC-32 twice (table-driven and bit by bit) and every
 * HB_TICKS ticks prints one heartbeat line
 *     stabwork: hb <n> crc <hex> repairs <total>
 * The host recomputes the CRC for n, so a wrong line is seen as wrong
 * output even if the guest does not notice; a disagreement between the
 * two computations is printed as "stabwork: WRONG".  <total> is the sum
 * of the kernel's repair counters (sys_stab).
 */
#include "sef.h"
#include "crc32.h"

#define HB_TICKS 10
#define BUSY_TICKS 5

static uint8_t buf[4096];

static uint32_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint32_t c = ~0u;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
    }
    return ~c;
}

static uint32_t round_crc(uint32_t n)
{
    uint32_t a, b;
    for (uint32_t i = 0; i < sizeof(buf); i++)
        buf[i] = (uint8_t)((i * 31 + n * 7) & 0xff);
    a = crc32_update(0, buf, sizeof(buf));
    b = crc_bitwise(buf, sizeof(buf));
    if (a != b)
        printf("stabwork: WRONG round %u: %08x != %08x\n", n, a, b);
    return a;
}

static int init(const struct sef_init *info)
{
    return OK;
}

static void sleep_until(uint32_t t)
{
    message m;
    uint32_t now = sys_uptime();
    if (now >= t || sys_setalarm(t - now) != OK)
        return;
    while (ipc_receive(SYSTEM, &m) == OK && sys_uptime() < t)
        ;
}

int main(void)
{
    uint32_t n = 0, next;
    struct sys_stab st;
    sef_startup(init, init);
    next = sys_uptime() + HB_TICKS;
    for (;;) {
        uint32_t crc = round_crc(n);
        if (sys_uptime() + (HB_TICKS - BUSY_TICKS) < next)
            continue;
        sleep_until(next);
        next = sys_uptime() + HB_TICKS;
        memset(&st, 0, sizeof(st));
        sys_stab(&st);
        printf("stabwork: hb %u crc %08x repairs %u\n", n++, crc, st.total);
    }
}

/*
 * message_layout.c - host checks of ipc.h and proto/sys.h: the message
 * layout and payload sizes as the host compiler (x86-64) lays them out,
 * for host tools, and the (generation, slot) endpoint encoding versus
 * pseudo endpoints.  The i386 layout the guest uses is checked by
 * tests/abi/layout_i386.c (compiled -m32, read back by test_unit.py).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ipc.h"
#include "proto/sys.h"
#include "tap.h"

#define PAYLOAD_FITS(type) \
    ok(sizeof(type) <= MSG_PAYLOAD, #type " (%zu bytes) fits the %d-byte payload", \
       sizeof(type), MSG_PAYLOAD)

static void test_message_layout(void)
{
    message m;

    is_int(sizeof(message), 64, "sizeof(message) is 64");
    is_int(offsetof(message, m_source), 0, "m_source is at offset 0");
    is_int(offsetof(message, m_type), 4, "m_type is at offset 4");
    is_int(offsetof(message, m), 8, "payload is at offset 8");
    is_int(sizeof(m.m), MSG_PAYLOAD, "payload is MSG_PAYLOAD bytes");
    is_int(MSG_PAYLOAD, 56, "MSG_PAYLOAD is 56");
    ok((void *)MSG_BODY(&m, struct sys_safecopy) == (void *)m.m.raw,
       "MSG_BODY points at the payload");
    ok((char *)MSG_BODY(&m, struct sys_kill) == (char *)&m + 8,
       "MSG_BODY is 8 bytes into the message");
    ok((void *)m.m.u32 == (void *)m.m.raw && (void *)m.m.str == (void *)m.m.raw,
       "payload views raw/u32/str overlap");
}

static void test_sys_payloads_fit(void)
{
    PAYLOAD_FITS(struct sys_kill);
    PAYLOAD_FITS(struct sys_exit);
    PAYLOAD_FITS(struct sys_safecopy);
    PAYLOAD_FITS(struct sys_irqctl);
    PAYLOAD_FITS(struct sys_devio);
    PAYLOAD_FITS(struct sys_mapdev);
    PAYLOAD_FITS(struct sys_getinfo);
    PAYLOAD_FITS(struct sys_klog);
    PAYLOAD_FITS(struct sys_procinfo);
    PAYLOAD_FITS(struct sys_getarg);
    PAYLOAD_FITS(struct sys_diag);
    PAYLOAD_FITS(struct sys_shutdown);
    PAYLOAD_FITS(struct sys_getksig);
    PAYLOAD_FITS(struct sys_setalarm);
}

static void test_endpoint_round_trip(void)
{
    static const uint32_t gens[] = { 1, 2, 3, 0x55, 0x1234, 0xabcde,
                                     EP_GEN_MAX - 1, EP_GEN_MAX };
    static const int slots[] = { 0, 1, 2, 63, 64, 100, NR_PROCS - 2, NR_PROCS - 1 };

    for (size_t g = 0; g < sizeof(gens) / sizeof(gens[0]); g++)
        for (size_t s = 0; s < sizeof(slots) / sizeof(slots[0]); s++) {
            endpoint_t ep = ENDPOINT(gens[g], slots[s]);
            ok(EP_GEN(ep) == gens[g] && EP_SLOT(ep) == slots[s],
               "ENDPOINT(0x%x, %d) round-trips through EP_GEN/EP_SLOT",
               gens[g], slots[s]);
        }

    ok(NR_PROCS <= EP_SLOT_MASK + 1, "every slot below NR_PROCS fits EP_SLOT_BITS");
    ok(ENDPOINT(EP_GEN_MAX, NR_PROCS - 1) > 0,
       "the largest endpoint ENDPOINT(EP_GEN_MAX, NR_PROCS-1) is positive");
    ok(ENDPOINT(1, 0) > 0, "the smallest endpoint with gen >= 1 is positive");
    ok(ENDPOINT(2, 5) != ENDPOINT(3, 5), "same slot, different generation differ");
}

static void test_pseudo_endpoints(void)
{
    const endpoint_t pseudo[] = { SYSTEM, HARDWARE, ANY, NONE };
    const char *names[] = { "SYSTEM", "HARDWARE", "ANY", "NONE" };
    int distinct = 1, collisions = 0;

    for (int i = 0; i < 4; i++) {
        ok(pseudo[i] < 0, "%s is negative", names[i]);
        for (int j = i + 1; j < 4; j++)
            if (pseudo[i] == pseudo[j])
                distinct = 0;
    }
    ok(distinct, "SYSTEM, HARDWARE, ANY and NONE are distinct");

    /* Every generation, at the smallest and largest slot: no collision. */
    for (uint32_t gen = 1; gen <= EP_GEN_MAX; gen++)
        for (int i = 0; i < 4; i++)
            if (ENDPOINT(gen, 0) == pseudo[i] ||
                ENDPOINT(gen, NR_PROCS - 1) == pseudo[i])
                collisions++;
    is_int(collisions, 0, "no ENDPOINT(gen >= 1, slot) equals a pseudo endpoint");

    /* Every slot at the extreme generations. */
    collisions = 0;
    for (int slot = 0; slot < NR_PROCS; slot++)
        for (int i = 0; i < 4; i++)
            if (ENDPOINT(1, slot) == pseudo[i] ||
                ENDPOINT(EP_GEN_MAX, slot) == pseudo[i])
                collisions++;
    is_int(collisions, 0, "no slot at gen 1 or EP_GEN_MAX equals a pseudo endpoint");
}

int main(void)
{
    test_message_layout();
    test_sys_payloads_fit();
    test_endpoint_round_trip();
    test_pseudo_endpoints();
    return done_testing();
}

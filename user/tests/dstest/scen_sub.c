/*
 * scen_sub.c - subscriptions: a new pattern reports the keys that exist,
 * a burst of 200 changes to 20 keys while the subscriber is blocked is
 * pulled as each changed key exactly once (deletions flagged), the final
 * values are the last written, and a full pattern table says ENOSPC
 * without breaking the subscriptions it has.
 */
#include "ctl.h"

#define NR_BURST 20
static char bkeys[NR_BURST][DS_KEY_MAX];
static const char *bk[NR_BURST + 1];

static void names(void)
{
    for (int i = 0; i < NR_BURST; i++) {
        fmt_snprintf(bkeys[i], sizeof(bkeys[i]), "burst.%02d", i);
        bk[i] = bkeys[i];
    }
    bk[NR_BURST] = "solo";
}

static void initial_state(void)
{
    static const char *const keys[] = { "init.a", "init.b" };
    uint32_t mask, del;
    int dups, n;
    expect(ds_publish_u32("init.a", 1), OK, "publish init.a");
    expect(ds_publish_str("init.b", "b"), OK, "publish init.b");
    expect(agent(SUB, AG_SUBSCRIBE, "init.*", 0, 0, 0).status, OK, "dssub subscribes init.*");
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "notified of the existing keys");
    n = drain_checks(SUB, keys, 2, &mask, &del, &dups);
    check(n == 2 && mask == 3 && !dups && !del, "existing init.a and init.b reported once (%d)", n);
    expect(agent(SUB, AG_SUBSCRIBE, "init.*", 0, 0, 0).status, OK, "subscribe init.* again");
    expect(agent(SUB, AG_WAIT, "", 0, 20, 0).status, -EAGAIN,
           "subscribing again with nothing pending: no notification");
}

static void publish_burst(void)
{
    int bad = 0;
    for (int i = 0; i < 200; i++)
        bad += ds_publish_u32(bkeys[i % NR_BURST], (uint32_t)i) != OK;
    check(bad == 0, "200 publishes to 20 keys in a burst (%d failed)", bad);
    expect(ds_delete("burst.07"), OK, "delete burst.07");
    expect(ds_delete("burst.03"), OK, "delete burst.03");
    expect(ds_publish_u32("burst.03", 1000), OK, "publish burst.03 again");
    expect(ds_publish_u32("solo", 1), OK, "publish solo");
    expect(ds_publish_u32("other.x", 1), OK, "publish other.x (no subscriber)");
}

static void final_values(void)
{
    uint32_t v;
    int wrong = 0;
    for (int k = 0; k < NR_BURST; k++) {
        if (k == 7)
            continue;
        v = 0;
        if (ds_retrieve_u32(bkeys[k], &v) != OK || v != (k == 3 ? 1000u : 180u + k))
            wrong++;
    }
    check(wrong == 0, "final values are the last written (%d wrong)", wrong);
    expect(ds_retrieve_u32("burst.07", &v), -ESRCH, "burst.07 is gone");
}

static void burst(void)
{
    uint32_t mask, del;
    int dups, n;
    expect(agent(SUB, AG_SUBSCRIBE, "burst.*", 0, 0, 0).status, OK, "dssub subscribes burst.*");
    expect(agent(SUB, AG_SUBSCRIBE, "solo", 0, 0, 0).status, OK, "dssub subscribes solo");
    check(wait_flags(ag[SUB], PI_RECEIVING), "dssub is blocked waiting for dstest");
    publish_burst();
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "dssub notified after the burst");
    n = drain_checks(SUB, bk, NR_BURST + 1, &mask, &del, &dups);
    check(n == NR_BURST + 1 && mask == 0x1fffff && dups == 0,
          "21 changed keys, each reported exactly once (%d reports, %d repeats, mask 0x%x)",
          n, dups, mask);
    check(!(mask & 0x80000000u), "a key outside the patterns is not reported");
    check(del == 1u << 7, "burst.07 reported deleted, burst.03 (published again) not (0x%x)", del);
    final_values();
    expect(agent(SUB, AG_WAIT, "", 0, 20, 0).status, -EAGAIN,
           "no further notification after the pull");
}

static void second_round(void)
{
    uint32_t mask, del;
    int dups, n;
    for (int i = 0; i < 2; i++) {
        ds_publish_u32("burst.01", 500 + i);
        ds_publish_u32("burst.02", 600 + i);
    }
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "notified of the second round");
    n = drain_checks(SUB, bk, NR_BURST + 1, &mask, &del, &dups);
    check(n == 2 && mask == 6 && !dups, "second round: the 2 changed keys once each (%d)", n);
}

static void capacity(void)
{
    char pat[DS_KEY_MAX];
    uint32_t mask, del;
    int dups, n, r = OK;
    for (n = 0; n < 100; n++) {
        fmt_snprintf(pat, sizeof(pat), "cap.%02d", n);
        if ((r = ds_subscribe(pat)) != OK)
            break;
    }
    expect(r, -ENOSPC, "subscription table full");
    check(n > 0, "%d patterns added before it was full", n);
    expect(ds_subscribe("cap.00"), OK, "an existing pattern is accepted when full");
    expect(ds_publish_u32("burst.05", 1), OK, "publish burst.05");
    expect(agent(SUB, AG_WAIT, "", 0, 200, 0).status, OK, "dssub still notified");
    n = drain_checks(SUB, bk, NR_BURST + 1, &mask, &del, &dups);
    check(n == 1 && mask == 1u << 5, "dssub gets burst.05 (%d)", n);
}

void scen_subscribe(void)
{
    names();
    initial_state();
    burst();
    second_round();
    capacity();
}

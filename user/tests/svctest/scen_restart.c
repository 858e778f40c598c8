/*
 * scen_restart.c - restart policy scenarios: 20 crashes in a row, a hung
 * service found by heartbeats, an exception with state restored from DS,
 * down/up/restart on request, and the recovery-time benchmark.
 */
#include "svctest.h"

void scen_crash20(void)
{
    struct rs_entry e;
    endpoint_t ep = wait_label("victim", NONE, 300), old;
    int back = 0, stale = 0;
    check(ep != NONE, "victim published in DS (ep %d)", ep);
    for (int i = 0; i < 20; i++) {
        old = ep;
        if (echo(old, (uint32_t)i) != OK || rs_request(RS_FI, "victim", RS_FI_CRASH) != OK)
            break;
        stale += echo(old, 0) == -EDEADSRCDST;
        ep = wait_label("victim", old, 300);
        back += ep != NONE && ep != old && echo(ep, (uint32_t)i) == OK;
    }
    check(stale == 20, "the old endpoint gave EDEADSRCDST after each crash (%d of 20)", stale);
    check(back == 20, "victim came back with a new endpoint, found via DS, 20 times (%d)", back);
    check(rs_find("victim", &e) == OK && e.restarts == 20 && e.state == RS_STATE_UP,
          "service list: victim up, 20 restarts (%d)", e.restarts);
    rs_request(RS_FI, "victim", RS_FI_CRASH);
    for (int i = 0; i < 200 && (rs_find("victim", &e) != OK || e.state != RS_STATE_FAILED); i++)
        sleep_ticks(1);
    check(e.state == RS_STATE_FAILED && strcmp(e.reason, "exit 70") == 0,
          "after the 21st failure: state %d, reason '%s'", e.state, e.reason);
    check(ds_retrieve_label("victim", &ep) == -ESRCH, "victim's label is gone from DS");
    sleep_ticks(50);
    check(rs_find("victim", &e) == OK && e.state == RS_STATE_FAILED && e.ep == NONE,
          "and it stays down");
}

void scen_heartbeat(void)
{
    endpoint_t ep = wait_label("victim_hb", NONE, 300), next;
    uint32_t t0, dt;
    struct rs_entry e;
    check(ep != NONE && echo(ep, 1) == OK, "victim_hb answers");
    sleep_ticks(25);                    /* a few heartbeats answered */
    check(rs_find("victim_hb", &e) == OK && e.restarts == 0, "no restart while it answers");
    t0 = sys_uptime();
    expect(rs_request(RS_FI, "victim_hb", RS_FI_HANG), OK, "inject a hang");
    next = wait_label("victim_hb", ep, 300);
    dt = sys_uptime() - t0;
    printf("svctest: hung victim_hb replaced after %u ticks (period 10)\n", dt);
    check(next != NONE && echo(next, 2) == OK, "a new instance answers");
    check(dt >= 10 && dt <= 2 * 10 + 2 * 5 + 5, "detected within 2 periods (%u ticks)", dt);
    check(rs_find("victim_hb", &e) == OK && strcmp(e.reason, "no heartbeat") == 0,
          "service list says why: '%s'", e.reason);
}

void scen_exception(void)
{
    endpoint_t ep = wait_label("counter", NONE, 300), next;
    uint32_t v = 0;
    struct rs_entry e;
    for (int i = 0; i < 5; i++)
        counter(ep, COUNTER_INC, &v);
    check(v == 5, "counted to %u", v);
    expect(rs_request(RS_FI, "counter", RS_FI_EXCEPTION), OK, "inject an exception");
    next = wait_label("counter", ep, 300);
    check(next != NONE && next != ep, "counter restarted (ep %d -> %d)", ep, next);
    expect(counter(next, COUNTER_GET, &v), OK, "get from the new instance");
    check(v == 5, "its count was restored from DS: %u", v);
    counter(next, COUNTER_INC, &v);
    check(v == 6, "and continues: %u", v);
    check(rs_find("counter", &e) == OK && strcmp(e.reason, "exception 14") == 0,
          "service list says why: '%s'", e.reason);
}

/* DS keeps its store across its own failures (its state region): the
 * counter's key survives a crash and an exception of DS, so a counter
 * restarted afterwards restores its count from it. */
void scen_dscrash(void)
{
    static const int kinds[] = { RS_FI_CRASH, RS_FI_EXCEPTION };
    endpoint_t ep = wait_label("counter", NONE, 300), ds, next;
    uint32_t v = 0;
    for (int i = 0; i < 5; i++)
        counter(ep, COUNTER_INC, &v);
    check(v == 5, "counted to %u", v);
    for (int k = 0; k < 2; k++) {
        if (sys_lookup("ds", &ds) != OK)
            ds = NONE;
        expect(rs_request(RS_FI, "ds", kinds[k]), OK, k ? "ds: inject an exception" :
               "ds: inject a crash");
        for (int i = 0; i < 300; i++) {
            if (sys_lookup("ds", &next) == OK && next != ds)
                break;
            sleep_ticks(1);
        }
        check(next != ds, "ds restarted (ep %d -> %d)", ds, next);
    }
    expect(rs_request(RS_FI, "counter", RS_FI_CRASH), OK, "counter: inject a crash");
    next = wait_label("counter", ep, 300);
    check(next != NONE && next != ep, "counter restarted (ep %d -> %d)", ep, next);
    expect(counter(next, COUNTER_GET, &v), OK, "get from the new counter");
    check(v == 5, "its count came back from the kept store: %u", v);
}

void scen_updown(void)
{
    struct rs_entry e;
    endpoint_t ep = wait_label("counter", NONE, 300), next;
    uint32_t v = 0;
    counter(ep, COUNTER_INC, &v);
    expect(rs_request(RS_DOWN, "counter", 0), OK, "service down counter");
    for (int i = 0; i < 100 && (rs_find("counter", &e) != OK || e.state != RS_STATE_DOWN); i++)
        sleep_ticks(1);
    check(e.state == RS_STATE_DOWN && e.ep == NONE, "counter is down and stays down");
    check(ds_retrieve_label("counter", &next) == -ESRCH, "its label left DS");
    expect(rs_request(RS_DOWN, "counter", 0), OK, "down again is harmless");
    expect(rs_request(RS_UP, "counter", 0), OK, "service up counter");
    next = wait_label("counter", NONE, 300);
    check(next != NONE && counter(next, COUNTER_GET, &v) == OK, "counter answers again");
    expect(rs_request(RS_UP, "counter", 0), -EBUSY, "up while running");
    expect(rs_request(RS_RESTART, "counter", 0), OK, "service restart counter");
    ep = wait_label("counter", next, 300);
    check(ep != NONE && ep != next, "restart gave a new endpoint");
    check(rs_find("counter", &e) == OK && e.state == RS_STATE_UP &&
          strcmp(e.reason, "restarted") == 0, "list: up, reason '%s'", e.reason);
}

static uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t)hi << 32 | lo;
}

/* Crash -> restarted service answering, 20 times; each time the failure
 * count is reset first (down + up), so every crash is a "first failure"
 * that RS restarts at once. */
void scen_recovery(void)
{
    uint32_t t[20], ok = 0;
    for (int i = 0; i < 20; i++) {
        endpoint_t old, ep;
        uint64_t t0;
        rs_request(RS_DOWN, "victim", 0);
        sleep_ticks(2);
        rs_request(RS_UP, "victim", 0);
        old = wait_label("victim", NONE, 300);
        t0 = rdtsc();
        rs_request(RS_FI, "victim", RS_FI_CRASH);
        do {
            ep = NONE;
            ds_retrieve_label("victim", &ep);
        } while (ep == old || ep == NONE || echo(ep, 7) != OK);
        t[i] = (uint32_t)(rdtsc() - t0);
        ok++;
    }
    for (int i = 1; i < 20; i++)            /* insertion sort */
        for (int j = i; j > 0 && t[j] < t[j - 1]; j--) {
            uint32_t x = t[j];
            t[j] = t[j - 1];
            t[j - 1] = x;
        }
    check(ok == 20, "20 crashes, 20 recoveries");
    printf("BENCH recovery_median %u tsc\n", (t[9] + t[10]) / 2);
    printf("BENCH recovery_max %u tsc\n", t[19]);
}

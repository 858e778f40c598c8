/*
 * schedtest - priority round-robin.  Two CPU-bound spinners share
 * priority 5 and a third spins at priority 6; each notifies the
 * controller (priority 2) every 2^19 iterations.  While the two run, both
 * must make progress (the quantum preempts each in turn: when one has done
 * half its rounds the other has done about as many) and the lower
 * priority one must not run at all; once they stop, it runs.  It prints
 * the counts at half time and the largest lead one spinner ever had over
 * the other while both ran; tests/system/test_irq_sched.py bounds them.
 */
#include "libsys.h"

#define SLICE  (1u << 19)
#define ROUNDS 100
#define FAIR_AT_HALF (ROUNDS / 3 + 1)   /* 50:34, within 1.5:1 */

static void spin(endpoint_t ctl, uint32_t rounds)
{
    for (uint32_t r = 0; r < rounds; r++) {
        for (volatile uint32_t i = 0; i < SLICE; i++)
            ;
        ipc_notify(ctl);
    }
}

static void control(void)
{
    endpoint_t hi1, hi2, lo;
    uint32_t n_hi1 = 0, n_hi2 = 0, n_lo = 0, n_lo_late = 0, t0 = sys_uptime();
    uint32_t other_at_half = 0, lead = 0;
    message m;
    int ok;
    sys_lookup("spin_hi1", &hi1);
    sys_lookup("spin_hi2", &hi2);
    sys_lookup("spin_lo", &lo);
    while (n_hi1 < ROUNDS || n_hi2 < ROUNDS) {     /* both spinners finish */
        if (ipc_receive(ANY, &m) != OK)
            continue;
        n_hi1 += m.m_source == hi1;
        n_hi2 += m.m_source == hi2;
        if (!other_at_half && (n_hi1 == ROUNDS / 2 || n_hi2 == ROUNDS / 2))
            other_at_half = n_hi1 == ROUNDS / 2 ? n_hi2 + 1 : n_hi1 + 1;
        n_lo += m.m_source == lo;
        if (n_hi1 < ROUNDS && n_hi2 < ROUNDS) {
            uint32_t d = n_hi1 > n_hi2 ? n_hi1 - n_hi2 : n_hi2 - n_hi1;
            lead = d > lead ? d : lead;
        }
        if (sys_uptime() - t0 > 60 * 100)
            break;
    }
    while (n_lo_late < 3 && sys_uptime() - t0 < 90 * 100)
        if (ipc_receive(lo, &m) == OK)
            n_lo_late++;
    printf("schedtest: hi1 %u, hi2 %u, lo %u while they ran, lo %u after\n",
           n_hi1, n_hi2, n_lo, n_lo_late);
    printf("schedtest: when one spinner was half done the other had done %u rounds\n",
           other_at_half - 1);
    printf("schedtest: the largest lead while both ran was %u rounds\n", lead);
    ok = n_hi1 == ROUNDS && n_hi2 == ROUNDS && n_lo == 0 && n_lo_late == 3 &&
         other_at_half - 1 >= FAIR_AT_HALF;
    printf("schedtest: %s\n", ok ? "PASS" : "FAIL");
    sys_shutdown(SD_POWEROFF, !ok);
}

int main(void)
{
    char label[16];
    endpoint_t self, ctl;
    sys_self(&self, label);
    if (strcmp(label, "schedctl") == 0)
        control();
    sys_lookup("schedctl", &ctl);
    spin(ctl, strcmp(label, "spin_lo") == 0 ? 10 * ROUNDS : ROUNDS);
    return 0;
}

/*
 * acct.c - where the CPU's time goes, in TSC ticks since the kernel
 * started (boot: the TSC at its entry, the firmware's and loader's
 * share): interrupt handling
 * (the clock tick, device IRQs), the checker's share of it (stab_tick)
 * and the NMI task.  Benchmarks read it (GI_ACCT) to take the
 * background work out of a measured path; under QEMU -icount the TSC
 * counts guest instructions, so the figures are exact.
 * Invariants: check <= irq (the checker runs inside the clock IRQ); the
 * counters only grow; reading the TSC is all it costs (no locks: the
 * kernel runs with interrupts off, and the NMI task keeps its own sum).
 */
#include "kernel.h"
#include "stabilize.h"

static uint64_t boot_tsc, irq_sum, check_sum, nmi_sum;
static uint32_t check_max, check_runs;

void acct_init(void)
{
    boot_tsc = acct_now();
}

uint64_t acct_now(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return (uint64_t)hi << 32 | lo;
}

/* A start mark is the TSC minus the NMI time so far, so that an NMI
 * taken inside the measured span is not counted twice. */
uint64_t acct_start(void)
{
    return acct_now() - nmi_sum;
}

void acct_irq(uint64_t start)
{
    irq_sum += acct_start() - start;
}

void acct_check(uint64_t start)
{
    uint64_t d = acct_start() - start;
    check_sum += d;
    check_runs++;
    if (d > check_max)
        check_max = (uint32_t)(d > 0xffffffffu ? 0xffffffffu : d);
}

void acct_nmi(uint64_t since)
{
    nmi_sum += acct_now() - since;
}

void acct_info(struct sys_acct *out)
{
    out->tsc = acct_now();
    out->boot = boot_tsc;
    out->irq = irq_sum;
    out->check = check_sum;
    out->nmi = nmi_sum;
    out->check_max = check_max;
    out->check_runs = check_runs;
    out->sweep_ticks = stab_sweep_ticks();
}

/*
 * stab.c - the self-stabilization driver: boot options, repair counters,
 * the per-tick checker slice, and recovery of a kernel that faulted or
 * got stuck (stab_recover).
 *
 * Slices: every tick checks the constant CPU state and re-arms the NMI;
 * then one of NSTEPS steps (a ROM chunk, 32 process slots, 32 page
 * directories, the run queues, IPC relations, timers and privileges),
 * so a full sweep takes NSTEPS ticks (well under a second at HZ=100).
 * The frame-ownership sweep begins with the run-queue step and goes on
 * a slice a tick until it is done (check_frames.c).
 * The kernel also sends RS a heartbeat each second (rs_heartbeat).
 * Recovery abandons whatever the kernel was doing (the kernel keeps no
 * state on its stack between traps: every path ends in schedule()),
 * runs every checker once and schedules again.  Too many kernel faults
 * in a row kill the running process; more still reboot cleanly.
 */
#include <stdarg.h>
#include "kernel.h"
#include "arch.h"
#include "proc.h"
#include "stabilize.h"
#include "../lib/common/format.h"

#define SLOT_SLICE 32
#define FAULT_WINDOW HZ                 /* kernel faults counted per second */
#define RS_HB_TICKS HZ

uint32_t stab_flags;
volatile uint32_t stab_hook;
static uint32_t counters[SC_NR];
static uint32_t sweeps, step, fault_tick, fault_burst;
static const char *const sc_names[SC_NR] = SC_NAMES;
extern uint32_t cr4_expect;
extern uint8_t *const kernel_stack_top;

static void parse_options(void)
{
    char v[8];
    static const struct { const char *word; uint32_t bit; } opt[] = {
        { "nocheck", STAB_CHECK }, { "norom", STAB_ROM },
        { "nonmi", STAB_NMI }, { "nowdt", STAB_WDT },
    };
    stab_flags = STAB_CHECK | STAB_ROM | STAB_NMI | STAB_WDT;
    if (cmdline_get("stab", v, sizeof(v)) >= 0 && strcmp(v, "off") == 0)
        stab_flags = 0;
    for (unsigned i = 0; i < sizeof(opt) / sizeof(opt[0]); i++)
        if (cmdline_get(opt[i].word, v, sizeof(v)) >= 0 || cmdline_has(opt[i].word))
            stab_flags &= ~opt[i].bit;
    if (!(stab_flags & STAB_NMI))
        stab_flags &= ~STAB_WDT;        /* only the NMI handler kicks it */
    if (cmdline_has("testhooks"))
        stab_flags |= STAB_HOOKS;
}

void stab_init(void)
{
    parse_options();
    frames_snapshot();
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4_expect));
    if (stab_on(STAB_ROM))
        rom_init();
    if (stab_on(STAB_NMI))
        nmi_init();
    if (stab_on(STAB_WDT))
        wdt_init();
    kprintf("stab: checker %s, rom %s, nmi %s, wdt %s%s\n",
            stab_on(STAB_CHECK) ? "on" : "off", stab_on(STAB_ROM) ? "on" : "off",
            stab_on(STAB_NMI) ? "on" : "off", stab_on(STAB_WDT) ? "on" : "off",
            stab_on(STAB_HOOKS) ? ", test hooks" : "");
}

void stab_repair(int counter, const char *fmt, ...)
{
    char buf[96];
    va_list ap;
    as_changed();                       /* a repair may have cut a mapping */
    if (counter >= 0 && counter < SC_NR)
        counters[counter]++;
    va_start(ap, fmt);
    fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    kprintf("stab: repaired %s: %s\n", counter >= 0 && counter < SC_NR ?
            sc_names[counter] : "?", buf);
}

void stab_info(struct sys_stab *out)
{
    uint32_t total = 0;
    out->flags = (uint16_t)stab_flags;
    out->sweeps = (uint16_t)sweeps;
    for (int i = 0; i < SC_NR; i++) {
        out->count[i] = counters[i] > 0xffff ? 0xffff : (uint16_t)counters[i];
        total += counters[i];
    }
    out->nmis = nmi_count;
    out->total = total;
}

/* Test hooks, written from the host (tests/system/test_stabilize.py):
 * 1 spin with interrupts off, 2 mask the NMI source, 3 both (only the
 * hardware watchdog can end that). */
static void run_hook(void)
{
    uint32_t h = stab_hook;
    stab_hook = 0;
    if (h == 1) {
        kprintf("stab: test hook: kernel spins with interrupts off\n");
        for (;;)
            __asm__ volatile("cli; pause");
    }
    if (h == 2 || h == 3) {
        kprintf("stab: test hook: NMI source masked\n");
        nmi_mask_for_test();
    }
    if (h == 3) {
        kprintf("stab: test hook: kernel spins with interrupts off, NMI masked\n");
        for (;;)
            __asm__ volatile("cli; pause");
    }
}

/* The kernel supervises RS: every RS_HB_TICKS it notifies RS; a ping
 * still pending at the next one is missed, and after two RS is killed
 * (proc_exit then starts a fresh RS, boot.c). */
static void rs_heartbeat(void)
{
    static uint32_t missed;
    struct proc *rs = proc_by_label("rs");
    if (!rs || !rs->priv || strcmp(rs->priv->label, "rs") != 0)
        return;
    missed = (rs->sys_events & SYSEV_HEARTBEAT) ? missed + 1 : 0;
    if (missed >= 2) {
        missed = 0;
        stab_repair(SC_RS, "rs missed 2 heartbeats (%u ticks each); killed", RS_HB_TICKS);
        proc_exit(rs, KSIG_KILLED, 0);
        return;
    }
    kernel_notify(rs, SYSTEM, SYSEV_HEARTBEAT);
}

int stab_full_check(void)
{
    int n = check_cpu(0) + (stab_on(STAB_CHECK) ? check_ioapic() : 0);
    if (stab_on(STAB_ROM))
        n += check_rom(-1);
    n += check_procs(0, NR_PROCS) + check_pgdirs(0, NR_PROCS);
    n += check_runq() + check_ipc() + check_timers() + check_privs() + check_frames();
    sweeps++;
    return n;
}

uint32_t stab_sweep_ticks(void)
{
    return (uint32_t)(NR_PROCS / SLOT_SLICE) * 2 + 1 + (uint32_t)rom_chunks();
}

void stab_tick(void)
{
    uint32_t nsteps = stab_sweep_ticks();
    uint32_t s;
    int frames_begin = 0;
    if (stab_hook && stab_on(STAB_HOOKS))
        run_hook();
    if (!stab_on(STAB_CHECK | STAB_ROM))
        return;
    if (stab_on(STAB_CHECK))
        check_cpu(0), check_ioapic();   /* the clock path re-arms the NMI */
    if (stab_on(STAB_CHECK) && ticks % RS_HB_TICKS == 0)
        rs_heartbeat();
    s = step++ % nsteps;
    if (s == 0)
        sweeps++;
    if (!stab_on(STAB_CHECK) && s < nsteps - (uint32_t)rom_chunks())
        return;
    if (s < NR_PROCS / SLOT_SLICE)
        check_procs((int)s * SLOT_SLICE, SLOT_SLICE);
    else if ((s -= NR_PROCS / SLOT_SLICE) < NR_PROCS / SLOT_SLICE)
        check_pgdirs((int)s * SLOT_SLICE, SLOT_SLICE);
    else if ((s -= NR_PROCS / SLOT_SLICE) == 0)
        check_runq(), check_ipc(), check_timers(), check_privs(), frames_begin = 1;
    else if (stab_on(STAB_ROM))
        check_rom((int)s - 1);
    check_frames_slice(frames_begin);   /* begun once a sweep, then a slice a tick */
}

/* Called on the fresh kernel stack (stab_recover_entry, nmi.c). */
void stab_recover(void)
{
    console_recover();                  /* a write the fault cut short */
    stab_full_check();
    schedule();
}

static void __attribute__((noreturn)) recover_on_fresh_stack(void)
{
    __asm__ volatile("mov %0, %%esp\n\t"
                     "call stab_recover" : : "r"(kernel_stack_top) : "memory");
    __builtin_unreachable();
}

/* A CPU exception in the kernel: repair and go on instead of panicking. */
void stab_kernel_fault(uint32_t vector, uint32_t eip)
{
    if (ticks - fault_tick > FAULT_WINDOW)
        fault_burst = 0;
    fault_tick = ticks;
    stab_repair(SC_KFAULT, "kernel exception %u at eip=0x%08x; recovering", vector, eip);
    if (++fault_burst > 20)
        power_reboot();                 /* nothing converges: clean warm restart */
    if (fault_burst > 10 && is_proc(current) && !(current->flags & P_FREE)) {
        stab_repair(SC_KILLED, "%s keeps faulting the kernel; killed", current->name);
        proc_exit(current, KSIG_KILLED, 0);
    }
    recover_on_fresh_stack();
}

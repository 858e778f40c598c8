"""test_stabilize.py - self-stabilization, one mechanism at a time.

Each test boots rs, ds and the self-checking workload (stabwork), lets it
print a few heartbeats, corrupts one kernel structure from the host
(gdbstub or the shared RAM file: tools/inject/faults.py) and then judges
from the serial line only:
  converged     = at least 5 heartbeats with the right CRC after the fault
                  and the repair counter line for that structure;
  not converged = with that mechanism switched off on the kernel command
                  line, fewer than 2 heartbeats in the following seconds.
So every test proves that its mechanism is what saves the system.  The
last test runs a short random campaign and asserts a convergence floor.
"""
import os
import re
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "inject"))
import faults                                   # noqa: E402
from guest import Guest, symbols                # noqa: E402
from qemu import TEST_ISO                       # noqa: E402

BASE = "start=rs rs_start=ds,stabwork testhooks"


@pytest.fixture(scope="module")
def syms():
    return symbols()


def run(syms, fault, switches="", reboot=False, window=6.0, then=None, base=BASE):
    g = Guest(TEST_ISO, f"{base} {switches}".strip(), reboot=reboot)
    try:
        assert g.wait_for(r"stabwork: hb 3 ", 40), g.output()[-2000:]
        fault(g, syms)
        if then:
            time.sleep(1.0)
            then(g, syms)
        t0 = g.now()                    # after the last injection
        deadline = time.monotonic() + window
        while time.monotonic() < deadline and g.alive():
            if len(g.heartbeats(since=t0 + 0.3)) >= 8:
                break
            time.sleep(0.2)
        return g, t0, g.heartbeats(since=t0 + 0.3), g.output()
    finally:
        g.close()


def converged(out, hbs, counter):
    good = [h for h in hbs if h[2]]
    assert not [h for h in hbs if not h[2]], "wrong output after the fault"
    assert len(good) >= 5, "no convergence:\n" + out[-2500:]
    assert re.search(f"stab: repaired ({counter}):", out), out[-2500:]
    assert max(h[3] for h in good) > 0, "the repair counters (GI_STAB) did not increase"
    assert "KERNEL PANIC" not in out


def not_converged(out, hbs):
    assert len([h for h in hbs if h[2]]) < 2, "converged without the mechanism:\n" + out[-1500:]


CASES = [
    # name, fault, counter, switch that turns the saving mechanism off
    ("idt_entry", faults.idt_clock_gate, "idt", "nocheck"),
    ("gdt_descriptor", faults.gdt_user_code, "gdt", "nocheck"),
    ("run_queue_link", faults.runq_link, "runq", "nocheck"),
    ("saved_eip", faults.saved_eip, "killed", "nocheck"),
    ("text_byte", faults.text_byte, "rom", "norom"),
    # caught by the NMI's check of the TSS, or else by the double-fault task
    ("tss_esp0", faults.tss_esp0, "tss|dfault", "nonmi"),
    ("kernel_spins_with_interrupts_off", faults.hook(1), "nmi_recover", "nonmi"),
    ("kernel_esp", faults.kernel_esp, "dfault", "nonmi"),
]


@pytest.mark.parametrize("name,fault,counter,off", CASES, ids=[c[0] for c in CASES])
def test_repaired_and_converges(syms, name, fault, counter, off):
    g, t0, hbs, out = run(syms, fault)
    converged(out, hbs, counter)


@pytest.mark.parametrize("name,fault,counter,off", CASES, ids=[c[0] for c in CASES])
def test_no_convergence_with_mechanism_off(syms, name, fault, counter, off):
    g, t0, hbs, out = run(syms, fault, off, window=5.0)
    assert not re.search(f"stab: repaired ({counter}):", out)
    not_converged(out, hbs)


def test_nmi_source_masked_is_rearmed_by_the_clock_path(syms):
    g, t0, hbs, out = run(syms, faults.hook(2), then=faults.hook(1))
    assert "stab: repaired ioapic: NMI entry was" in out
    converged(out, hbs, "nmi_recover")


def test_nmi_source_masked_without_checker_hangs(syms):
    g, t0, hbs, out = run(syms, faults.hook(2), "nocheck", then=faults.hook(1), window=5.0)
    assert "stab: repaired ioapic" not in out
    not_converged(out, hbs)


# counter has a heartbeat period, so RS wakes up on its own to ping it
RS_BASE = "start=rs rs_start=ds,counter,stabwork testhooks"


def test_hung_rs_is_killed_and_restarted_by_the_kernel(syms):
    g, t0, hbs, out = run(syms, faults.rs_spins, base=RS_BASE, window=8.0)
    assert "stab: repaired rs: rs missed 2 heartbeats" in out
    assert re.search(r"rs: restarted by the kernel \(was ep \d+\); 3 services adopted", out), out[-2000:]
    converged(out, hbs, "rs")


def test_hung_rs_without_kernel_heartbeat_starves_everyone(syms):
    g, t0, hbs, out = run(syms, faults.rs_spins, "nocheck", base=RS_BASE, window=6.0)
    assert "kernel: rs restarted" not in out
    not_converged(out, hbs)


def test_locked_watchdog_resets_a_state_no_software_leaves(syms):
    g, t0, hbs, out = run(syms, faults.hook(3), reboot=True, window=14.0)
    assert out.count("Stabilix kernel booting") == 2, out[-2000:]
    assert "stab: test hook: kernel spins with interrupts off, NMI masked" in out
    good = [h for h in hbs if h[2]]
    assert len(good) >= 5 and not [h for h in hbs if not h[2]]


def test_without_the_watchdog_that_state_stays_hung(syms):
    g, t0, hbs, out = run(syms, faults.hook(3), "nowdt", reboot=True, window=6.0)
    assert out.count("Stabilix kernel booting") == 1
    not_converged(out, hbs)


def test_short_campaign_converges_above_floor(syms):
    """50 random single faults in kernel text, page tables and registers
    (tools/inject, from a snapshot, two QEMUs at a time): at least 80%
    converge, none gives wrong output, and the harness keeps no file
    descriptor per trial (a long campaign would run out)."""
    import inject
    from concurrent.futures import ThreadPoolExecutor
    fds = len(os.listdir("/proc/self/fd"))
    with ThreadPoolExecutor(max_workers=2) as ex:
        recs = list(ex.map(lambda i: inject.trial(i, "on", "text,pgtable,regs", "single",
                                                  "test", 10.0, syms), range(50)))
    table = "\n".join(str(r) for r in recs)
    conv = [r for r in recs if r["cls"] in ("no-effect", "repaired", "service", "restart")]
    assert not [r for r in recs if r["cls"] in ("wrong", "harness-error", "boot-failed")], table
    assert len(conv) >= 0.8 * len(recs), table
    assert any(r["cls"] == "repaired" for r in recs), table
    assert len(os.listdir("/proc/self/fd")) < fds + 5


def test_leaked_frames_are_given_back(syms):
    g, t0, hbs, out = run(syms, faults.frame_leak)
    converged(out, hbs, "frame")
    assert "stab: repaired frame: allocator: 32 leaked frames freed" in out, out[-2000:]


def test_leaked_frames_stay_lost_without_the_checker(syms):
    g, t0, hbs, out = run(syms, faults.frame_leak, "nocheck", window=4.0)
    assert "stab: repaired frame" not in out

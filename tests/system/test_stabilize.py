"""test_stabilize.py - self-stabilization, one mechanism at a time.

Each test boots rs, ds and the self-checking workload (stabwork), lets it
print a few heartbeats, corrupts one kernel structure from the host
(gdbstub or the shared RAM file: tools/inject/faults.py) and then judges
from what the host sees after the injection (never earlier output):
  converged     = at least 5 heartbeats with the right CRC after the fault,
                  the repair line of that structure, and no repair through
                  a path the case does not list;
  not converged = with that mechanism switched off on the kernel command
                  line, fewer than 2 heartbeats in the following seconds.
The frame-leak tests read the allocator's bitmap from guest RAM.  So
every test proves that its mechanism is what saves the system.  The
campaign on the release system is test_campaign.py.
"""
import re
import sys
import time
from pathlib import Path

from typing import NamedTuple

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


class Run(NamedTuple):
    t0: float       # guest time after the last injection
    hbs: list       # heartbeats from t0 + 0.3 s: (time, n, crc ok, repairs)
    out: str        # what the guest printed from the injection on
    full: str       # the whole serial output
    what: str       # the fault's own description
    probe: object   # what probe(guest, syms) returned before QEMU stopped


def run(syms, fault, switches="", reboot=False, window=6.0, then=None, base=BASE, probe=None):
    g = Guest(TEST_ISO, f"{base} {switches}".strip(), reboot=reboot, monitor=True)
    try:
        assert g.wait_for(r"stabwork: hb 3 ", 40), g.output()[-2000:]
        t_inj = g.now()
        what = fault(g, syms)
        if then:
            time.sleep(1.0)
            then(g, syms)
        t0 = g.now()                    # after the last injection
        deadline = time.monotonic() + window
        while time.monotonic() < deadline and g.alive():
            if len(g.heartbeats(since=t0 + 0.3)) >= 8:
                break
            time.sleep(0.2)
        with g.lock:
            out = "\n".join(l for t, l in g.lines if t >= t_inj)
        return Run(t0, g.heartbeats(since=t0 + 0.3), out, g.output(), what,
                   probe(g, syms) if probe else None)
    finally:
        g.close()


def repairs(out):
    """The repair counters named in 'stab: repaired <counter>:' lines."""
    return re.findall(r"stab: repaired (\w+):", out)


def converged(r, counter, only=None):
    """Converged after the injection, through 'counter'; with 'only' (a
    regex), every repair after the injection is of those counters."""
    good = [h for h in r.hbs if h[2]]
    assert not [h for h in r.hbs if not h[2]], "wrong output after the fault"
    assert len(good) >= 5, "no convergence:\n" + r.out[-2500:]
    assert re.search(f"stab: repaired ({counter}):", r.out), r.out[-2500:]
    if only:
        assert all(re.fullmatch(only, c) for c in repairs(r.out)), \
            f"repaired through another path than {only}:\n" + r.out[-2500:]
    assert max(h[3] for h in good) > 0, "the repair counters (GI_STAB) did not increase"
    assert "KERNEL PANIC" not in r.full


def not_converged(r):
    assert len([h for h in r.hbs if h[2]]) < 2, "converged without the mechanism:\n" + r.out[-1500:]


# name, fault, counter (the repair that must appear), only (every repair
# after the injection is one of these: the paths the fault may take), the
# switch that turns the saving mechanism off.  Where 'only' names more than
# the counter, each extra path is a legitimate one, said why below.
CASES = [
    ("idt_entry", faults.idt_clock_gate, "idt", "idt", "nocheck"),
    # iret to ring 3 with the user code descriptor zeroed faults in the
    # kernel (kfault) unless the clock path's check comes first; the
    # processes' saved segment state is then repaired too (proc); seen once
    # in about 30 runs, the fault on that iret meets a frame it cannot push
    # and becomes a double fault, which restarts the kernel (dfault)
    ("gdt_descriptor", faults.gdt_user_code, "gdt", "kfault|gdt|proc|dfault", "nocheck"),
    # the scheduler may follow the bad link before the checker sees it
    ("run_queue_link", faults.runq_link, "runq", "kfault|runq", "nocheck"),
    ("saved_eip", faults.saved_eip, "killed", "killed", "nocheck"),
    # clock_tick's int3 traps in the kernel (kfault) until the ROM check
    ("text_byte", faults.text_byte, "rom", "kfault|rom", "norom"),
    # caught by the NMI's check of the TSS, or else by the double-fault
    # task (whichever comes first: the NMI is asynchronous)
    ("tss_esp0", faults.tss_esp0, "tss|dfault", "tss|dfault", "nonmi"),
    ("kernel_spins_with_interrupts_off", faults.hook(1), "nmi_recover", "nmi_recover", "nonmi"),
    # the first push of clock_tick on an unmapped stack: a double fault,
    # nothing else (no kernel exception, no descriptor repair)
    ("kernel_esp", faults.kernel_esp, "dfault", "dfault", "nonmi"),
    # the same with an NMI taken inside the double-fault task: the NMI task
    # must return to it (the busy double-fault TSS is not "repaired")
    # (no off case: without the NMI mechanism there is no double-fault task)
    ("kernel_esp_nmi_in_double_fault", faults.kernel_esp_nmi_in_df, "dfault", "dfault", None),
]
OFF_CASES = [c for c in CASES if c[4]]


@pytest.mark.parametrize("name,fault,counter,only,off", CASES, ids=[c[0] for c in CASES])
def test_repaired_and_converges(syms, name, fault, counter, only, off):
    converged(run(syms, fault), counter, only)


@pytest.mark.parametrize("name,fault,counter,only,off", OFF_CASES, ids=[c[0] for c in OFF_CASES])
def test_no_convergence_with_mechanism_off(syms, name, fault, counter, only, off):
    r = run(syms, fault, off, window=5.0)
    assert not re.search(f"stab: repaired ({counter}):", r.out)
    not_converged(r)


def test_nmi_source_masked_is_rearmed_by_the_clock_path(syms):
    r = run(syms, faults.hook(2), then=faults.hook(1))
    assert "stab: repaired ioapic: NMI entry was" in r.out
    converged(r, "nmi_recover")


def test_nmi_source_masked_without_checker_hangs(syms):
    r = run(syms, faults.hook(2), "nocheck", then=faults.hook(1), window=5.0)
    assert "stab: repaired ioapic" not in r.out
    not_converged(r)


# counter has a heartbeat period, so RS wakes up on its own to ping it
RS_BASE = "start=rs rs_start=ds,counter,stabwork testhooks"


def test_hung_rs_is_killed_and_restarted_by_the_kernel(syms):
    r = run(syms, faults.rs_spins, base=RS_BASE, window=8.0)
    assert "stab: repaired rs: rs missed 2 heartbeats" in r.out
    assert re.search(r"rs: restarted by the kernel \(was ep \d+\); 3 services adopted", r.out), \
        r.out[-2000:]
    converged(r, "rs")


def test_hung_rs_without_kernel_heartbeat_starves_everyone(syms):
    r = run(syms, faults.rs_spins, "nocheck", base=RS_BASE, window=6.0)
    assert "kernel: rs restarted" not in r.out
    not_converged(r)


def test_locked_watchdog_resets_a_state_no_software_leaves(syms):
    r = run(syms, faults.hook(3), reboot=True, window=14.0)
    assert r.out.count("Stabilix kernel booting") == 1, r.out[-2000:]     # the second boot
    assert "stab: test hook: kernel spins with interrupts off, NMI masked" in r.out
    good = [h for h in r.hbs if h[2]]
    assert len(good) >= 5 and not [h for h in r.hbs if not h[2]]


def test_without_the_watchdog_that_state_stays_hung(syms):
    r = run(syms, faults.hook(3), "nowdt", reboot=True, window=6.0)
    assert "Stabilix kernel booting" not in r.out
    not_converged(r)


def frame_bitmap(g, syms):
    """The allocator's bitmap as 32-bit words, read from the guest's RAM
    (the kernel is identity-mapped: its symbols are physical addresses)."""
    base, size = syms["frame_bitmap"]
    raw = bytes(g.ram[base:base + size])
    return [int.from_bytes(raw[i:i + 4], "little") for i in range(0, len(raw), 4)]


def leaked_word(r):
    return int(re.search(r"frame_bitmap word (\d+)", r.what).group(1))


def test_leaked_frames_are_given_back(syms):
    r = run(syms, faults.frame_leak, probe=frame_bitmap)
    converged(r, "frame", "frame")
    assert "stab: repaired frame: allocator: 32 leaked frames freed" in r.out, r.out[-2000:]
    assert r.probe[leaked_word(r)] == 0, "the 32 frames are still marked used in the bitmap"


def test_leaked_frames_stay_lost_without_the_checker(syms):
    r = run(syms, faults.frame_leak, "nocheck", window=4.0, probe=frame_bitmap)
    assert "stab: repaired frame" not in r.out
    assert r.probe[leaked_word(r)] == 0xFFFFFFFF, "the leaked frames were freed after all"

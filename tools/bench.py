#!/usr/bin/env python3
"""bench.py - Stabilix micro-benchmarks (make bench).

Boots the test ISO under QEMU TCG with -icount shift=SHIFT, where the
guest TSC counts virtual nanoseconds and advances 2**SHIFT per guest
instruction.
So rdtsc deltas divided by 2**SHIFT are exact, deterministic instruction
counts.  Benchmarks: IPC and the null kernel call (bench_ipc), and the
recovery time of a crashed service (svctest recovery).  (shift=0 would
give instructions directly, but SeaBIOS/GRUB do not finish booting under
shift=0 with QEMU 7.2; shift=7 boots and is just as exact.)  Each run is
done twice to show that the counts repeat.  Prints BENCH lines and a table,
and writes build/bench.json.
"""
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "system"))
from qemu import ROOT, boot, start  # noqa: E402

SHIFT = 7
TARGETS = {"ipc_oneway": 600, "recovery_median": 5_000_000}
DESCRIPTIONS = {
    "ipc_oneway": "one-way IPC between address spaces (call + replyrecv)",
    "ipc_roundtrip": "call + reply round trip",
    "ipc_oneway_sendnb_receive": "one-way IPC, server loop sendnb + receive",
    "kcall_null": "null kernel call (getinfo uptime)",
    "loop_overhead": "empty loop iteration (measurement floor)",
    "recovery_median": "crash -> restarted service answering (median of 20)",
    "recovery_max": "crash -> restarted service answering (worst of 20)",
}


RUNS = [  # (what, kernel command line)
    ("ipc", start("bench_ping", "bench_pong")),
    ("recovery", "start=rs rs_start=ds,victim,svctest svctest=recovery"),
]


def run_once():
    """Every benchmark boot once; {name: guest instructions}."""
    results = {}
    for what, cmdline in RUNS:
        b = boot(cmdline, extra=["-icount", f"shift={SHIFT}"], timeout=600)
        if b.status != 0:
            sys.exit(f"bench: the {what} guest did not finish:\n{b.tail()}")
        for line in b.lines("BENCH "):
            _, name, value, unit = line.split()
            assert unit == "tsc", line
            results[name] = int(value) / (1 << SHIFT)
    return results


def main():
    print(f"bench: booting the test ISO under QEMU -icount shift={SHIFT} (twice)...", flush=True)
    t0 = time.monotonic()
    first, second = run_once(), run_once()
    deterministic = first == second
    for name, v in first.items():
        print(f"BENCH {name} {v:.1f} instructions")
    print()
    print(f"{'benchmark':28} {'instructions':>12} {'ms@1ns':>8} {'target':>9}  description")
    for name, v in first.items():
        target = TARGETS.get(name)
        mark = "" if target is None else ("  ok" if v <= target else "  OVER")
        print(f"{name:28} {v:12.1f} {v / 1e6:8.3f} {target or '':>9}{mark}"
              f"  {DESCRIPTIONS.get(name, '')}")
    print("\nms@1ns: virtual milliseconds at one instruction per nanosecond, the rate of"
          " -icount shift=0\n(the recovery target is 5 ms of virtual time).")
    print(f"\nrepeat run identical: {'yes' if deterministic else 'NO'}"
          f"  ({time.monotonic() - t0:.0f} s)")
    out = ROOT / "build" / "bench.json"
    out.write_text(json.dumps({
        "icount_shift": SHIFT, "unit": "guest instructions per operation",
        "deterministic": deterministic, "results": first,
        "targets": TARGETS}, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

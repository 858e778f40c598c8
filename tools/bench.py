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
done twice to show that the counts repeat.

Then the POSIX benchmarks (tools/bench_posix.py, docs/bench.md): the same
sources on Stabilix and on a Linux guest, once under plain TCG (guest wall
clock, ns per operation) and once under -icount shift=7 (virtual time /
2**7 = guest instructions per operation), side by side with ratios, plus
the boot time to the shell prompt.  Prints BENCH lines and tables, and
writes build/bench.json.

    tools/bench.py [--only micro|posix] [--seconds S]
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "system"))
from qemu import ROOT, boot, start  # noqa: E402
import bench_posix  # noqa: E402

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


def micro():
    """The IPC and recovery micro-benchmarks; their part of bench.json."""
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
    return {"icount_shift": SHIFT, "unit": "guest instructions per operation",
            "deterministic": deterministic, "results": first, "targets": TARGETS}


# ---- POSIX benchmarks: Stabilix against Linux -----------------------------------
POSIX_MODES = [  # (name, extra QEMU arguments, unit of the table, divisor of ns_per_op)
    ("tcg", [], "us/op (guest wall clock)", 1000),
    (f"icount{SHIFT}", ["-icount", f"shift={SHIFT}"], "instructions/op", 1 << SHIFT),
]
POSIX_DESCRIPTIONS = {
    "null": "getppid()",
    "pipe": "1-byte ping-pong round trip, 2 processes",
    "fork": "fork + _exit + waitpid",
    "exec": "fork + exec /bin/true + waitpid",
    "file": "write 1 MiB + read back + unlink (/tmp)",
}


def posix(seconds):
    """Both guests in both modes; the 'posix' part of bench.json."""
    out = {"seconds_min": seconds, "modes": {},
           "units": {"ns_per_op": "guest ns per operation: tcg = guest wall clock; icount"
                                  f"{SHIFT} = virtual ns (guest instructions << {SHIFT})",
                     "boot_s": "host seconds from QEMU start to the shell prompt "
                               "(Stabilix) or init's first line (Linux)"}}
    for mode, extra, _, _ in POSIX_MODES:
        out["modes"][mode] = {}
        for guest, run in (("stabilix", bench_posix.run_stabilix),
                           ("linux", bench_posix.run_linux)):
            print(f"bench: POSIX benchmarks on {guest} ({mode}, >= {seconds} s each)...",
                  flush=True)
            out["modes"][mode][guest] = run(
                f"all {seconds}", extra, progress=lambda l: print(l, flush=True))
    return out


def ratio(a, b):
    return f"{a / b:7.2f}" if b else "      -"


def posix_table(data):
    modes = data["modes"]
    head = f"{'benchmark':10}"
    for mode, _, unit, _ in POSIX_MODES:
        head += f" | {mode + ': ' + unit:^36}"
    print("\nPOSIX benchmarks, Stabilix against Linux 6.1 (same QEMU configuration):")
    print(head)
    sub = f"{'':10}" + f" | {'Stabilix':>12} {'Linux':>12} {'ratio':>8}  " * len(POSIX_MODES)
    print(sub)
    for name in bench_posix.NAMES:
        row = f"{name:10}"
        for mode, _, _, div in POSIX_MODES:
            s = modes[mode]["stabilix"]["results"][name]["ns_per_op"] / div
            lx = modes[mode]["linux"]["results"][name]["ns_per_op"] / div
            row += f" | {s:12.1f} {lx:12.1f} {ratio(s, lx):>8}  "
        print(row + "  " + POSIX_DESCRIPTIONS[name])
    row = f"{'boot (s)':10}"
    for mode, _, _, _ in POSIX_MODES:
        s, lx = modes[mode]["stabilix"]["boot_s"], modes[mode]["linux"]["boot_s"]
        row += f" | {s:12.2f} {lx:12.2f} {ratio(s, lx):>8}  "
    print(row + "  QEMU start -> shell prompt / init, host seconds")
    print("ratio = Stabilix / Linux (above 1: Stabilix is slower).")


def main():
    ap = argparse.ArgumentParser(description="Stabilix benchmarks (make bench)")
    ap.add_argument("--only", choices=["micro", "posix"])
    ap.add_argument("--seconds", type=int, default=2,
                    help="minimum guest seconds per POSIX benchmark run (default 2)")
    opts = ap.parse_args()
    out = ROOT / "build" / "bench.json"
    old = json.loads(out.read_text()) if out.exists() else {}
    data = dict(old)
    if opts.only != "posix":
        data.update(micro())
    if opts.only != "micro":
        data["posix"] = posix(opts.seconds)
        posix_table(data["posix"])
    out.write_text(json.dumps(data, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

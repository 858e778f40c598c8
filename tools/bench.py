#!/usr/bin/env python3
"""bench.py - Stabilix benchmarks (make bench, docs/bench.md).

1. Micro-benchmarks (tools/bench_micro.py), deterministic instruction
   counts under -icount: the IPC and kernel-call paths with stabilization
   on (background taken out) and off, service recovery, and the checker's
   budget on the release system.  Each boot runs twice; the counts must
   repeat.
2. POSIX benchmarks (tools/bench_posix.py): the same sources on Stabilix
   and on a Linux guest, under plain TCG (guest wall clock) and under
   -icount (virtual time / 2**shift = instructions per operation), and on
   Stabilix once more with stab=off; plus where the boot time goes.

Prints tables, writes build/bench.json, and exits 1 when a deterministic
figure misses its target (TARGETS), 2 when a count did not repeat.

    tools/bench.py [--only micro|posix] [--seconds S]
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_micro  # noqa: E402
import bench_posix  # noqa: E402
from bench_micro import SHIFT  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Deterministic targets: instructions (micro) or Stabilix/Linux ratios
# (POSIX, icount, stabilization on).  Issue 10's figures.
TARGETS = {"ipc_oneway": 400, "kcall_null": 250, "recovery_median": 5_000_000}
SERVER_TARGET_MS = 10.0         # issue 11: back within 10 ms of virtual time
RECOVER_OVERHEAD = 1.10         # issue 11: keeping state recoverable costs at most 10%
RATIO_TARGETS = {"null": 1.5, "file": 1.0}
DESCRIPTIONS = {
    "ipc_oneway": "one-way IPC between address spaces (call + replyrecv)",
    "ipc_roundtrip": "call + reply round trip",
    "ipc_oneway_sendnb_receive": "one-way IPC, server loop sendnb + receive",
    "kcall_null": "null kernel call (getinfo uptime)",
    "loop_overhead": "empty loop iteration (measurement floor)",
    "recovery_median": "crash -> restarted service answering (median of 20)",
    "recovery_max": "crash -> restarted service answering (worst of 20)",
}


def micro():
    print(f"bench: micro-benchmarks under -icount shift={SHIFT}, each boot twice...", flush=True)
    runs = [bench_micro.ipc, bench_micro.recovery]
    first, second = {}, {}
    for f in runs:
        first.update(f())
        second.update(f())
    print(f"\n{'benchmark':28} {'stab on':>10} {'stab off':>10} {'target':>8}  description")
    for name in bench_micro.IPC_NAMES + ["recovery_median", "recovery_max"]:
        off = first.get(name + "_staboff")
        print(f"{name:28} {first[name]:10.1f} {'' if off is None else f'{off:10.1f}':>10}"
              f" {TARGETS.get(name, ''):>8}{mark(first[name], TARGETS.get(name))}"
              f"  {DESCRIPTIONS[name]}")
    print("instructions per operation; stab on: the kernel's interrupt and NMI time over the"
          " run is subtracted (GI_ACCT).")
    print("bench: core servers crashed on the release system, each boot twice...", flush=True)
    srv, srv2 = bench_micro.servers(), bench_micro.servers()
    print(f"\n{'server':8} {'back after':>12} {'again':>10} {'target':>8}")
    for name in bench_micro.SERVERS:
        v, v2 = srv[f"recover_{name}_ms"], srv2[f"recover_{name}_ms"]
        print(f"{name:8} {v:9.3f} ms {v2:7.3f} ms {SERVER_TARGET_MS:6.0f} ms"
              f"{mark(max(v, v2), SERVER_TARGET_MS)}")
    print("virtual ms from the death report to the restarted instance's first answer"
          " (RS, after its state was inherited and checked; rs: from its end to the new RS's"
          " receive loop; init: to its first blocking wait, PM); not deterministic: it includes"
          " the requests clients send again meanwhile")
    print("bench: the checker's budget on the release system...", flush=True)
    chk = bench_micro.checker()
    print(f"\nchecker + NMI: {chk['check_tick'] + chk['nmi_tick']:.0f} instructions per tick"
          f" (checker {chk['check_tick']:.0f}, NMI {chk['nmi_tick']:.0f}), {chk['check_per_s']:.0f}"
          f" per second of virtual time:\n  {chk['check_share_1ghz_pct']:.2f}% of a 1 GHz CPU,"
          f" {chk['check_share_3ghz_pct']:.2f}% of a 3 GHz CPU,"
          f" {chk['check_share_emulated_pct']:.1f}% of this emulated one"
          f" ({1e3 / (1 << SHIFT):.1f} M instructions/s);"
          f"\n  longest slice {chk['check_longest']:.0f} instructions; a full sweep every"
          f" {chk['sweep_ms']:.0f} ms.")
    # The IPC counts repeat exactly; a service restart involves RS's timers
    # and moves by a few instructions in a million between runs.
    diff = {n: (first[n], second[n]) for n in first if first[n] != second[n]}
    same = all(n.startswith("recovery") and abs(a - b) <= a * 1e-4 for n, (a, b) in diff.items())
    print(f"repeat run: {'identical' if not diff else 'within 0.01%' if same else 'DIFFERENT'}"
          + (f" {diff}" if diff else ""))
    return {"icount_shift": SHIFT, "unit": "guest instructions per operation",
            "deterministic": same, "results": first, "checker": chk, "targets": TARGETS,
            "servers_ms": [srv, srv2], "servers_target_ms": SERVER_TARGET_MS}


def mark(value, target):
    return "" if target is None else ("  ok" if value <= target else "  MISSED")


def posix(seconds):
    """Both guests, TCG and icount; Stabilix also with stab=off."""
    icount = ["-icount", f"shift={SHIFT}"]
    plan = [("tcg", [], ("stabilix", "linux")), ("icount", icount, ("stabilix", "linux")),
            ("icount_staboff", icount, ("stabilix",)),
            ("icount_recoveroff", icount, ("stabilix",))]
    out = {"seconds_min": seconds, "icount_shift": SHIFT, "modes": {}}
    for mode, extra, guests in plan:
        out["modes"][mode] = {}
        for guest in guests:
            print(f"bench: POSIX benchmarks on {guest} ({mode}, >= {seconds} s each)...",
                  flush=True)
            if guest == "linux":
                r = bench_posix.run_linux(f"all {seconds}", extra, progress=quiet)
            else:
                cmdline = {"icount_staboff": "stab=off", "icount_recoveroff": "recover=off"}
                r = bench_posix.run_stabilix(f"all {seconds}", extra, progress=quiet,
                                             cmdline=cmdline.get(mode, ""))
            out["modes"][mode][guest] = r
    return out


def quiet(line):
    print(line, flush=True)


def posix_table(data):
    m = data["modes"]
    div = 1 << SHIFT

    def per_op(mode, guest, name, d):
        return m[mode][guest]["results"][name]["ns_per_op"] / d
    print(f"\nPOSIX benchmarks, Stabilix against Linux 6.1 (same QEMU):\n"
          f"{'':10} | {'instructions/op (icount)':^70} | {'us/op (TCG wall clock)':^30}\n"
          f"{'':10} | {'stab on':>10} {'stab off':>10} {'rec. off':>10} {'Linux':>10} {'on/Lx':>7}"
          f" {'on/off':>7} {'on/rec':>7}    | {'Stabilix':>9} {'Linux':>9} {'ratio':>7}")
    ratios, keep = {}, {}
    for name in bench_posix.NAMES:
        on, off = per_op("icount", "stabilix", name, div), per_op("icount_staboff", "stabilix", name, div)
        rec = per_op("icount_recoveroff", "stabilix", name, div)
        lx = per_op("icount", "linux", name, div)
        ts, tl = per_op("tcg", "stabilix", name, 1000), per_op("tcg", "linux", name, 1000)
        ratios[name], keep[name] = on / lx, on / rec
        flag = (mark(on / lx, RATIO_TARGETS.get(name)) +
                (" rec MISSED" if on / rec > RECOVER_OVERHEAD else "")).strip()
        print(f"{name:10} | {on:10.0f} {off:10.0f} {rec:10.0f} {lx:10.0f} {on / lx:7.2f}"
              f" {on / off:7.2f} {on / rec:7.2f} {flag:10}"
              f"| {ts:9.1f} {tl:9.1f} {ts / tl:7.2f}  {bench_posix.DESCRIPTIONS[name]}")
    print("on/Lx: Stabilix (stabilization on) / Linux, instructions; targets:",
          ", ".join(f"{k} <= {v}x" for k, v in RATIO_TARGETS.items()))
    print(f"on/rec: with / without keeping state recoverable (recover=off: no answer records,"
          f" no self-checks); target <= {RECOVER_OVERHEAD:.2f}")
    data["keep_ratios"] = keep
    boot_table(m["tcg"])
    return ratios


def boot_table(tcg):
    s, lx = tcg["stabilix"]["boot"], tcg["linux"]["boot_s"]
    print("\nBoot, TCG, host seconds from QEMU start (Stabilix: when each line appeared):")
    prev = 0.0
    for label, t in s.items():
        print(f"  {label:34} {t:6.2f} s  (+{t - prev:.2f})")
        prev = t
    print(f"  {'Linux: init up':34} {lx:6.2f} s")


def main():
    ap = argparse.ArgumentParser(description="Stabilix benchmarks (make bench)")
    ap.add_argument("--only", choices=["micro", "posix"])
    ap.add_argument("--seconds", type=int, default=2,
                    help="minimum guest seconds per POSIX benchmark run (default 2)")
    opts = ap.parse_args()
    out = ROOT / "build" / "bench.json"
    data = json.loads(out.read_text()) if out.exists() else {}
    missed, status = [], 0
    if opts.only != "posix":
        data.update(micro())
        missed += [n for n, t in TARGETS.items() if data["results"][n] > t]
        # not deterministic (what the clients send meanwhile): said, not an exit status
        data["missed_recovery"] = sorted({n for run in data["servers_ms"] for n, v in run.items()
                                          if n.endswith("_ms") and v > SERVER_TARGET_MS})
        status = 0 if data["deterministic"] else 2
    if opts.only != "micro":
        data["posix"] = posix(opts.seconds)
        ratios = posix_table(data["posix"])
        missed += [f"posix {n}" for n, t in RATIO_TARGETS.items() if ratios[n] > t]
        missed += [f"recoverable {n}" for n, r in data["posix"]["keep_ratios"].items()
                   if r > RECOVER_OVERHEAD]
    data["missed"] = missed
    out.write_text(json.dumps(data, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    if missed:
        print("bench: targets missed: " + ", ".join(missed))
    if data.get("missed_recovery"):
        print("bench: recovery over 10 ms in a run (not deterministic, no exit status): " +
              ", ".join(data["missed_recovery"]))
    if status:
        print("bench: a deterministic count did not repeat")
    sys.exit(status or (1 if missed else 0))


if __name__ == "__main__":
    main()

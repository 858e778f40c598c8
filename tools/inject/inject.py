#!/usr/bin/env python3
"""inject.py - the convergence campaign (make inject).

Each trial starts Stabilix (rs, ds and the self-checking workload
stabwork) in its own QEMU, waits for steady heartbeats, injects a fault
from the host at a random instant and classifies what the host then sees
on the serial line (nothing the guest says about its health is trusted).
A trial starts from a snapshot of the booted machine (one per mode, taken
once per campaign after a cold boot, loaded in about 0.2 s); SNAPSHOT=0
cold-boots every trial instead.  Classes:

  no-effect      nothing was repaired or restarted (heartbeats may have
                 paused, e.g. a flipped register the next trap overwrote)
  repaired       the kernel logged repairs and heartbeats resumed
  service        RS restarted a service and heartbeats resumed
  restart        the machine rebooted (warm restart or hardware watchdog)
                 and heartbeats resumed
  wrong          a heartbeat carried a wrong CRC (silent wrong output);
                 right_after says whether it was right again at the end
  hang           heartbeats did not resume within BOUND seconds

Time to convergence = from the injection to the first heartbeat after
which heartbeats keep coming (the end of the longest pause).

Trial i uses the same random fault in every mode (paired comparison).
Environment / arguments: TRIALS (per mode, default 20), TARGET (text,
data, stack, pgtable, server, regs, a comma list, or all), FAULT (single, burst or all),
JOBS (parallel QEMUs, default 2), SEED (default 1), MODES (on,off),
BOUND (seconds, default 10), OUT (JSON file, default build/inject.json),
ISO and KERNEL (the image and its kernel.elf, default build/), SNAPSHOT,
FIRST (the first trial index, default 0: a campaign cut short is resumed
with the same SEED and FIRST= the first missing trial).
"""
import atexit
import json
import os
import random
import re
import shutil
import struct
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guest import Guest, save_snapshot, symbols, ROOT      # noqa: E402
import faults                               # noqa: E402

ISO = Path(os.environ.get("ISO", ROOT / "build" / "stabilix-test.iso"))
KERNEL = Path(os.environ.get("KERNEL", ROOT / "build" / "kernel.elf"))
BASE = "start=rs rs_start=ds,stabwork"
TARGETS = ["text", "data", "stack", "pgtable", "server", "regs"]
CLASSES = ["no-effect", "repaired", "service", "restart", "wrong", "hang"]
CONVERGED = ("no-effect", "repaired", "service", "restart")
# stabwork's own alarm, filled in: a corrupted kernel may dump memory
# holding stabwork's image (and so its format string) onto the serial line
WRONG_RE = re.compile(r"stabwork: WRONG round \d+: [0-9a-f]{8} != [0-9a-f]{8}")
USE_SNAPSHOT = os.environ.get("SNAPSHOT", "1") != "0"
_snaps, _snap_lock = {}, threading.Lock()


def command_line(mode):
    return BASE + ("" if mode == "on" else " stab=off")


def snapshot(mode):
    """The saved booted machine for 'mode', made on first use."""
    with _snap_lock:
        if mode not in _snaps:
            d = tempfile.mkdtemp(prefix="stabsnap-", dir="/dev/shm")
            atexit.register(shutil.rmtree, d, True)
            _snaps[mode] = save_snapshot(ISO, command_line(mode), os.path.join(d, mode))
        return _snaps[mode]


def kernel_ranges(s):
    text = (s["_kernel_start"][0], s["_rom_end"][0])
    data = (s["_rom_end"][0], s["_kernel_end"][0])
    stack = (s["kernel_stack"][0], s["kernel_stack"][0] + s["kernel_stack"][1])
    pgt = [(s[n][0], s[n][0] + 4096) for n in ("kpd", "kpt0")]
    return {"text": [text], "data": [data], "stack": [stack], "pgtable": pgt}


def flip_ram(g, rng, ranges, code=False):
    """One bit flip.  Code goes through the gdbstub: a write behind QEMU's
    back (the RAM file) would not reach code TCG already translated."""
    lo, hi = rng.choice(ranges)
    pa = rng.randrange(lo, hi)
    bit = rng.randrange(8)
    if code:
        g.gdb.stop()
        g.gdb.write(pa, bytes([g.gdb.read(pa, 1)[0] ^ (1 << bit)]))
        g.gdb.cont()
    else:
        g.flip(pa, bit)
    return f"bit {bit} of 0x{pa:08x}"


def flip_server(g, s, rng, name="ds"):
    """A bit flip in a page of the server's text, data or stack; in a
    burst the server may already have died (and be restarting)."""
    try:
        addr, raw = faults.find_slot(g, s, name)
    except LookupError:
        return f"{name} not running"
    pgdir = struct.unpack_from("<I", raw, faults.PGDIR_OFF)[0]
    for _ in range(50):
        va = rng.choice([0x40000000, 0xDFFF0000]) + rng.randrange(0x10000)
        pa = faults.virt_to_phys(g, pgdir, va)
        if pa is not None:
            bit = rng.randrange(8)
            g.flip(pa, bit)
            return f"{name} bit {bit} of va 0x{va:08x}"
    return "no page found"


def flip_reg(g, rng):
    """A bit flip in a register while the CPU runs kernel code (a flip in a
    user process's registers is that program's fault, not kernel state)."""
    for _ in range(100):
        g.gdb.stop()
        if g.gdb.regs()["cs"] & 3 == 0:
            break
        g.gdb.cont()
        time.sleep(rng.uniform(0, 0.02))
    idx = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    names = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags"]
    regs = g.gdb.regs()
    bit = rng.randrange(32)
    g.gdb.set_reg(idx, regs[names[idx]] ^ (1 << bit))
    g.gdb.cont()
    return f"bit {bit} of {names[idx]} (cs={regs['cs']:#x})"


def inject(g, s, rng, target, fault):
    n = 1 if fault == "single" else rng.randrange(5, 20)
    what = []
    for _ in range(n):
        if target == "regs":
            what.append(flip_reg(g, rng))
        elif target == "server":
            what.append(flip_server(g, s, rng))
        else:
            what.append(flip_ram(g, rng, kernel_ranges(s)[target], code=(target == "text")))
        if n > 1:
            time.sleep(rng.uniform(0, 0.01))
    return "; ".join(what[:3]) + (f" (+{n - 3})" if n > 3 else "")


def classify(g, t_start, t_fault):
    """The verdict on what the guest printed since the injection began at
    t_start (a burst takes a while, and the system may repair, restart or
    print a wrong heartbeat before its last flip); hang and time to
    convergence count from t_fault, the end of the injection."""
    with g.lock:
        out_lines = [(t, l) for t, l in g.lines if t >= t_start]
    text = "\n".join(l for _, l in out_lines)
    bad = [h[0] for h in g.heartbeats(since=t_start) if not h[2]]
    bad += [t for t, l in out_lines if WRONG_RE.search(l)]
    if bad:
        return "wrong", None
    hbs = g.heartbeats(since=t_fault)
    times = [t_fault] + [h[0] for h in hbs]
    if len(hbs) < 5 or (g.now() - times[-1]) > 1.0:
        return "hang", None
    gaps = [(times[i + 1] - times[i], times[i + 1]) for i in range(len(times) - 1)]
    longest, end = max(gaps)
    ttc = end - t_fault if longest > 0.35 else 0.0
    if "Stabilix kernel booting" in text:
        return "restart", ttc
    if "rs: stabwork" in text or "kernel: rs restarted" in text or \
            any("rs:" in l and ("died" in l or "restart" in l) for _, l in out_lines):
        return "service", ttc
    if "stab: repaired" in text:
        return "repaired", ttc
    return "no-effect", ttc


def right_after(g, t_start):
    """Whether the workload serves correctly at the end of the trial: the
    last 5 heartbeats are right, come after every wrong line, and are
    recent.  A trial whose output was wrong for a while (a flipped register
    that was a user process's, or a byte of a heartbeat in flight: data no
    predicate can check) and then right again has converged; one still
    wrong at the end has not."""
    with g.lock:
        lines = [(t, l) for t, l in g.lines if t >= t_start]
    last_bad = max([t for t, l in lines if WRONG_RE.search(l)] +
                   [h[0] for h in g.heartbeats(since=t_start) if not h[2]], default=t_start)
    hbs = g.heartbeats(since=last_bad)
    hbs = [h for h in hbs if h[0] > last_bad]
    return len(hbs) >= 5 and all(h[2] for h in hbs) and g.now() - hbs[-1][0] < 1.0


def trial(i, mode, target, fault, seed, bound, s):
    rng = random.Random(f"{seed}-{i}")      # the same faults in both modes
    tgt = rng.choice(TARGETS if target == "all" else target.split(","))
    flt = rng.choice(["single", "burst"]) if fault == "all" else fault
    snap = snapshot(mode) if USE_SNAPSHOT else None
    g = Guest(ISO, command_line(mode), wdt=True, reboot=True, gdb=(tgt in ("regs", "text")),
              incoming=snap)
    rec = {"trial": i, "mode": mode, "target": tgt, "fault": flt}
    try:
        if not g.wait_for(r"stabwork: hb \d+ " if snap else r"stabwork: hb 3 ", 60):
            rec.update(cls="boot-failed", ttc=None, what="")
            return rec
        time.sleep(rng.uniform(0, 1.0))
        t_start = g.now()
        rec["what"] = inject(g, s, rng, tgt, flt)
        t_fault = g.now()           # the end of the injection (gdbstub stops excluded)
        deadline = time.monotonic() + bound
        while time.monotonic() < deadline:
            time.sleep(0.25)
            hbs = g.heartbeats(since=t_fault)
            if g.now() - t_fault > 2.0 and len(hbs) >= 10 and \
                    all(hbs[k + 1][0] - hbs[k][0] < 0.35 for k in range(len(hbs) - 10, len(hbs) - 1)) \
                    and g.now() - hbs[-1][0] < 0.5:
                break
        cls, ttc = classify(g, t_start, t_fault)
        rec.update(cls=cls, ttc=ttc, right_after=right_after(g, t_start))
    except Exception as e:                      # a harness problem, not a guest verdict
        rec.update(cls="harness-error", ttc=None, what=str(e))
    finally:
        g.close()
    return rec


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def judged(rs):
    """The trials with a verdict on the guest (not harness problems)."""
    return [r for r in rs if r["cls"] in CLASSES]


def summary(results, modes):
    lines = ["mode  trials  " + "  ".join(f"{c:>9}" for c in CLASSES) +
             "  converged   <=3s  ttc p50   ttc p99  harness  wrong>ok"]
    for m in modes:
        everything = [r for r in results if r["mode"] == m]
        rs = judged(everything)
        if not rs:
            continue
        cnt = {c: sum(1 for r in rs if r["cls"] == c) for c in CLASSES}
        conv = [r for r in rs if r["cls"] in CONVERGED]
        ttcs = [r["ttc"] for r in conv if r["ttc"] is not None]
        fast = sum(1 for t in ttcs if t <= 3.0)
        healed = sum(1 for r in rs if r["cls"] == "wrong" and r.get("right_after"))
        lines.append(f"{m:<4}  {len(rs):>6}  " + "  ".join(f"{cnt[c]:>9}" for c in CLASSES) +
                     f"  {100 * len(conv) / len(rs):>8.1f}%  {100 * fast / len(rs):>5.1f}%"
                     f"  {pct(ttcs, 50):>7.2f}s  {pct(ttcs, 99):>7.2f}s  {len(everything) - len(rs):>7}  {healed:>8}")
    return "\n".join(lines)


def by_target(results, modes):
    """Converged share per target and mode (trials in brackets)."""
    lines = ["target   " + "  ".join(f"{m:>16}" for m in modes)]
    for t in TARGETS:
        cells = []
        for m in modes:
            rs = judged([r for r in results if r["mode"] == m and r["target"] == t])
            conv = sum(1 for r in rs if r["cls"] in CONVERGED)
            cells.append(f"{100 * conv / len(rs):>7.1f}% ({len(rs):>5})" if rs else f"{'-':>16}")
        lines.append(f"{t:<8} " + "  ".join(cells))
    return "\n".join(lines)


def main():
    env = os.environ
    trials = int(env.get("TRIALS", "20"))
    target = env.get("TARGET", "all")
    fault = env.get("FAULT", "all")
    jobs = int(env.get("JOBS", "2"))
    seed = env.get("SEED", "1")
    bound = float(env.get("BOUND", "10"))
    modes = [m for m in env.get("MODES", "on,off").split(",") if m]
    out = Path(env.get("OUT", str(ROOT / "build" / "inject.json")))
    if not ISO.exists():
        sys.exit(f"{ISO} is missing: run make all")
    s = symbols(KERNEL)
    out.parent.mkdir(parents=True, exist_ok=True)
    first = int(env.get("FIRST", "0"))
    work = [(i, m) for i in range(first, trials) for m in modes]     # paired, so a cut keeps both modes
    results, lock, t0 = [], threading.Lock(), time.monotonic()

    def save():
        out.write_text(json.dumps({"seed": seed, "target": target, "fault": fault, "bound": bound,
                                   "results": sorted(results, key=lambda r: (r["mode"], r["trial"]))},
                                  indent=1))

    def one(item):
        rec = trial(item[0], item[1], target, fault, seed, bound, s)
        with lock:
            results.append(rec)
            if len(results) % 50 == 0:
                save()                  # a long campaign cut short keeps what it measured
            done = len(results)
            conv = sum(1 for r in results if r["cls"] in CONVERGED)
            sys.stderr.write(f"\rinject: {done}/{len(work)} trials, {conv} converged, "
                             f"{time.monotonic() - t0:.0f}s  ")
            sys.stderr.flush()
        return rec

    with ThreadPoolExecutor(max_workers=jobs) as ex:
        list(ex.map(one, work))
    sys.stderr.write("\n")
    results.sort(key=lambda r: (r["mode"], r["trial"]))
    save()
    print(summary(results, modes))
    print(by_target(results, modes))
    print(f"results: {out}")
    return results


if __name__ == "__main__":
    main()

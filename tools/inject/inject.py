#!/usr/bin/env python3
"""inject.py - the convergence campaign on the release system (make inject;
docs/inject.md).

Each trial runs the release ISO (rs, ds, tty, ramfs, vfs, pm, init, the
shells) with /test/loadwork typed on the serial shell (workload.py: fork,
exec, pipes, file writes and reads, every result checked by the host),
makes one fault, or a burst of 5 to 20, in one target (targets.py), and
judges what the host then sees on the serial line (verdict.py: nothing
the guest says about its own health is trusted).  A trial starts from a
snapshot of the booted machine with the workload running (one per mode,
taken once per campaign).  After a machine reset the harness types the
workload again, as an operator would, with a new first round.  A trial
ends when a window of good heartbeats has followed the last fault, or
BOUND seconds after it.

Trial i makes the same faults in every mode (paired: its random source
is seeded with SEED and i alone).  Every outcome counts in the rates,
harness errors too (their cause is kept).  Results are saved as they
come; a campaign run again with the same configuration resumes.

Environment: TRIALS (per mode, default 20), TARGET (a comma list of
targets.TARGETS, "live" for the live-state six (default), or "all"),
FAULT (single, burst or all), MODES (comma list of MODE_ARGS; default
on,off), JOBS (parallel QEMUs, default nproc), SEED (default 1), BOUND
(seconds after the fault, default 30), OUT (default build/inject.json),
ISO and KERNEL (default build/stabilix.iso and build/kernel.elf).
"""
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from guest import Guest, save_snapshot, symbols, ROOT      # noqa: E402
import swifi                                # noqa: E402
import targets                              # noqa: E402
import verdict                              # noqa: E402
import workload                             # noqa: E402

HARNESS_VERSION = 3
ISO = Path(os.environ.get("ISO", ROOT / "build" / "stabilix.iso"))
KERNEL = Path(os.environ.get("KERNEL", ROOT / "build" / "kernel.elf"))
# Each mode's kernel command line: the whole system, or one mechanism off.
MODE_ARGS = {
    "on": "",
    "off": "stab=off recover=off",      # no kernel stabilization, no server self-checks
    "nocheck": "nocheck",               # the kernel's periodic checker
    "norom": "norom",                   # the ROM comparison of kernel text
    "nonmi": "nonmi",                   # the watchdog NMI (and so the hardware watchdog)
    "nowdt": "nowdt",                   # the locked hardware watchdog
    "noself": "recover=off",            # the servers' self-checks and answer records
}
USER_LAND = "init: Stabilix user land up"


def git_revision():
    r = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                       text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return (r.stdout.strip() or "unknown") + ("-dirty" if dirty else "")


def start_workload(g, first):
    """Type the workload on the serial shell once it prompts (a shell
    starting up may discard what was typed before)."""
    g.prompt()
    g.send(workload.COMMAND.format(first=first) + "\r")


class Campaign:
    """The configuration, the snapshots and the profile shared by trials."""

    def __init__(self, seed, target, fault, bound, syms):
        self.seed, self.target, self.fault, self.bound, self.syms = seed, target, fault, bound, syms
        self.snaps, self.lock = {}, threading.Lock()
        self.dir = Path(os.environ.get("TMPDIR_SNAP", "/dev/shm")) / f"stabcamp-{os.getpid()}"
        self.profile = None

    def targets(self):
        if self.target == "all":
            return list(targets.TARGETS)
        if self.target == "live":
            return list(targets.LIVE)
        return self.target.split(",")

    def snapshot(self, mode):
        with self.lock:
            if mode not in self.snaps:
                self.dir.mkdir(exist_ok=True)

                def setup(g):
                    if not g.wait_for(USER_LAND, 90):
                        raise RuntimeError("snapshot: no user land:\n" + g.output()[-2000:])
                    start_workload(g, 1)
                self.snaps[mode] = save_snapshot(ISO, MODE_ARGS[mode], str(self.dir / mode),
                                                 ready=r"lw: hb 5 ", setup=setup)
            return self.snaps[mode]

    def ensure_profile(self):
        """The execution profile for ktext: measured once, on mode on."""
        if self.profile is not None or "ktext" not in self.targets():
            return
        g = Guest(ISO, MODE_ARGS["on"], wdt=True, reboot=True, incoming=self.snapshot("on"),
                  typing=True)
        try:
            g.wait_for(r"lw: hb \d+ ", 60)
            self.profile = targets.measure_profile(g, self.syms, rng=random.Random(self.seed))
        finally:
            g.close()

    def cleanup(self):
        for f in self.snaps.values():
            try:
                os.unlink(f)
            except OSError:
                pass
        try:
            self.dir.rmdir()
        except OSError:
            pass


class TrialState:
    """What a target function gets: the symbols, the random source, the profile."""

    def __init__(self, syms, rng, profile, server=None):
        self.syms, self.rng, self.profile, self.server = syms, rng, profile, server


def make_faults(g, t, target, fault):
    n = 1 if fault == "single" else t.rng.randrange(5, 21)
    what = []
    for _ in range(n):
        what.append(targets.TARGETS[target](g, t))
        if n > 1:
            time.sleep(t.rng.uniform(0, 0.01))
    return "; ".join(what[:3]) + (f" (+{n - 3})" if n > 3 else "")


def observe(g, t_start, t_fault, bound, again=None):
    """Watch until converged or the bound; type the workload again after
    each machine reset; again(lines, t_fault), if given, may fault again
    (returning the new end of the faults).  (outcome, ttc, converged,
    resets)."""
    typed = 0
    while True:
        time.sleep(0.25)
        with g.lock:
            lines = list(g.lines)
        boots = [t for t, l in lines if t >= t_start and verdict.BOOT in l]
        if len(boots) > typed and any(t > boots[-1] and USER_LAND in l for t, l in lines):
            typed = len(boots)
            start_workload(g, 100000 * typed + 1)
        if again:
            t_fault = again(lines, t_fault) or t_fault
        now = g.now()
        out, ttc, conv = verdict.judge(lines, t_start, t_fault, now)
        if conv or now - t_fault > bound or not g.alive():
            return out, ttc, conv, len(boots)


def swifi_again(g, state, rec):
    """A fresh mutation in each restarted instance of the server, up to
    swifi.REPEATS: a restart runs a fresh copy of its image."""
    seen = {"n": 0}
    up = re.compile(rf"rs: {state.server} up again")

    def again(lines, t_fault):
        if seen["n"] >= swifi.REPEATS or not any(t > t_fault and up.search(l) for t, l in lines):
            return None
        seen["n"] += 1
        rec["what"] += f"; again: {swifi.mutate(g, state.syms, state.rng, state.server)}"
        return g.now()
    return again


def trial(i, mode, camp):
    rng = random.Random(f"{camp.seed}-{i}")        # the same faults in every mode
    target = rng.choice(camp.targets())
    fault = rng.choice(["single", "burst"]) if camp.fault == "all" else camp.fault
    rec = {"trial": i, "mode": mode, "target": target, "fault": fault}
    g = None
    try:
        g = Guest(ISO, MODE_ARGS[mode], wdt=True, reboot=True, incoming=camp.snapshot(mode),
                  typing=True)
        if not g.wait_for(r"lw: hb \d+ ", 60):
            raise RuntimeError("no heartbeat from the snapshot")
        time.sleep(rng.uniform(0.3, 1.0))
        state = TrialState(camp.syms, rng, camp.profile,
                           rng.choice(swifi.SERVERS) if target == "swifi" else None)
        t_start = g.now()
        rec["what"] = make_faults(g, state, target, fault)
        t_fault = g.now()
        again = swifi_again(g, state, rec) if target == "swifi" else None
        out, ttc, conv, resets = observe(g, t_start, t_fault, camp.bound, again)
        rec.update(outcome=out, ttc=ttc, converged=conv, resets=resets)
    except Exception as e:                      # the harness failed, not the guest
        rec.update(outcome="harness", ttc=None, converged=False, cause=f"{type(e).__name__}: {e}")
    finally:
        if g:
            g.close()
    return rec


def load_previous(out, config):
    """The results of an earlier run of this very campaign, to resume."""
    try:
        old = json.loads(out.read_text())
    except (OSError, ValueError):
        return []
    if old.get("config") != config:
        out.rename(out.with_suffix(".previous.json"))
        return []
    return old.get("results", [])


def save(out, config, results):
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"config": config, "results": sorted(
        results, key=lambda r: (r["mode"], r["trial"]))}, indent=1))
    tmp.replace(out)


def progress(done, total, fresh, t0, converged):
    rate = fresh / max(time.monotonic() - t0, 1e-6) * 60
    eta = (total - done) / rate if rate else float("inf")
    eta_s = f"{eta / 60:.0f}h{eta % 60:02.0f}m" if eta != float("inf") else "?"
    sys.stderr.write(f"\rinject: {done}/{total} trials ({100 * done / total:.0f}%), "
                     f"{converged} converged, {rate:.1f} trials/min, ETA {eta_s}   ")
    sys.stderr.flush()


def main():
    env = os.environ
    trials = int(env.get("TRIALS", "20"))
    modes = [m for m in env.get("MODES", "on,off").split(",") if m]
    config = {"harness": HARNESS_VERSION, "verdict": verdict.VERSION, "git": git_revision(),
              "iso": str(ISO), "seed": env.get("SEED", "1"), "target": env.get("TARGET", "live"),
              "fault": env.get("FAULT", "all"), "bound": float(env.get("BOUND", "30")),
              "window": verdict.WINDOW, "gap": verdict.GAP, "trials": trials, "modes": modes,
              "mode_args": {m: MODE_ARGS[m] for m in modes}}
    jobs = int(env.get("JOBS", str(os.cpu_count() or 2)))
    out = Path(env.get("OUT", str(ROOT / "build" / "inject.json")))
    if not ISO.exists():
        sys.exit(f"{ISO} is missing: run make all")
    unknown = [m for m in modes if m not in MODE_ARGS]
    if unknown:
        sys.exit(f"inject: unknown mode {unknown[0]} (known: {', '.join(MODE_ARGS)})")
    camp = Campaign(config["seed"], config["target"], config["fault"], config["bound"],
                    symbols(KERNEL))
    bad = [t for t in camp.targets() if t not in targets.TARGETS]
    if bad:
        sys.exit(f"inject: unknown target {bad[0]} (known: {', '.join(targets.TARGETS)})")
    out.parent.mkdir(parents=True, exist_ok=True)
    results = load_previous(out, config)
    have = {(r["trial"], r["mode"]) for r in results}
    work = [(i, m) for i in range(trials) for m in modes if (i, m) not in have]
    total, lock, t0 = trials * len(modes), threading.Lock(), time.monotonic()
    print(f"inject: {len(work)} trials to run ({len(have)} kept from {out}), {jobs} at a time",
          file=sys.stderr)
    try:
        camp.ensure_profile()

        def one(item):
            rec = trial(item[0], item[1], camp)
            with lock:
                results.append(rec)
                save(out, config, results)
                progress(len(results), total, len(results) - len(have), t0,
                         sum(r["outcome"] in verdict.CONVERGED for r in results))
            return rec

        with ThreadPoolExecutor(max_workers=jobs) as ex:
            list(ex.map(one, work))
    finally:
        camp.cleanup()
    sys.stderr.write("\n")
    import report
    print(report.render(json.loads(out.read_text())))
    print(f"results: {out}; plot: {report.plot(out)}")
    return results


if __name__ == "__main__":
    main()

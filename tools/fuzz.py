"""fuzz.py - `make fuzz`: the fuzzer (/test/fuzz, user/tests/posix/fuzz.c)
on the release system, run by an ordinary user (uid 1000, through su).

    tools/fuzz.py [--seed N] [--count N] [--out build/fuzz.json]

The guest counts what came back; the host judges the system: after the
run no kernel panic and no exception in a service was logged, every
service still has the endpoint it had before and no restart, and the
kernel's free frame count (kframes.nfree, read by the host from guest
memory through QEMU's monitor) is back where it was before the run.
Progress: the fuzzer's lines as they come.  Result: a table and a JSON
file.  tests/system/test_fuzz.py runs a short run through fuzz_run().
"""
import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "system"))
sys.path.insert(0, str(ROOT / "tools" / "inject"))
from shell import boot_shell, run       # noqa: E402
from guest import symbols               # noqa: E402

NFREE = 8           # offsetof(struct frame_pool, nfree)
SERVICES = re.compile(r"(?m)^(\w+)\s+(\d+)\s+(\w+)\s+(\d+)")
BAD_LOG = re.compile(r"KERNEL PANIC|exception in (?!fuzz)\w+|rs: \w+ died")


def free_frames(c, syms):
    """kframes.nfree from guest physical memory (the kernel is identity-mapped)."""
    addr = syms["kframes"][0] + NFREE
    m = re.search(r"%x:\s+0x([0-9a-f]+)" % addr, c.monitor("xp /1wx 0x%x" % addr))
    if not m:
        raise RuntimeError("cannot read kframes.nfree")
    return int(m.group(1), 16)


def settled_free(c, syms):
    """Free frames with the shell idle: the same value twice in a row."""
    last = None
    for _ in range(5):
        run(c, "true")
        now = free_frames(c, syms)
        if now == last:
            return now
        last = now
    return last


def services(c):
    """label -> (endpoint, state, restarts) from `service list`."""
    out, _ = run(c, "service list")
    return {m.group(1): (int(m.group(2)), m.group(3), int(m.group(4)))
            for m in SERVICES.finditer(out) if m.group(1) != "LABEL"}


def fuzz_run(seed, count, progress=lambda line: None):
    """Boot, fuzz, judge.  Returns the result dict (see the module doc)."""
    syms = symbols()
    c = boot_shell()
    try:
        run(c, "su user -c true")
        before, base = services(c), settled_free(c, syms)
        mark, start = c.mark(), time.monotonic()
        c.send(f"su user -c '/test/fuzz {seed} {count}'; echo fuzz''-status=$?\r")
        seen = 0
        while True:
            m = c.expect(r"(fuzz: \d+/\d+|fuzz: summary .*|fuzz-status=\d+)\n",
                         timeout=max(120, count / 1000))
            line = m.group(1)
            if line.startswith("fuzz-status"):
                break
            if not line.startswith("fuzz: summary"):
                progress(line)
                seen += 1
        seconds = time.monotonic() - start
        text = c.since(mark)
        c.expect(r"[$#] ", timeout=30)
        summary = re.search(r"fuzz: summary (\{.*\})\n", text)
        after, free_after = services(c), settled_free(c, syms)
        result = {
            "seed": seed, "count": count, "seconds": round(seconds, 1),
            "status": int(re.search(r"fuzz-status=(\d+)", text).group(1)),
            "guest": json.loads(summary.group(1)) if summary else None,
            "services_before": before, "services_after": after,
            "free_frames_before": base, "free_frames_after": free_after,
            "bad_log": sorted(set(m.group(0) for m in BAD_LOG.finditer(c.output))),
        }
        result["verdict"] = verdict(result)
        return result
    finally:
        c.close()


def verdict(r):
    """What is wrong with a run (an empty list: nothing)."""
    wrong = []
    g = r["guest"]
    if r["status"] != 0 or g is None:
        wrong.append("the fuzzer did not finish (status %d)" % r["status"])
    elif g["count"] != r["count"] or sum(g["kinds"].values()) != r["count"]:
        wrong.append("the fuzzer counted %d of %d" % (sum(g["kinds"].values()), r["count"]))
    if g and g["undefined"]:
        wrong.append("%d replies were no defined error: %s" % (g["undefined"], g["undefined_first"]))
    for label, (ep, state, restarts) in r["services_before"].items():
        now = r["services_after"].get(label)
        if now != (ep, state, restarts):
            wrong.append("%s was %s, is %s" % (label, (ep, state, restarts), now))
    if r["free_frames_after"] != r["free_frames_before"]:
        wrong.append("free frames %d before, %d after" % (r["free_frames_before"],
                                                          r["free_frames_after"]))
    wrong += ["log: " + b for b in r["bad_log"]]
    return wrong


def table(r):
    g = r["guest"] or {"kinds": {}, "errors": {}, "nonnegative": 0, "undefined": 0}
    rows = [("seed", r["seed"]), ("iterations", r["count"]), ("seconds", r["seconds"])]
    rows += [("  " + k, n) for k, n in g["kinds"].items()]
    rows += [("replies >= 0", g["nonnegative"]), ("undefined replies", g["undefined"])]
    rows += [("error %s" % e, n) for e, n in sorted(g["errors"].items(), key=lambda x: -x[1])]
    rows += [("services unchanged", r["services_before"] == r["services_after"]),
             ("free frames before/after", "%d/%d" % (r["free_frames_before"],
                                                     r["free_frames_after"])),
             ("verdict", "pass" if not r["verdict"] else "; ".join(r["verdict"]))]
    w = max(len(k) for k, _ in rows)
    return "\n".join("%-*s  %s" % (w, k, v) for k, v in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count", type=int, default=1000000)
    ap.add_argument("--out", default=str(ROOT / "build" / "fuzz.json"))
    a = ap.parse_args()
    print("fuzz: seed %d, %d iterations on the release ISO" % (a.seed, a.count), flush=True)
    r = fuzz_run(a.seed, a.count, progress=lambda line: print("  " + line, flush=True))
    Path(a.out).write_text(json.dumps(r, indent=1) + "\n")
    print(table(r))
    print("wrote", a.out)
    return 0 if not r["verdict"] else 1


if __name__ == "__main__":
    sys.exit(main())

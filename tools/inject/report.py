#!/usr/bin/env python3
"""report.py - the tables of a finished (or cut short) campaign, again.

    python3 tools/inject/report.py build/inject.json [more.json ...]

Prints, for each result file of tools/inject/inject.py, the summary per
mode, the converged share per target, and the same summary restricted to
kernel state (every target but `server`), which is what the 3 s goal of
docs/stabilization.md is about.  Time to convergence is also given over
the disturbed trials alone (those whose heartbeats paused), since most
trials never pause and pull the median to 0.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inject import CONVERGED, judged, pct, summary, by_target     # noqa: E402


def disturbed(results, modes):
    lines = ["mode  paused  ttc p50   ttc p99   ttc max"]
    for m in modes:
        ttcs = [r["ttc"] for r in judged(results) if r["mode"] == m and
                r["cls"] in CONVERGED and r["ttc"]]
        if ttcs:
            lines.append(f"{m:<4}  {len(ttcs):>6}  {pct(ttcs, 50):>6.2f}s  {pct(ttcs, 99):>7.2f}s"
                         f"  {max(ttcs):>7.2f}s")
    return "\n".join(lines)


def report(path):
    data = json.loads(Path(path).read_text())
    results = data["results"]
    modes = [m for m in ("on", "off") if any(r["mode"] == m for r in results)]
    kernel = [r for r in results if r["target"] != "server"]
    print(f"== {path}: seed {data['seed']}, target {data['target']}, fault {data['fault']}")
    print(summary(results, modes))
    print(by_target(results, modes))
    print("-- kernel state only (no server target)")
    print(summary(kernel, modes))
    print("-- trials whose heartbeats paused")
    print(disturbed(results, modes))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: report.py RESULT.json [...]")
    for p in sys.argv[1:]:
        report(p)

#!/usr/bin/env python3
"""report.py - the tables of a finished (or cut short) campaign, again.

    python3 tools/inject/report.py [--svg OUT.svg] build/inject.json [more.json ...]

Prints, for each result file of tools/inject/inject.py, the summary per
mode, the converged share per target, and the same summary restricted to
kernel state (every target but `server`), which is what the 3 s goal of
docs/stabilization.md is about.  Time to convergence is also given over
the disturbed trials alone (those whose heartbeats paused), since most
trials never pause and pull the median to 0.  --svg draws, per file and
mode, the share of trials converged by t seconds after the fault (hangs
never converge, so a curve ends below 100% by the hang share).
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


COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]


def curve(rs, bound):
    """(t, share converged by t) points of the trials rs."""
    ttcs = sorted(r["ttc"] for r in rs if r["cls"] in CONVERGED)
    pts, n = [(0.0, 0.0)], len(rs)
    for k, t in enumerate(ttcs):
        pts += [(t, pts[-1][1]), (t, (k + 1) / n)]
    return pts + [(bound, pts[-1][1])]


def svg(files, out):
    w, h, pad, bound = 640, 400, 50, 10.0

    def x(t):
        return pad + (w - 2 * pad) * min(t, bound) / bound

    def y(f):
        return h - pad - (h - 2 * pad) * f
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="{w}" height="{h}" fill="white"/>',
             f'<text x="{pad}" y="20">Share of trials converged by t seconds after the fault</text>']
    for t in range(0, 11):
        parts.append(f'<line x1="{x(t)}" y1="{y(0)}" x2="{x(t)}" y2="{y(1)}" stroke="#ddd"/>'
                     f'<text x="{x(t) - 4}" y="{y(0) + 16}">{t}</text>')
    for f in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(f'<line x1="{x(0)}" y1="{y(f)}" x2="{x(bound)}" y2="{y(f)}" stroke="#ddd"/>'
                     f'<text x="8" y="{y(f) + 4}">{int(f * 100)}%</text>')
    k = 0
    for path in files:
        results = json.loads(Path(path).read_text())["results"]
        for m in ("on", "off"):
            rs = judged([r for r in results if r["mode"] == m])
            if not rs:
                continue
            pts = " ".join(f"{x(t):.1f},{y(f):.1f}" for t, f in curve(rs, bound))
            c = COLOURS[k % len(COLOURS)]
            parts.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="2"/>'
                         f'<text x="{x(5)}" y="{y(0.45) + 16 * k}" fill="{c}">'
                         f'{Path(path).stem} stabilization {m} ({len(rs)} trials)</text>')
            k += 1
    parts.append("</svg>")
    Path(out).write_text("\n".join(parts) + "\n")


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
    args = sys.argv[1:]
    out = None
    if args[:1] == ["--svg"]:
        if len(args) < 2:
            sys.exit("usage: report.py [--svg OUT.svg] RESULT.json [...]")
        out, args = args[1], args[2:]
    if not args:
        sys.exit("usage: report.py [--svg OUT.svg] RESULT.json [...]")
    for p in args:
        report(p)
    if out:
        svg(args, out)
        print(f"plot: {out}")

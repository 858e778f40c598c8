#!/usr/bin/env python3
"""report.py - the tables and the plot of a campaign (tools/inject/inject.py).

    python3 tools/inject/report.py build/inject.json [more.json ...]

Per mode: every outcome's count, with one denominator per line (all the
trials of that mode, harness errors included); the converged share, the
share converged without a machine reset, the share within 3 s, TTC
percentiles over the converged trials.  Then the converged share per
target and mode, single faults and bursts apart.  The plot (next to the
JSON, .png) shows per mode the TTC CDF (the share of all trials converged
by t seconds after the fault) and the outcome bars.
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import verdict  # noqa: E402


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def modes_of(data):
    seen = []
    for r in data["results"]:
        if r["mode"] not in seen:
            seen.append(r["mode"])
    order = data["config"].get("modes", [])
    return [m for m in order if m in seen] + [m for m in seen if m not in order]


def summary(results, modes):
    head = (f"{'mode':<8} {'trials':>6} " + " ".join(f"{o:>9}" for o in verdict.OUTCOMES) +
            f" {'converged':>9} {'no reset':>8} {'<=3s':>6} {'ttc p50':>7} {'ttc p99':>7}")
    lines = [head]
    for m in modes:
        rs = [r for r in results if r["mode"] == m]
        if not rs:
            continue
        n = len(rs)
        cnt = {o: sum(r["outcome"] == o for r in rs) for o in verdict.OUTCOMES}
        conv = [r for r in rs if r["outcome"] in verdict.CONVERGED]
        ttcs = [r["ttc"] for r in conv]
        fast = sum(t <= 3.0 for t in ttcs)
        lines.append(f"{m:<8} {n:>6} " + " ".join(f"{cnt[o]:>9}" for o in verdict.OUTCOMES) +
                     f" {100 * len(conv) / n:>8.1f}% {100 * (len(conv) - cnt['reset']) / n:>7.1f}%"
                     f" {100 * fast / n:>5.1f}% {pct(ttcs, 50):>6.2f}s {pct(ttcs, 99):>6.2f}s")
    return "\n".join(lines)


def by_target(results, modes):
    tgts = sorted({r["target"] for r in results})
    lines = [f"{'target':<8} {'fault':<6} " + " ".join(f"{m:>17}" for m in modes)]
    for t in tgts:
        for f in ("single", "burst"):
            cells = []
            for m in modes:
                rs = [r for r in results if r["mode"] == m and r["target"] == t and r["fault"] == f]
                conv = sum(r["outcome"] in verdict.CONVERGED for r in rs)
                cells.append(f"{100 * conv / len(rs):>8.1f}% ({len(rs):>5})" if rs else f"{'-':>17}")
            if any(c.strip() != "-" for c in cells):
                lines.append(f"{t:<8} {f:<6} " + " ".join(cells))
    return "\n".join(lines)


def render(data):
    c, rs, modes = data["config"], data["results"], modes_of(data)
    head = (f"campaign: git {c['git']}, harness {c['harness']}, verdict rules {c['verdict']}, "
            f"seed {c['seed']}, target {c['target']}, fault {c['fault']}, window {c['window']} s, "
            f"bound {c['bound']} s; every share is of all the mode's trials")
    harness = [r for r in rs if r["outcome"] == "harness"]
    causes = "\n".join(f"  harness error, trial {r['trial']} ({r['mode']}): {r.get('cause')}"
                       for r in harness[:10])
    return "\n".join(x for x in (head, summary(rs, modes), by_target(rs, modes), causes) if x)


def plot(path):
    """Draw the TTC CDF and the outcome bars next to the JSON; the PNG's path."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    path = Path(path)
    data = json.loads(path.read_text())
    rs, modes = data["results"], modes_of(data)
    fig, (cdf, bars) = plt.subplots(1, 2, figsize=(12, 4.5))
    for m in modes:
        mine = [r for r in rs if r["mode"] == m]
        ttcs = sorted(r["ttc"] for r in mine if r["outcome"] in verdict.CONVERGED)
        xs = [0.0] + ttcs
        ys = [0.0] + [100 * (k + 1) / len(mine) for k in range(len(ttcs))]
        cdf.step(xs, ys, where="post", label=f"{m} ({len(mine)} trials)")
    cdf.set_xlabel("seconds from the fault to convergence")
    cdf.set_ylabel("% of all trials converged")
    cdf.set_ylim(0, 100)
    cdf.grid(alpha=0.3)
    cdf.legend()
    width = 0.8 / max(len(modes), 1)
    for k, m in enumerate(modes):
        mine = [r for r in rs if r["mode"] == m]
        share = [100 * sum(r["outcome"] == o for r in mine) / max(len(mine), 1)
                 for o in verdict.OUTCOMES]
        bars.bar([i + k * width for i in range(len(verdict.OUTCOMES))], share, width, label=m)
    bars.set_xticks([i + 0.4 - width / 2 for i in range(len(verdict.OUTCOMES))])
    bars.set_xticklabels(verdict.OUTCOMES, rotation=20)
    bars.set_ylabel("% of the mode's trials")
    bars.legend()
    c = data["config"]
    fig.suptitle(f"make inject: git {c['git']}, target {c['target']}, fault {c['fault']}, "
                 f"seed {c['seed']}")
    fig.tight_layout()
    png = path.with_suffix(".png")
    fig.savefig(png, dpi=100)
    plt.close(fig)
    return png


def main(argv):
    if not argv:
        sys.exit("usage: report.py RESULTS.json [...]")
    for name in argv:
        data = json.loads(Path(name).read_text())
        print(f"== {name}")
        print(render(data))
        print(f"plot: {plot(name)}")


if __name__ == "__main__":
    main(sys.argv[1:])

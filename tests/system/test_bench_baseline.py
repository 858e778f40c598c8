"""test_bench_baseline.py - the fast, deterministic part of `make bench`.

Instruction counts under -icount repeat exactly for the same build, so
these are not timed tests: the IPC and kernel-call paths of bench_ipc
(tools/bench_micro.py) must stay within 10% of bench/baseline.json, and
the figures taken with stabilization on (the kernel's interrupt and NMI
time subtracted, GI_ACCT) must match those taken with it off: the
benchmark measures the path it names, not the checker.  A change that
makes a path faster should lower the baseline in the same commit.
"""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import bench_micro  # noqa: E402

BASELINE = json.loads((ROOT / "bench" / "baseline.json").read_text())


@pytest.fixture(scope="module")
def stab_on():
    return bench_micro.bench_lines(bench_micro.IPC_CMDLINE, "ipc")


def test_baseline_is_for_this_configuration():
    assert BASELINE["icount_shift"] == bench_micro.SHIFT


@pytest.mark.parametrize("name", sorted(BASELINE["results"]))
def test_path_within_ten_percent_of_baseline(stab_on, name):
    base = BASELINE["results"][name]
    assert stab_on[name] <= base * (1 + BASELINE["tolerance"]), \
        f"{name}: {stab_on[name]:.1f} instructions, baseline {base} (+10% allowed)"


def test_background_work_is_not_charged_to_the_path(stab_on):
    off = bench_micro.bench_lines(bench_micro.IPC_CMDLINE + " stab=off", "ipc (stab=off)")
    assert stab_on["check_tick"] > 1000, "the checker did no work: nothing was subtracted"
    for name in BASELINE["results"]:
        assert abs(stab_on[name] - off[name]) <= 0.01 * off[name], (name, stab_on[name], off[name])

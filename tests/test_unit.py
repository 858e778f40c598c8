"""Run the host unit tests (build/unit/*, built by `make unit`) and check
their TAP output: exit status 0, a plan line 1..N matching the number of
test lines, and no "not ok" line.  Stdlib + pytest only."""
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIT_DIR = os.path.join(ROOT, "build", "unit")
SRC_DIR = os.path.join(ROOT, "tests", "unit")

PLAN_RE = re.compile(r"^1\.\.(\d+)\s*$")
TEST_RE = re.compile(r"^(not )?ok\b")


def unit_binaries():
    """Names of the executable files in build/unit, sorted."""
    if not os.path.isdir(UNIT_DIR):
        return []
    return sorted(
        n for n in os.listdir(UNIT_DIR)
        if os.path.isfile(os.path.join(UNIT_DIR, n))
        and os.access(os.path.join(UNIT_DIR, n), os.X_OK))


def unit_sources():
    """Names of the unit test programs in tests/unit (all .c but tap.c)."""
    return sorted(
        n[:-2] for n in os.listdir(SRC_DIR)
        if n.endswith(".c") and n != "tap.c")


BINARIES = unit_binaries()
NOT_BUILT = "no unit test binaries in build/unit: run `make unit` first"


# With no binaries the single None case fails instead of being skipped.
@pytest.mark.parametrize(
    "name", BINARIES or [pytest.param(None, id="no-binaries-run-make-unit")])
def test_unit_binary_passes(name):
    if name is None:
        pytest.fail(NOT_BUILT)
    proc = subprocess.run([os.path.join(UNIT_DIR, name)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    lines = proc.stdout.splitlines()
    tests = [l for l in lines if TEST_RE.match(l)]
    failed = [l for l in tests if l.startswith("not ok")]
    plans = [int(m.group(1)) for m in map(PLAN_RE.match, lines) if m]

    assert not failed, "%s: %d failed TAP checks:\n%s" % (
        name, len(failed), "\n".join(failed))
    assert proc.returncode == 0, "%s exited with status %d\nstderr:\n%s" % (
        name, proc.returncode, proc.stderr)
    assert len(plans) == 1, "%s: want exactly one plan line 1..N, found %d" % (
        name, len(plans))
    assert plans[0] == len(tests), "%s: plan says 1..%d but %d tests ran" % (
        name, plans[0], len(tests))
    assert tests, "%s: no TAP test lines" % name


def test_every_unit_source_is_built():
    missing = [n for n in unit_sources() if n not in BINARIES]
    assert not missing, "not built: %s: run `make unit`" % ", ".join(missing)

"""test_busybox_testsuite.py - BusyBox's own test suite (testsuite/ of
the Debian source package the applets are built from) inside Stabilix.

The release ISO carries the tests of every built applet in
/usr/share/busybox (tools/busybox-tests.sh) and a runner of ours
(user/busybox/testsuite.sh: runtest's way of running them, with /bin's
hard links instead of a directory of symbolic links).  This test runs
it on the serial shell, checks that every applet with tests was run, and
that each passed at least 95% of the tests it ran (skipped ones are the
build's options it lacks).  The counts go to build/busybox-testsuite.json
and, as a table, to the test's output (docs/userland.md keeps them).
"""
import json
import re

from qemu import ROOT
from shell import boot_shell, run

TARGET = 0.95


def applets_with_tests():
    """The built applets BusyBox's test suite has tests for."""
    src = ROOT / "build/busybox-src/testsuite"
    built = (ROOT / "build/busybox/applets.list").read_text().split()
    return sorted(a for a in built if (src / f"{a}.tests").is_file() or (src / a).is_dir())


def parse(out):
    counts, failed = {}, {}
    for m in re.finditer(r"^testsuite: (\S+) (\d+) passed (\d+) failed (\d+) skipped$", out, re.M):
        if m.group(1) != "total":
            counts[m.group(1)] = dict(passed=int(m.group(2)), failed=int(m.group(3)),
                                      skipped=int(m.group(4)))
    for m in re.finditer(r"^testsuite: FAIL (\S+): (.*)$", out, re.M):
        failed.setdefault(m.group(1), []).append(m.group(2))
    return counts, failed


def table(counts):
    rows = ["| applet | passed | failed | skipped | pass rate |", "|---|---|---|---|---|"]
    for a, c in sorted(counts.items()):
        ran = c["passed"] + c["failed"]
        rate = f"{100 * c['passed'] / ran:.0f}%" if ran else "-"
        rows.append(f"| {a} | {c['passed']} | {c['failed']} | {c['skipped']} | {rate} |")
    return "\n".join(rows)


def test_busybox_testsuite_passes_for_every_built_applet():
    c = boot_shell()
    try:
        out, status = run(c, "sh /usr/share/busybox/testsuite.sh", timeout=1500)
    finally:
        c.close()
    counts, failed = parse(out)
    (ROOT / "build/busybox-testsuite.json").write_text(
        json.dumps({"applets": counts, "failed": failed}, indent=1, sort_keys=True) + "\n")
    print(table(counts))
    assert re.search(r"^testsuite: total \d+ passed \d+ failed \d+ skipped$", out, re.M), out[-2000:]
    assert sorted(counts) == applets_with_tests(), out[-2000:]
    low = {a: c for a, c in counts.items()
           if c["passed"] + c["failed"] and c["passed"] < TARGET * (c["passed"] + c["failed"])}
    assert not low, "below %d%%: %s\nfailed: %s" % (
        TARGET * 100, low, {a: failed.get(a) for a in low})

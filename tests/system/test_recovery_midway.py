"""test_recovery_midway.py - a server fails in the middle of a request
(issue 11, docs/recovery.md: "Exactly once"); also PM in the middle of a
waitpid that reaped a child.

`service fi <label> midway` lets the label's next request run to its end
and crashes the server before the reply (and before the reply's record).
/test/midway makes that next request a write: to a file (vfs, ramfs) or
to the serial terminal (tty).  The restarted server cannot know how much
of a request its predecessor died in had been done, so the repeat libc
(or VFS) sends must fail with EIO, not be done again: the host checks
that the bytes arrived exactly once and that the writer got the error.
"""
import re

import pytest

from shell import boot_shell, run
from test_rs import wait_since

TEXT = "midway-bytes"
TYPED = TEXT[:3] + "''" + TEXT[3:]      # the command line's echo is not the text


@pytest.mark.parametrize("label", ["vfs", "ramfs", "tty"])
def test_a_write_cut_short_by_a_failure_is_done_once_and_reported(label):
    c = boot_shell()
    try:
        target = "/dev/ttyS0" if label == "tty" else "/tmp/m"
        if label != "tty":
            out, status = run(c, "echo one > /tmp/m")
            assert status == 0, out
        mark = c.mark()
        out, status = run(c, f"/test/midway {label} {target} {TYPED}", timeout=90)
        assert status == 0, out
        assert "midway: write failed: I/O error" in out, out
        wait_since(c, mark, rf"{label}: request \d+ (of endpoint -?\d+ )?was cut short by my "
                   r"failure: EIO", timeout=30)
        if label == "tty":
            assert c.since(mark).count(TEXT) == 1, c.since(mark)
        else:
            out, status = run(c, "cat /tmp/m")
            assert (out, status) == ("one\n" + TEXT, 0)
        out, status = run(c, "service list")
        row = [r.split() for r in out.splitlines() if r.startswith(label + " ")]
        assert row and row[0][2:4] == ["up", "1"], out
    finally:
        c.close()


def test_a_waitpid_whose_child_pm_reaped_before_failing_gets_that_child():
    """PM reaps a zombie for a waitpid and dies before the reply: the
    repeat libc sends (PM_WAGAIN) gets the same child and status."""
    c = boot_shell()
    try:
        out, status = run(c, "/test/midway pm wait", timeout=90)
        assert status == 0, out
        child = re.search(r"midway: child (\d+)\n", out).group(1)
        assert f"midway: waitpid {child} status 7\n" in out, out
        assert re.search(r"pm: restarted \(1 restarts\): \d+ processes kept", c.output), \
            c.output[-2000:]
    finally:
        c.close()


def test_midway_is_refused_for_init():
    c = boot_shell()
    try:
        out, status = run(c, "service fi init midway")
        assert status == 1 and "service: init: " in out, out
    finally:
        c.close()

"""test_recovery.py - servers that come back with their state
(docs/recovery.md), on the release ISO from its serial shell.

ramfs keeps its whole tree in its state region (kernel/keep.c): after it
crashes, takes an exception or hangs (found by RS's heartbeats), the
restarted instance checks what it inherited and serves on from it, and
VFS sends the request that was in flight, when repeating it is safe, to
the new instance.  The host checks the files: their contents against a
cksum it computes itself from the same bytes, and the listings.
"""
import time

import pytest

from qemu import ROOT
from shell import boot_shell, run
from test_rs import wait_since
from test_userland import posix_cksum
from test_recovery_workloads import serial_shell_comes_back


@pytest.mark.parametrize("kind", ["crash", "exception", "hang"])
def test_ramfs_keeps_every_file_across_its_failure(kind):
    data = (ROOT / "build/root/bin/cat").read_bytes() + (ROOT / "build/root/bin/ls").read_bytes()
    c = boot_shell()
    try:
        out, status = run(c, "mkdir /tmp/d && echo hello world > /tmp/x && "
                             "cat /bin/cat /bin/ls > /tmp/d/big && ln -s d/big /tmp/l && "
                             "touch -d '2001-02-03 04:05:06' /tmp/x")
        assert status == 0, out
        mark = c.mark()
        out, status = run(c, f"service fi ramfs {kind}")
        assert status == 0, out
        wait_since(c, mark, r"ramfs: restarted \(1 restarts\): the tree kept", timeout=60)
        out, status = run(c, "cat /tmp/x")       # the first call: to the new instance
        assert (out, status) == ("hello world\n", 0)
        out, status = run(c, "cksum /tmp/d/big")
        assert (out, status) == (f"{posix_cksum(data)} {len(data)} /tmp/d/big\n", 0)
        out, status = run(c, "ls /tmp/d")
        assert (out, status) == ("big\n", 0)
        out, status = run(c, "readlink /tmp/l; cksum /tmp/l | cut -d' ' -f2; date -r /tmp/x +%F.%T")
        assert (out, status) == (f"d/big\n{len(data)}\n2001-02-03.04:05:06\n", 0)
        out, status = run(c, "echo after >> /tmp/x && cat /tmp/x && rm /tmp/d/big && ls /tmp/d")
        assert (out, status) == ("hello world\nafter\n", 0)
        assert "the boot image again" not in c.output
    finally:
        c.close()


def ps_table(out):
    """{name: (pid, ppid)} of the user processes in ps output."""
    rows = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) >= 6 and f[0].isdigit():
            rows.setdefault(f[-1], []).append((int(f[0]), int(f[1])))
    return rows


@pytest.mark.parametrize("kind", ["crash", "exception"])
def test_pm_keeps_every_process_across_its_failure(kind):
    """PM's table lives in its state region: after PM fails, init and both
    shells keep their pids and parents, a sleep in flight finishes (libc
    asks the new PM again), and fork, exec and wait work."""
    c = boot_shell()
    try:
        c.send("sleep 2 && echo bg''-done &\r")
        for _ in range(20):                 # until the job has started its sleep
            before, status = run(c, "ps | cat")
            if "sleep" in ps_table(before):
                break
        assert status == 0 and "sleep" in ps_table(before), before
        mark = c.mark()
        out, status = run(c, f"service fi pm {kind}")
        assert status == 0, out
        wait_since(c, mark, r"pm: restarted \(1 restarts\): \d+ processes kept", timeout=60)
        after, status = run(c, "ps | cat")
        assert status == 0, after
        old, new = ps_table(before), ps_table(after)
        assert "init" in old and "init" in new, (before, after)
        for name in ("init", "sh"):
            assert new[name] == old[name], (before, after)
        assert new["sleep"] == old["sleep"], (before, after)
        wait_since(c, mark, r"bg-done", timeout=60)
        out, status = run(c, "ls /")
        want = sorted(p.name for p in (ROOT / "build/root").iterdir())
        assert (sorted(out.split()), status) == (want, 0)
        out, status = run(c, "false; echo $?")
        assert (out, status) == ("1\n", 0)
        assert "init: Stabilix user land up" not in c.since(mark)
    finally:
        c.close()


def test_ramfs_and_pm_failing_together():
    """Two servers fail at once (ramfs crashes, PM takes an exception, one
    line): every file, every process and the shell's fork/exec survive."""
    data = (ROOT / "build/root/bin/cksum").read_bytes()
    c = boot_shell()
    try:
        out, status = run(c, "cp /bin/cksum /tmp/keep")
        assert status == 0, out
        before, status = run(c, "ps | cat")
        mark = c.mark()
        out, status = run(c, "service fi ramfs crash; service fi pm exception")
        assert status == 0, out
        wait_since(c, mark, r"ramfs: restarted \(1 restarts\): the tree kept", timeout=60)
        wait_since(c, mark, r"pm: restarted \(1 restarts\): \d+ processes kept", timeout=60)
        out, status = run(c, "cksum /tmp/keep")
        assert (out, status) == (f"{posix_cksum(data)} {len(data)} /tmp/keep\n", 0)
        after, status = run(c, "ps | cat")
        assert status == 0, after
        old, new = ps_table(before), ps_table(after)
        assert new["init"] == old["init"] and new["sh"] == old["sh"], (before, after)
    finally:
        c.close()


def test_tty_keeps_the_line_being_typed_and_its_output_across_its_failure():
    """Half a command line is typed on the serial line; the tty crashes
    (from the VGA shell); the rest of the line typed afterwards completes
    it, and a script printing on the serial terminal before and after the
    crash prints every line exactly once."""
    c = boot_shell()
    try:
        out, status = run(c, "ls /bin > /tmp/l")
        assert status == 0, out
        listing = "".join(f"{p.name}\n" for p in sorted((ROOT / "build/root/bin").iterdir()))
        c.send("sh -c 'cat /tmp/l; sleep 2; cat /tmp/l; sleep 1; echo after' & echo job=$!\r")
        c.expect(r"job=\d+\r?\n", timeout=30)
        c.expect(r"[$#] ", timeout=30)
        c.send("echo par")                      # no Enter yet
        mark = c.mark()
        c.type_keys("service fi tty crash\n")   # the shell on tty0
        wait_since(c, mark, r"tty: restarted \(1 restarts\): settings and typed input kept",
                   timeout=60)
        wait_since(c, mark, r"after\n", timeout=60)
        c.send("tial\r")
        c.expect(r"\npartial\r?\n", timeout=30)
        text = c.output.replace("\r", "")
        assert text.count(listing) >= 2, text[-3000:]
        assert text.count("\nafter\n") == 1, text[-3000:]
        run(c, "wait")                      # the job's "[1] Done" comes out here
        out, status = run(c, "echo still here")
        assert (out, status) == ("still here\n", 0)
    finally:
        c.close()


@pytest.mark.parametrize("server", ["vfs", "ramfs", "pm", "ds"])
def test_twenty_failures_of_one_server_in_a_row(server):
    """20 crashes, each after the restarted instance has served (a command
    worked and it answered a heartbeat): every one comes back with its
    state, and RS keeps restarting it (the limit counts failures without
    service in between)."""
    c = boot_shell()
    try:
        out, status = run(c, "echo kept > /tmp/x")
        assert status == 0, out
        for n in range(1, 21):
            mark = c.mark()
            out, status = run(c, f"service fi {server} crash")
            assert status == 0, out
            wait_since(c, mark, rf"{server}: restarted \({n} restarts\)", timeout=60)
            wait_since(c, mark, rf"rs: {server} serving again", timeout=60)   # not in cat's output
            out, status = run(c, "cat /tmp/x")
            assert (out, status) == ("kept\n", 0), n
            time.sleep(0.8)                     # a heartbeat answered: it served
        out, status = run(c, "service list")
        row = [r.split() for r in out.splitlines() if r.startswith(server + " ")]
        assert row and row[0][2:4] == ["up", "20"], out
        assert "the boot image again" not in c.output and "starts empty" not in c.output
        assert "tables dropped" not in c.output
    finally:
        c.close()


@pytest.mark.parametrize("server", ["vfs", "ramfs", "pm", "ds"])
def test_a_failure_during_recovery(server):
    """The first restarted instance fails at the end of its recovery,
    after it inherited and checked its state (boot argument fi_restart);
    the second one recovers from what the first left, and a workload that
    ran across both failures finishes exactly."""
    from test_recovery_workloads import start_workloads, check_workloads
    c = boot_shell(cmdline=f"fi_restart={server}")
    try:
        start_workloads(c)
        time.sleep(1.0)
        mark = c.mark()
        out, status = run(c, f"service fi {server} crash")
        assert status == 0, out
        wait_since(c, mark, rf"sef: {server} fails during its recovery", timeout=60)
        wait_since(c, mark, rf"{server}: restarted \(2 restarts\)", timeout=60)
        check_workloads(c)
        assert "the boot image again" not in c.output and "starts empty" not in c.output
        assert "tables dropped" not in c.output
    finally:
        c.close()


def test_vfs_and_ramfs_failing_together():
    """VFS and the file system under it fail in one command line while the
    workloads run: both come back with their state, nothing is lost or
    done twice."""
    from test_recovery_workloads import start_workloads, check_workloads
    c = boot_shell()
    try:
        start_workloads(c)
        time.sleep(1.0)
        mark = c.mark()
        out, status = run(c, "service fi ramfs crash; service fi vfs exception")
        assert status == 0, out
        wait_since(c, mark, r"ramfs: restarted \(1 restarts\): the tree kept", timeout=60)
        wait_since(c, mark, r"vfs: restarted \(1 restarts\): \d+ processes kept", timeout=60)
        check_workloads(c)
    finally:
        c.close()


@pytest.mark.parametrize("signal", ["KILL", "SEGV"])
def test_init_comes_back_with_its_shells(signal):
    """init (pid 1) is killed: PM starts it again as pid 1 with the old
    one's children, the new init finds each terminal's shell from the
    terminals' foreground groups instead of starting more, and does its
    job: the serial shell exits and a new one is started on the line."""
    c = boot_shell()
    try:
        before, status = run(c, "ps | cat")
        assert status == 0, before
        mark = c.mark()
        out, status = run(c, f"kill -{signal} 1")
        assert status == 0, out
        wait_since(c, mark, r"pm: init died \(signal \d+\); starting it again as pid 1", timeout=60)
        wait_since(c, mark, r"init: restarted; 2 shells kept on /dev/tty0 /dev/ttyS0 "
                   r"\(found by PM's notes\)", timeout=60)
        wait_since(c, mark, r"pm: init serving again \d+\.\d{3} ms after it died "
                   r"\(exec \d+ us, its own start \d+ us\)", timeout=60)
        after, status = run(c, "ps | cat")
        assert status == 0, after
        old, new = ps_table(before), ps_table(after)
        assert new["init"] == [(1, 0)], after
        assert sorted(new["sh"]) == sorted(old["sh"]), (before, after)
        assert all(ppid == 1 for _, ppid in new["sh"]), after
        serial_shell_comes_back(c)
    finally:
        c.close()


def up_ms(line):
    h, m, s = line.split()[1].split(":")
    return (int(h) * 3600 + int(m) * 60) * 1000 + int(float(s) * 1000)


def test_a_sleep_cut_by_a_pm_failure_ends_on_time():
    """A `sleep 3` is in progress when PM crashes: libc repeats it, and the
    new PM keeps the old wake-up tick, so it ends 3 s after it began (by
    the guest's own uptime printed around it), not 3 s after the crash."""
    c = boot_shell()
    try:
        c.send("sh -c 'uptime; sleep 3; uptime' > /tmp/up & echo job=$!\r")
        c.expect(r"job=\d+\r?\n", timeout=30)
        time.sleep(1.5)
        mark = c.mark()
        out, status = run(c, "service fi pm crash")
        assert status == 0, out
        wait_since(c, mark, r"pm: restarted \(1 restarts\)", timeout=60)
        out, status = run(c, "wait; cat /tmp/up")
        lines = out.splitlines()
        assert status == 0 and len(lines) == 2, out
        took = up_ms(lines[1]) - up_ms(lines[0])
        assert 2900 <= took < 3900, out
    finally:
        c.close()

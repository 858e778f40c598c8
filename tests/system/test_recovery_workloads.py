"""test_recovery_workloads.py - a server fails while work is under way
(issue 11, docs/recovery.md), on the release ISO from its serial shell.

Four workloads start in the background: a script that writes files, 1 MiB
(10 copies of /bin/sh) through a 3-stage pipeline, a fork/exec loop (ls
into cksum, 8 times) and a `sleep 3`.  Each pauses in the middle, and
about a second after they start one server fails: it crashes, takes a CPU
exception or hangs (RS restarts it), or a table of its own is damaged
(its self-check on the next heartbeat must repair it, without a restart).
init fails the same ways (`service fi init`, through PM); afterwards it
must still do its job: a shell that exits is started again.
When `wait` returns, every workload must have finished with exactly what
the host computes from the same bytes (the build's /bin files and the
host's own cksum): nothing lost, nothing written twice.
"""
import time

import pytest

from qemu import ROOT
from shell import boot_shell, run
from test_rs import wait_since
from test_userland import posix_cksum

SH = "/bin/sh " * 2                      # BusyBox: 2 x 2 x 400 KB through a pipeline
WORKLOADS = [
    "sh -c 'echo hello > /tmp/w/a; cat /tmp/w/a /bin/ls > /tmp/w/b; sleep 2; "
    "cat /tmp/w/b /tmp/w/b > /tmp/w/c; cat /tmp/w/c /tmp/w/a > /tmp/w/d' &",
    f"sh -c 'cat {SH}; sleep 2; cat {SH}' | cat | cat > /tmp/w/big &",
    "sh -c 'ls /bin | cksum; ls /bin | cksum; ls /bin | cksum; sleep 1; ls /bin | cksum; "
    "ls /bin | cksum; sleep 1; ls /bin | cksum; ls /bin | cksum; ls /bin | cksum' > /tmp/w/fe &",
    "sleep 3 && echo slept > /tmp/w/s &",
]

# What the restarted server says once it serves again.
BACK = {
    "ds": r"ds: restarted \(1 restarts\): \d+ keys kept",
    "pm": r"pm: restarted \(1 restarts\): \d+ processes kept",
    "vfs": r"vfs: restarted \(1 restarts\): \d+ processes kept",
    "ramfs": r"ramfs: restarted \(1 restarts\): the tree kept",
    "tty": r"tty: restarted \(1 restarts\): settings and typed input kept",
    "rs": r"rs: restarted by the kernel \(was ep \d+\); \d+ services adopted",
    "init": r"init: restarted; 2 shells kept on /dev/tty0 /dev/ttyS0",
}
# What its self-check says once it has repaired the damage.
REPAIRED = {
    "ds": r"ds: self-check: subscriptions repaired \(1 entries\)",
    "pm": r"pm: self-check: pid \d+ had endpoint \d+, the kernel says \d+: repaired",
    "vfs": r"vfs: self-check: counts fixed \(\d+\)",
    # found by the heartbeat's self-check, or first by a request that needs the block
    "ramfs": r"ramfs: (?:self-check|lookup): a block the hash table cannot find: block map rebuilt",
    "tty": r"tty: self-check: minor: entry 2: line ends out of order: put back from its copy",
    "rs": r"rs: self-check: \w+ had endpoint \d+, the kernel says \d+: repaired",
    "init": r"init: self-check: /dev/ttyS0's shell is pid \d+, not \d+: repaired",
}


def expected():
    """{file: cksum line} the guest must print, from the build's bytes."""
    bin_dir = ROOT / "build/root/bin"
    sh, ls = (bin_dir / "sh").read_bytes(), (bin_dir / "ls").read_bytes()
    a = b"hello\n"
    b = a + ls
    files = {"a": a, "b": b, "c": b + b, "d": b + b + a, "big": sh * 4}
    listing = "".join(f"{p.name}\n" for p in sorted(bin_dir.iterdir())).encode()
    return files, f"{posix_cksum(listing)} {len(listing)}\n"


def start_workloads(c):
    out, status = run(c, "mkdir /tmp/w")
    assert status == 0, out
    for line in WORKLOADS:
        c.send(line + " echo job=$!\r")
        c.expect(r"job=\d+\r?\n", timeout=30)       # the job's pid


def check_workloads(c):
    files, listing = expected()
    out, status = run(c, "wait", timeout=120)
    assert status == 0, out
    names = " ".join(f"/tmp/w/{n}" for n in files)
    out, status = run(c, f"cksum {names}")
    want = "".join(f"{posix_cksum(d)} {len(d)} /tmp/w/{n}\n" for n, d in files.items())
    assert (out, status) == (want, 0)
    out, status = run(c, "cat /tmp/w/fe")
    assert (out, status) == (listing * 8, 0)
    out, status = run(c, "cat /tmp/w/s")
    assert (out, status) == ("slept\n", 0)


def serial_shell_comes_back(c):
    """init does its job: the serial shell exits, init starts a new one."""
    mark = c.mark()
    c.send("exit\r")
    wait_since(c, mark, r"[$#] ", timeout=60)
    out, status = run(c, "echo new shell")
    assert (out, status) == ("new shell\n", 0)
    assert "init: Stabilix user land up" not in c.since(mark)


@pytest.mark.parametrize("kind", ["crash", "exception", "hang", "corrupt"])
@pytest.mark.parametrize("server", ["ds", "pm", "vfs", "ramfs", "tty", "rs", "init"])
def test_workloads_finish_exactly_when_a_server_fails(server, kind):
    c = boot_shell()
    try:
        start_workloads(c)
        time.sleep(1.0)
        mark = c.mark()
        # not run(): the restart's log lines may split the shell's status marker
        c.send(f"service fi {server} {kind}\r")
        wait_since(c, mark, rf"service: {server}: {kind} injected\n(?:[^\n]*\n)*?\S* [$#] ", timeout=60)
        wait_since(c, mark, REPAIRED[server] if kind == "corrupt" else BACK[server], timeout=60)
        check_workloads(c)
        assert "KERNEL PANIC" not in c.output
        # the frame sweep runs in slices between which frames change hands
        # (and a restart moves a kept region): none of it is damage
        assert "stab: repaired frame" not in c.output, c.output[-3000:]
        if server == "init":
            serial_shell_comes_back(c)
            return
        out, status = run(c, "service list")
        row = [r.split() for r in out.splitlines() if r.startswith(server + " ")]
        restarts = "0" if kind == "corrupt" or server == "rs" else "1"   # RS counts others'
        assert row and row[0][2:4] == ["up", restarts], out
    finally:
        c.close()

"""test_bench_posix.py - the POSIX benchmark program of `make bench`
(bench/posix, docs/bench.md) builds for both guests and runs correctly.

No timing is asserted: each check runs a handful of iterations and looks
at the result line's form, the iteration count echoed back, the exit
status, and the usage error.  The Stabilix build runs in the real system
(release ISO, serial shell); the Linux build (static i386: the host may
not run it) runs in the Linux guest of `make bench`, one boot per case.
"""
import re
import subprocess
import sys

import pytest

from qemu import ROOT
from shell import boot_shell, run

sys.path.insert(0, str(ROOT / "tools"))
import bench_posix  # noqa: E402

LINE = r"BENCH {name} iterations={n} usec=(\d+) ns_per_op=(\d+)\n"
TINY = [("null", 10), ("pipe", 5), ("fork", 3), ("exec", 2), ("file", 1), ("script", 1)]


def make(*targets):
    r = subprocess.run(["make", "-s", "--no-print-directory", *targets], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, r.stdout
    return r.stdout


def check_line(text, name, n):
    m = re.fullmatch(LINE.format(name=name, n=n), text)
    assert m, f"bad result line for {name} {n}: {text!r}"
    us, per_op = int(m.group(1)), int(m.group(2))
    assert per_op == us * 1000 // n


@pytest.fixture(scope="module")
def shell():
    make("all")
    c = boot_shell()
    yield c
    c.close()


@pytest.mark.parametrize("name,n", TINY)
def test_stabilix_bench_reports_tiny_run(shell, name, n):
    # one script run is about 3,000 processes: over a minute on a loaded host
    out, status = run(shell, f"/bench/bench {name} {n}", timeout=600 if name == "script" else 60)
    assert status == 0, out
    check_line(out, name, n)


def test_stabilix_bench_rejects_bad_usage(shell):
    for args in ("nosuch 5", "null 0", "null x", ""):
        out, status = run(shell, f"/bench/bench {args}")
        assert status == 2, (args, out)
        assert out.startswith("usage: bench "), (args, out)


def test_stabilix_bench_file_leaves_no_file(shell):
    out, status = run(shell, "/bench/bench file 1 && ls /tmp")
    assert status == 0, out
    assert "bench.dat" not in out


def linux_guest(args, timeout=120):
    """Boot the Linux guest of `make bench` with init running
    '/bench/bench <args>' (bench/linux/init.c); its serial output and the
    status init reports, None when it did not report one."""
    make("linux-guest")     # fetches Debian's kernel once (cached in build/linux)
    r = subprocess.run(bench_posix.linux_args(args), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=timeout)
    out = r.stdout.decode("utf-8", "replace").replace("\r", "")
    assert "linux-init: up\n" in out, out[-2000:]
    done = re.search(r"linux-init: done status=(\d+)\n", out)
    return out, int(done.group(1)) if done else None


@pytest.mark.parametrize("name,n", TINY)
def test_linux_bench_reports_tiny_run_in_the_linux_guest(name, n):
    out, status = linux_guest(f"{name} {n}")
    assert status == 0, out[-2000:]
    lines = re.findall(r"BENCH .*\n", out)
    assert len(lines) == 1, out[-2000:]
    check_line(lines[0], name, n)


@pytest.mark.parametrize("args", ["nosuch 5", "null 0", "null x"])
def test_linux_bench_rejects_bad_usage_in_the_linux_guest(args):
    out, status = linux_guest(args)
    assert status == 2, out[-2000:]
    assert re.search(r"^usage: bench ", out, re.M), out[-2000:]
    assert "BENCH " not in out


def test_linux_guest_runs_bench_and_powers_off():
    make("linux-guest")
    got = bench_posix.run_linux("pipe 5", progress=lambda line: None, timeout=120)
    assert got["boot_s"] > 0
    assert got["results"]["pipe"]["iterations"] == 5
    assert list(got["results"]) == ["pipe"]

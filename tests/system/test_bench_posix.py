"""test_bench_posix.py - the POSIX benchmark program of `make bench`
(bench/posix, docs/bench.md) builds for both guests and runs correctly.

No timing is asserted: each check runs a handful of iterations and looks
at the result line's form, the iteration count echoed back, the exit
status, and the usage error.  The Stabilix build runs in the real system
(release ISO, serial shell); the Linux build runs on the host (it is a
static i386 program) and in the Linux guest of `make bench`.
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
TINY = [("null", 10), ("pipe", 5), ("fork", 3), ("exec", 2), ("file", 1)]


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
    out, status = run(shell, f"/bench/bench {name} {n}")
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


def test_linux_build_runs_on_host():
    make("bench-progs")
    prog = ROOT / "build" / "linux" / "root" / "bench" / "bench"
    for name, n in TINY[:3]:
        r = subprocess.run([str(prog), name, str(n)], stdout=subprocess.PIPE, text=True,
                           timeout=30)
        assert r.returncode == 0
        check_line(r.stdout, name, n)
    r = subprocess.run([str(prog), "nosuch"], stderr=subprocess.PIPE, text=True)
    assert r.returncode == 2 and r.stderr.startswith("usage: bench ")


def test_linux_guest_runs_bench_and_powers_off():
    make("linux-guest")     # fetches Debian's kernel once (cached in build/linux)
    got = bench_posix.run_linux("pipe 5", progress=lambda line: None, timeout=120)
    assert got["boot_s"] > 0
    assert got["results"]["pipe"]["iterations"] == 5
    assert list(got["results"]) == ["pipe"]

"""conftest.py - fixtures of the host tests of the POSIX user land.

host_bin builds build/host/* once per session (`make host-progs`) and
returns that directory; run_sh runs `sh -c CMD` from there in a fresh
directory with PATH naming only build/host, HOME the directory, umask 022
and the C locale, as tests/scenarios.py describes.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))


@pytest.fixture(scope="session")
def host_bin():
    subprocess.run(["make", "--no-print-directory", "-j2", "host-progs"], cwd=ROOT,
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return ROOT / "build" / "host"


def host_env(bindir, home):
    return {"PATH": str(bindir), "HOME": str(home), "LC_ALL": "C"}


def run_sh(bindir, cmd, cwd, stdin=b"", timeout=30, args=None):
    """Runs build/host/sh (with -c CMD unless args are given); returns
    (stdout, stderr, status) as text."""
    argv = [str(bindir / "sh")] + (args if args is not None else ["-c", cmd])
    p = subprocess.run(argv, cwd=cwd, env=host_env(bindir, cwd), input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                       preexec_fn=lambda: os.umask(0o022))
    return p.stdout.decode(), p.stderr.decode(), p.returncode

"""hostrun.py - run the host build of the POSIX programs (build/host) the
way tests/scenarios.py describes: `sh -c CMD` in a given directory, PATH
naming only build/host, HOME that directory, umask 022, the C locale."""
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST_BIN = ROOT / "build" / "host"


def build_host_programs():
    subprocess.run(["make", "--no-print-directory", "-j2", "host-progs"], cwd=ROOT,
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return HOST_BIN


def host_env(bindir, home):
    return {"PATH": str(bindir), "HOME": str(home), "LC_ALL": "C"}


def run_sh(bindir, cmd, cwd, stdin=b"", timeout=30, args=None):
    """Runs build/host/sh as "sh" (with -c CMD unless args are given), as
    init starts it on Stabilix; returns (stdout, stderr, status) as text."""
    argv = ["sh"] + (args if args is not None else ["-c", cmd])
    p = subprocess.run(argv, executable=str(bindir / "sh"), cwd=cwd, env=host_env(bindir, cwd),
                       input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                       preexec_fn=lambda: os.umask(0o022))
    return p.stdout.decode(), p.stderr.decode(), p.returncode

"""test_utils.py - the utilities (BusyBox applets and user/bin), built for the host
(build/host), on good and bad arguments: every scenario in
tests/scenarios.py UTILS (run through build/host/sh) and HOST_ONLY (the
Stabilix-specific calls fail with ENOSYS on the host); every program in
mk/posix.mk is covered; every source compiles against newlib's headers."""
import re
import subprocess

import pytest
from hostrun import ROOT
from scenario_check import check_scenario
from scenarios import HOST_ONLY, UTILS


@pytest.mark.parametrize("sc", UTILS + HOST_ONLY, ids=lambda s: s.name)
def test_utility_scenario(host_bin, tmp_path, sc):
    check_scenario(host_bin, tmp_path, sc)


def posix_programs():
    text = (ROOT / "mk" / "posix.mk").read_text()
    progs = re.search(r"^POSIX_PROGS\s*:=((?:.*\\\n)*.*)", text, re.M).group(1)
    aliases = re.search(r"^POSIX_ALIASES\s*:=(.*)", text, re.M).group(1)
    return progs.replace("\\\n", " ").split() + [a.split(":")[0] for a in aliases.split()]


def test_every_program_has_scenarios(host_bin):
    names = posix_programs()
    assert len(names) >= 12           # the parse found the list: init ... su, and mem
    used = " ".join(s.cmd for s in UTILS + HOST_ONLY)
    missing = [n for n in names if n != "sh" and not re.search(r"(^|[\s|;&])%s\b" % n, used)]
    assert not missing, "no scenario runs: %s" % ", ".join(missing)
    for n in names:
        assert (host_bin / n).is_file(), "build/host/%s was not built" % n


def test_sources_compile_against_newlib():
    p = subprocess.run(["make", "--no-print-directory", "-j2", "posix-check"], cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    assert p.returncode == 0, p.stdout.decode()[-3000:]

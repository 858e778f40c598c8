"""scenario_check.py - run one tests/scenarios.py scenario on the host and
assert on everything it expects (stdout, stderr, status)."""
from hostrun import run_sh
from scenarios import matches


def check_scenario(bindir, tmp_path, sc):
    out, err, status = run_sh(bindir, sc.cmd, tmp_path)
    problems = []
    if not matches(sc.out, out):
        problems.append("stdout %r, expected %r" % (out, sc.out))
    if not matches(sc.err, err):
        problems.append("stderr %r, expected %r" % (err, sc.err))
    if status != sc.status:
        problems.append("status %d, expected %d" % (status, sc.status))
    assert not problems, "%s\n  command: %r\n  %s" % (sc.name, sc.cmd, "\n  ".join(problems))

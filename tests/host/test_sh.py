"""test_sh.py - /bin/sh (BusyBox ash, the same configuration as
Stabilix's) built for the host (build/host/sh -> build/busybox-host).

Every scenario of tests/scenarios.py SHELL (pipelines, redirections,
&& || ;, $?, $$, quoting, variables, background jobs and wait, scripts,
syntax errors, 127/126/128+n), then what needs more than sh -c: commands
read from a non-terminal stdin, a script run through ENOEXEC, no prompt
without a terminal, and interactive mode on a pseudo-terminal (prompt,
SIGINT ignored by the shell but delivered to the foreground job in its
own process group, background jobs reported when done)."""
import os
import re
import signal
import time

import pexpect
import pytest
from hostrun import host_env, run_sh
from scenario_check import check_scenario
from scenarios import SHELL

# ash's prompt is "\\w \\$ ": the directory, then "# " for root, "$ " for others.
PROMPT = r"\S* [$#] "


@pytest.mark.parametrize("sc", SHELL, ids=lambda s: s.name)
def test_shell_scenario(host_bin, tmp_path, sc):
    check_scenario(host_bin, tmp_path, sc)


def test_stdin_commands_run_in_order(host_bin, tmp_path):
    # ash reads a pipe in blocks (not a byte at a time, as POSIX asks;
    # docs/userland.md): the lines after "cat" are the shell's, not cat's.
    out, err, status = run_sh(host_bin, None, tmp_path, args=[],
                              stdin=b"echo one\ncat\necho three\nexit 5\n")
    assert (out, err, status) == ("one\nthree\n", "", 5)


def test_stdin_syntax_error_ends_the_shell(host_bin, tmp_path):
    out, err, status = run_sh(host_bin, None, tmp_path, args=[],
                              stdin=b"echo a\necho 'open\n")
    assert (out, err, status) == ("a\n", "sh: syntax error: unterminated quoted string\n", 2)


def test_no_prompt_without_terminal(host_bin, tmp_path):
    out, err, status = run_sh(host_bin, None, tmp_path, args=[], stdin=b"echo x\nfalse\n")
    assert (out, err, status) == ("x\n", "", 1)


def test_executable_script_without_binary_format_runs_as_script(host_bin, tmp_path):
    script = tmp_path / "s"
    script.write_text("echo script $1\nexit 6\n")
    script.chmod(0o755)
    out, err, status = run_sh(host_bin, "./s arg; echo $?", tmp_path)
    assert (out, err, status) == ("script arg\n6\n", "", 0)


def spawn_interactive(host_bin, tmp_path):
    # SIGINT as a terminal's user has it (pytest-xdist's workers ignore it,
    # and a shell passes an ignored SIGINT on to its jobs).
    child = pexpect.spawn(str(host_bin / "sh"), cwd=str(tmp_path), env=host_env(host_bin, tmp_path),
                          encoding="utf-8", timeout=10, dimensions=(24, 400),
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    child.expect(PROMPT)
    return child


def wait_foreground_child(shell_pid, timeout=10):
    """Until a child of the shell leads the terminal's foreground group
    (read from Linux's /proc): a ^C typed before that goes to the shell."""
    end = time.time() + timeout
    while time.time() < end:
        for pid in os.listdir("/proc"):
            try:
                f = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(f[1]) == shell_pid and int(f[2]) == int(f[5]) == int(pid):
                return
        time.sleep(0.05)
    raise AssertionError("no foreground child of the shell after %d s" % timeout)


def test_interactive_prompt_and_status(host_bin, tmp_path):
    child = spawn_interactive(host_bin, tmp_path)
    child.sendline("false; echo st=$?")
    child.expect(r"st=1\r\n" + PROMPT)
    child.sendline("sh -c 'kill -9 $$'; echo st=$?")
    child.expect(r"Killed\r\nst=137\r\n" + PROMPT)
    child.sendline("echo 'a")
    child.expect_exact("> ")
    child.sendline("b'")
    child.expect(r"a\r\nb\r\n" + PROMPT)
    child.sendline("| bad")
    child.expect(r'sh: syntax error: unexpected "\|"\r\n' + PROMPT)   # still running
    child.sendline("exit 4")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4


def test_interactive_ctrl_c_kills_the_foreground_job_not_the_shell(host_bin, tmp_path):
    child = spawn_interactive(host_bin, tmp_path)
    child.sendline("sleep 20; echo after=$?")
    child.expect_exact("sleep 20")
    wait_foreground_child(child.pid)
    child.sendintr()                       # ^C to the terminal's foreground group
    child.expect(PROMPT, timeout=5)        # the job and the rest of its line end
    child.sendline("echo st=$?")
    child.expect(r"st=130\r\n" + PROMPT)
    child.kill(signal.SIGINT)              # the shell itself ignores SIGINT
    child.sendline("echo alive")
    child.expect(r"alive\r\n" + PROMPT)
    child.sendline("exit")
    child.expect(pexpect.EOF)


def test_interactive_foreground_job_has_its_own_process_group(host_bin, tmp_path):
    # The groups are read from Linux's /proc by the test (the shell never uses it).
    child = spawn_interactive(host_bin, tmp_path)
    child.sendline("echo $$")
    child.expect(r"(\d+)\r\n" + PROMPT)
    shell_pid = int(child.match.group(1))
    child.sendline("sleep 1 & echo bg=$!; sleep 2 | sleep 2")
    child.expect(r"bg=(\d+)\r\n")
    bg = int(child.match.group(1))
    time.sleep(0.5)
    groups = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            stat = open("/proc/%s/stat" % pid).read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == shell_pid:               # ppid
            groups[int(pid)] = int(fields[2])         # pgrp
    assert len(groups) == 3, groups
    assert groups[bg] == bg                            # the background job leads its group
    fg = sorted(p for p in groups if p != bg)
    assert groups[fg[0]] == groups[fg[1]] == fg[0]     # both pipeline members in one group
    assert os.getpgid(shell_pid) == shell_pid          # the shell leads its own
    # the background job ended first: reported before the next prompt
    child.expect(r"\[1\]\+? +Done +sleep 1\r\n" + PROMPT, timeout=10)
    child.sendline("exit")
    child.expect(pexpect.EOF)


def test_malformed_input_never_crashes(host_bin, tmp_path):
    # 400 random command lines from quotes, operators, expansions and a few
    # harmless words (seeded: the same every run).  A crash shows as a
    # negative status (killed by a signal) or a hang; statuses stay <= 127.
    import random
    rng = random.Random(4)
    pieces = list(" \t\n'\"\\$|&;<>#={}?!@*0129") + [
        "&&", "||", ">>", "2>&1", ">&", "${", "$x", "x=1 ", "echo ", "cat ", "true ", "false "]
    for _ in range(400):
        cmd = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        out, err, status = run_sh(host_bin, cmd, tmp_path, timeout=10)
        assert 0 <= status <= 127, "sh -c %r: status %d\n%s" % (cmd, status, err)
        if re.search(r"^sh: syntax error: ", err, re.M):
            assert status == 2, (cmd, err)


def test_guest_recipe_round_trip(host_bin, tmp_path):
    # The recipe a system test types into Stabilix's shell (guest_lines)
    # and reads back (parse_guest), checked here with one host shell
    # reading every scenario's lines from its stdin.
    from scenarios import UTILS, guest_lines, matches, parse_guest
    cases = SHELL + UTILS
    script = "".join(l + "\n" for n, sc in enumerate(cases) for l in guest_lines(sc, n, str(tmp_path)))
    out, err, status = run_sh(host_bin, None, tmp_path, args=[], stdin=script.encode(), timeout=300)
    assert status == 0, err
    for n, sc in enumerate(cases):
        got = parse_guest(out, n)
        assert got is not None, "scenario %d (%s): markers missing" % (n, sc.name)
        assert matches(sc.out, got[0]) and matches(sc.err, got[1]) and got[2] == sc.status, \
            "%s: got %r" % (sc.name, got)

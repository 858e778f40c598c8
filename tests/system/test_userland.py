"""test_userland.py - the POSIX user land on the real system.

Each test boots the release ISO (rs, ds, tty, ramfs, vfs, pm, init and
its shells) and types on the serial shell (ttyS0).  The scenario lists of
tests/scenarios.py (the same ones the host tests run against the host
build) run one after another in one boot per list: each scenario works
in its own fresh directory, so they do not see each other, and booting
200 times would take most of the time budget.  The other tests each
have a boot of their own.
"""
import re
import sys

import scenarios
from qemu import ROOT
from shell import boot_shell, run, run_scenario

sys.path.insert(0, str(ROOT / "tools" / "inject"))
from guest import symbols  # noqa: E402
from workload import posix_cksum  # noqa: E402,F401  (the host's cksum; other tests import it from here)


def _check_all(lst):
    c = boot_shell()
    failed = []
    try:
        for i, sc in enumerate(lst):
            out, err, status = run_scenario(c, sc, i)
            if not (scenarios.matches(sc.out, out) and scenarios.matches(sc.err, err)
                    and status == sc.status):
                failed.append("%s: %r\n  out %r (want %r)\n  err %r (want %r)\n  status %d (want %d)"
                              % (sc.name, sc.cmd, out, sc.out, err, sc.err, status, sc.status))
    finally:
        c.close()
    assert not failed, "\n".join(failed)


def test_shell_scenarios():
    _check_all(scenarios.SHELL)


def test_utility_scenarios():
    _check_all(scenarios.UTILS + scenarios.STABILIX_ONLY)


def test_a_megabyte_through_a_three_stage_pipeline():
    files = sorted((ROOT / "build" / "root" / "bin").iterdir())
    data = b"".join(f.read_bytes() for f in files)
    assert len(data) >= 1 << 20
    c = boot_shell()
    try:
        out, status = run(c, "cat /bin/* | cat | cksum", timeout=120)
    finally:
        c.close()
    assert status == 0 and out == "%d %d\n" % (posix_cksum(data), len(data))


def test_xargs_runs_every_argument_with_a_large_environment():
    """xargs sizes its command lines by ARG_MAX (<sys/syslimits.h>): each
    must be one that exec takes with 3 KB of environment beside it; with
    newlib's 64 KiB every exec failed E2BIG and xargs printed nothing."""
    data = " ".join(str(n) for n in range(10000, 40000)).encode()
    c = boot_shell()
    try:
        out, _ = run(c, "export BIG=$(seq 1 800 | tr '\\n' :); sh -c 'echo ${#BIG}'")
        assert out == "3092\n", out                # exported: every child carries it
        out, status = run(c, "seq 10000 39999 | xargs echo | tr '\\n' ' ' | sed 's/ $//' | tr -d '\\n' | cksum",
                          timeout=120)
    finally:
        c.close()
    assert status == 0 and out == "%d %d\n" % (posix_cksum(data), len(data)), out


def test_writer_ends_with_sigpipe_when_the_reader_is_gone():
    c = boot_shell()
    try:
        out, status = run(c, "cat /dev/zero | true; echo piped", timeout=60)
        assert out == "piped\n" and status == 0
        out, status = run(c, "sh -c 'cat /dev/zero | true'; echo $?", timeout=60)
        assert out == "0\n"
    finally:
        c.close()


def test_ctrl_c_ends_a_foreground_sleep():
    c = boot_shell()
    try:
        c.send("sleep 100\r")
        c.expect(r"sleep 100\n")
        import time
        time.sleep(1.0)
        c.send("\x03")
        c.expect(r"\^C", timeout=10)
        out, status = run(c, "echo $?", timeout=20)
        assert out == "130\n"
    finally:
        c.close()


def test_background_job_killed():
    c = boot_shell()
    try:
        # In its own line: the interactive shell ignores SIGTERM, and its
        # child does until it has set its signals up (a kill typed on the
        # same line would race that).
        out, status = run(c, "sleep 100 &")
        assert status == 0, out
        out, status = run(c, "kill $!; wait $!; echo $?")
        assert out.endswith("143\n"), out
    finally:
        c.close()


def test_files_fill_the_ramdisk_then_enospc_and_nothing_lost():
    motd = (ROOT / "etc" / "root" / "etc" / "motd").read_bytes()
    c = boot_shell()
    try:
        run(c, "mkdir /tmp/keep && echo kept > /tmp/keep/a && cat /tmp/keep/a")
        out, status = run(c, "cat /dev/zero > /tmp/big", timeout=120)
        assert status == 1 and "No space left on device" in out, out
        out, status = run(c, "wc -c < /tmp/big")
        size = int(out.split()[0])
        assert size > 1 << 20 and size % 4096 == 0, out
        out, _ = run(c, "cat /tmp/keep/a; cksum /etc/motd")
        assert out == "kept\n%d %d /etc/motd\n" % (posix_cksum(motd), len(motd))
        out, status = run(c, "echo more > /tmp/more; echo $?")
        assert "No space left on device" in out or out.endswith("1\n")
        out, status = run(c, "rm /tmp/big && echo more > /tmp/more && cat /tmp/more")
        assert out == "more\n" and status == 0
    finally:
        c.close()


def test_many_files_in_one_directory():
    n = 300
    c = boot_shell()
    try:
        run(c, "mkdir /tmp/many")
        for first in range(0, n, 25):
            line = "; ".join("echo %d > /tmp/many/f%d" % (i, i) for i in range(first, first + 25))
            run(c, line)
        out, _ = run(c, "ls /tmp/many | wc -l; cat /tmp/many/f299; rm -r /tmp/many; ls /tmp")
        assert out.split("\n")[:2] == [str(n), "299"], out
        assert "many" not in out
    finally:
        c.close()


def test_tty_crash_while_the_shell_waits():
    c = boot_shell()
    try:
        c.send("service fi tty crash\r")
        c.expect(r"rs: tty up again", timeout=60)
        c.expect(r"[$#] ", timeout=60)        # init started a new shell on ttyS0
        out, status = run(c, "echo alive after the crash; ps | grep -c ' sh$'", timeout=60)
        assert out == "alive after the crash\n2\n" and status == 0
    finally:
        c.close()


def test_posix_process_semantics_through_libc():
    """user/tests/posix/proctest.c: exec errors, memory exhaustion, wait
    statuses, handlers, SIGCHLD, pipes and SIGPIPE, through newlib and
    lib/libc; every check it makes must be there and pass."""
    checks = [
        "an executable file of garbage is written",
        "exec of a missing file: ENOENT",
        "exec of a file without x bits: EACCES",
        "exec of a directory: EACCES",
        "exec of a bad ELF: ENOEXEC",
        "exec with 30 KiB of arguments: E2BIG",
        "a child killed with SIGKILL: WIFSIGNALED, WTERMSIG",
        "exit(42): WIFEXITED, WEXITSTATUS",
        "no children left: ECHILD",
        "sigaction installs a handler",
        "raise: the handler ran before kill returned",
        "SIGCHLD handler after a child exits; pause returns",
        "pipe",
        "exec'd echo writes into a pipe the parent reads",
        "write without readers, SIGPIPE ignored: EPIPE",
        "write without readers: killed by SIGPIPE",
        "malloc until memory runs out: ENOMEM",
        "fork with memory exhausted: ENOMEM",
        "fork works again after free",
        "memory given back (within malloc's kept top)",
    ]
    c = boot_shell()
    try:
        out, status = run(c, "/test/proctest", timeout=180)
    finally:
        c.close()
    lines = out.splitlines()
    for what in checks:
        assert "ok - " + what in lines, "%s\n%s" % (what, out)
    assert status == 0 and "proctest: PASS (0 failed)" in lines, out


def checks_of(program, minimum):
    """The names of the checks in user/tests/posix/<program>.c: the last
    string of each check(...) call, read from the source."""
    source = (ROOT / f"user/tests/posix/{program}.c").read_text()
    checks = re.findall(r'check\([^;]*?"([^"%]+)"\);', source, re.S)
    assert len(checks) >= minimum, checks
    return checks


def run_checks(program, minimum):
    """Boot, run /test/<program>; every one of its checks must be there
    and pass, and it must say PASS."""
    checks = checks_of(program, minimum)
    c = boot_shell()
    try:
        out, status = run(c, f"/test/{program}", timeout=120)
    finally:
        c.close()
    lines = out.splitlines()
    for what in checks:
        assert "ok - " + what in lines, "%s\n%s" % (what, out)
    assert status == 0 and f"{program}: PASS (0 failed)" in lines, out


def test_poll_select_stops_and_timers_through_libc():
    """user/tests/posix/polltest.c: poll and select on pipes (readiness,
    POLLHUP, POLLNVAL, a wait a child's write ends, a timeout, EINTR),
    O_NONBLOCK, waitpid's WUNTRACED and SIGCONT, a caught SIGTSTP,
    setitimer and clock_gettime."""
    run_checks("polltest", 20)


def test_sessions_groups_and_wcontinued_through_libc():
    """user/tests/posix/sessiontest.c: setsid, getsid, getpgid, setpgid's
    EPERM cases, and waitpid's WCONTINUED report of a SIGCONT."""
    run_checks("sessiontest", 12)


def test_job_control_at_the_terminal_through_libc():
    """user/tests/posix/jobtest.c: SIGTTIN for a background reader (EIO
    when ignored, EINTR with a handler), SIGTTOU for a background write
    under TOSTOP and for tcsetattr, orphaned groups (SIGHUP and SIGCONT,
    EIO), a session leader's terminal taken, hung up and freed."""
    run_checks("jobtest", 19)


def test_bad_input_gets_the_posix_errno():
    """user/tests/posix/errnotest.c: 68 calls with bad input (descriptors,
    paths, pointers, flags, signals, options, limits), each must fail
    with the errno POSIX and Linux give."""
    run_checks("errnotest", 68)


def test_signal_sets_mean_the_signals_they_name():
    """user/tests/posix/sigmasktest.c: a set made with newlib's macros
    blocks, holds back (sa_mask) and reports (sigpending) the signals it
    names, and sigsuspend's mask lasts only while it waits."""
    run_checks("sigmasktest", 8)


def test_signal_handlers_keep_the_interrupted_codes_fpu_state():
    """user/tests/posix/sigfpu.c: a handler that changes the x87 control
    word, run every 10 ms in the middle of a sum, changes nothing of it."""
    run_checks("sigfpu", 4)


def test_links_times_owners_and_statfs_through_libc():
    """user/tests/posix/fstest.c: symbolic links (EEXIST, readlink's EINVAL
    and short buffer, lstat against stat, ELOOP, O_NOFOLLOW, O_CREAT
    through a dangling link), utimensat with UTIME_OMIT/UTIME_NOW and
    AT_SYMLINK_NOFOLLOW, futimens, fchmod, fchown, lchown, an ordinary
    user's EPERM and EACCES, statvfs figures that follow a write and an
    unlink, and getmntent's list."""
    run_checks("fstest", 40)


def test_poweroff_ends_the_machine():
    c = boot_shell()
    try:
        c.send("poweroff\r")
        c.expect(r"pm: power off requested by pid \d+", timeout=30)
        c.proc.wait(timeout=30)
        assert c.proc.returncode == 1       # isa-debug-exit: (status 0 << 1) | 1
    finally:
        c.close()


def resets(log):
    """[(triple fault?, EIP at the reset)] from QEMU's -d cpu_reset log."""
    return [(bool(m.group(1)), int(m.group(2), 16)) for m in re.finditer(
        r"(Triple fault\n)?CPU Reset \(CPU 0\)\n(?:.*\n)*?EIP=([0-9a-f]{8})", log)]


def test_reboot_resets_the_machine_without_a_triple_fault(tmp_path):
    """Without -no-reboot the machine must come back: a second boot banner
    and a working shell.  QEMU's reset log (-d cpu_reset) must show the
    reset the kernel asked for: one taken in power_reboot (the keyboard
    controller's reset pulse), and no triple fault anywhere in the kernel
    (power_reboot's fallback, or a crash).  SeaBIOS's own warm-boot path
    may end in a triple fault outside the kernel; that one is not ours."""
    log = tmp_path / "qemu.log"
    c = boot_shell(extra=["-d", "cpu_reset", "-D", str(log)], reboot=True)
    try:
        assert c.output.count("Stabilix kernel booting") == 1
        c.send("reboot\r")
        c.expect(r"pm: reboot requested by pid \d+", timeout=30)
        c.expect(r"Stabilix kernel booting", timeout=60)
        c.expect(r"init: Stabilix user land up", timeout=60)
        c.expect(r"[$#] ", timeout=30)
        out, status = run(c, "echo up again")
        assert out == "up again\n" and status == 0
    finally:
        c.close()
    syms = symbols()
    lo, hi = syms["_kernel_start"][0], syms["_kernel_end"][0]
    reboot, size = syms["power_reboot"]
    got = resets(log.read_text(errors="replace"))
    assert any(not tf and reboot <= eip < reboot + size for tf, eip in got), got
    assert not [eip for tf, eip in got if tf and lo <= eip < hi], \
        "the kernel triple-faulted: %s" % got


def test_the_clock_and_file_times_are_the_hosts():
    """The kernel reads the CMOS clock (QEMU gives it the host's UTC time):
    `date` is the host's time, and a new file's time in ls -l is that day."""
    import time
    c = boot_shell()
    try:
        out, status = run(c, "date +%s; echo x > /tmp/t; ls -l /tmp/t")
        assert status == 0, out
        lines = out.splitlines()
        guest = int(lines[0])
        assert abs(guest - time.time()) < 120, (guest, time.time())
        day = time.strftime("%b %e", time.gmtime(guest))
        assert re.search(r" %s \d\d:\d\d /tmp/t$" % re.escape(day), lines[1]), lines[1]
    finally:
        c.close()

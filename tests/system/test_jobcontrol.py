"""test_jobcontrol.py - job control on the serial shell of the release
ISO: Ctrl-Z stops the foreground job (tty -> PM: SIGTSTP -> the kernel
stops it, servers/pm/stop.c), ash's `jobs`, `fg` and `bg`, `kill`
with stop and continue signals, and background jobs that read the
terminal (SIGTTIN) or write it under `stty tostop` (SIGTTOU), typed as a
person would.

What is checked is what a stop must mean: the stopped program does
nothing (a file it would write does not appear), the shell gets the
terminal back (what is typed goes to the shell, not to the stopped
reader), and after `fg` the program goes on where it was (its read is made
again, nothing typed before or after is lost or doubled).
"""
import time

from shell import PROMPT, boot_shell, run


def ctrl_z(c, job):
    """Ctrl-Z on the foreground job; ash reports it stopped."""
    mark = c.mark()
    c.send("\x1a")
    c.expect(r"\[\d\]\+ +Stopped +" + job, timeout=20)
    c.expect(PROMPT, timeout=20)
    return c.since(mark)


def test_ctrl_z_stops_a_reader_and_fg_continues_its_read():
    c = boot_shell()
    try:
        c.send("cat > /tmp/typed\r")
        time.sleep(1.0)
        c.send("one\r")
        time.sleep(0.5)
        ctrl_z(c, r"cat 1>/tmp/typed")
        out, status = run(c, "jobs")
        assert status == 0 and "Stopped" in out and "cat 1>/tmp/typed" in out, out
        out, status = run(c, "ps")
        rows = [r.split() for r in out.splitlines()]
        assert any(r[-1] == "cat" and r[3] == "stopped" for r in rows), out
        # the shell reads the terminal now, not the stopped cat
        out, status = run(c, "echo to-the-shell")
        assert (out, status) == ("to-the-shell\n", 0)
        out, status = run(c, "cat /tmp/typed")
        assert (out, status) == ("one\n", 0)
        c.send("fg\r")
        c.expect(r"cat 1>/tmp/typed\n", timeout=20)
        time.sleep(1.0)
        c.send("two\r")
        time.sleep(0.5)
        c.send("\x04")
        c.expect(PROMPT, timeout=20)
        out, status = run(c, "cat /tmp/typed")
        assert (out, status) == ("one\ntwo\n", 0)
        out, status = run(c, "jobs")
        assert (out, status) == ("", 0)
    finally:
        c.close()


def test_a_stopped_job_does_nothing_until_bg():
    c = boot_shell()
    try:
        c.send("sh -c 'sleep 2; echo late > /tmp/late'\r")
        time.sleep(1.0)
        ctrl_z(c, r'sh -c "sleep 2; echo late > /tmp/late"')
        time.sleep(3.0)                     # its sleep has run out: still nothing
        out, status = run(c, "cat /tmp/late")
        assert status == 1 and "No such file" in out, out
        out, status = run(c, "bg")
        assert status == 0 and "sleep 2; echo late" in out, out
        out, status = run(c, "jobs")
        assert "Running" in out or "Done" in out or out == "", out
        out, status = run(c, "wait; cat /tmp/late", timeout=30)
        assert (out, status) == ("late\n", 0)
    finally:
        c.close()


def test_kill_stop_and_cont_on_a_background_job():
    c = boot_shell()
    try:
        out, status = run(c, "sleep 60 &")
        assert status == 0, out
        out, status = run(c, "kill -STOP %1")
        assert status == 0, out
        out, status = run(c, "jobs")
        assert "Stopped (signal)" in out and "sleep 60" in out, out
        # SIGTERM waits while the job is stopped: it is still there
        out, status = run(c, "kill %1; sleep 1; ps")
        assert any(r.split()[-1] == "sleep" and r.split()[3] == "stopped"
                   for r in out.splitlines()[1:]), out
        # continued, it takes the SIGTERM that waited
        out, status = run(c, "kill -CONT %1; wait %1; echo $?", timeout=30)
        assert out.endswith("143\n"), out
        out, status = run(c, "jobs")
        assert (out, status) == ("", 0)
    finally:
        c.close()


def test_a_background_reader_stops_until_fg_gives_it_the_terminal():
    c = boot_shell()
    try:
        out, status = run(c, "cat > /tmp/bg &")
        assert status == 0, out
        time.sleep(1.0)
        out, status = run(c, "jobs")
        assert "Stopped (tty input)" in out and "cat 1>/tmp/bg" in out, out
        # the shell keeps the input: this line is not the stopped cat's
        out, status = run(c, "echo still-the-shell")
        assert (out, status) == ("still-the-shell\n", 0)
        c.send("fg\r")
        c.expect(r"cat 1>/tmp/bg\n", timeout=20)
        time.sleep(1.0)
        c.send("typed after fg\r")
        time.sleep(0.5)
        c.send("\x04")
        c.expect(PROMPT, timeout=20)
        out, status = run(c, "cat /tmp/bg")
        assert (out, status) == ("typed after fg\n", 0)
    finally:
        c.close()


def test_a_background_writer_stops_under_tostop_only():
    c = boot_shell()
    try:
        out, status = run(c, "echo free-to-write & wait")
        assert "free-to-write" in out.splitlines(), out
        out, status = run(c, "stty tostop; echo held-back & sleep 1; jobs")
        lines = out.splitlines()
        assert "held-back" not in lines, out
        assert any("Stopped (tty output)" in line for line in lines), out
        out, status = run(c, "stty -tostop; fg")
        assert "held-back" in out.splitlines() and status == 0, out
    finally:
        c.close()

"""test_top.py - /bin/top (user/bin/top.c) on the release ISO: the CPU
time the kernel charges each process (kernel/sched.c, through PM's
PM_PROCINFO), shown as top's %CPU and TIME, typed at the serial shell.

A busy background loop must come first with most of the CPU while every
other process is there too (the same set `ps` lists); on the terminal,
top clears the screen, and `q` ends it with the terminal as it was.
"""
import re
import time

from shell import PROMPT, boot_shell, run

ROW = re.compile(r"^\s*(\S+)\s+(-?\d+)\s+(\d+)\s+(\S+)\s+(\d+)\s+([\d.]+)\s+(\d+:\d\d\.\d\d) (\S+)$")


def screens(out):
    """Each screen of top -b: the rows (pid, %cpu, name) under a header."""
    found = []
    for block in out.split("top - up ")[1:]:
        lines = block.splitlines()
        assert re.match(r"\d+:\d\d:\d\d, \d+ processes, \d+ of \d+ KiB free$", lines[0]), block
        assert lines[1].split() == ["PID", "PPID", "EP", "STATE", "PAGES", "%CPU", "TIME", "NAME"]
        rows = [ROW.match(line) for line in lines[2:] if line.strip()]
        found.append([(m.group(1), float(m.group(6)), m.group(8)) for m in rows if m])
    return found


def test_top_puts_a_busy_process_first_with_most_of_the_cpu():
    c = boot_shell()
    try:
        out, status = run(c, "sh -c 'while :; do :; done' & echo busy=$!")
        busy = re.search(r"busy=(\d+)", out).group(1)
        # each call of top and the shell waits behind the busy loop for up
        # to a quantum (kernel.md, scheduling): slow, not stuck
        out, status = run(c, "top -b -n 2 -d 1", timeout=240)
        assert status == 0, out
        shown = screens(out)
        assert len(shown) == 2, out
        pid, cpu, name = shown[1][0]
        assert (pid, name) == (busy, "sh") and cpu > 50.0, out
        assert all(p[1] < 50.0 for p in shown[1][1:]), out
        listed, _ = run(c, "ps", timeout=120)
        names = sorted(r.split()[-1] for r in listed.splitlines()[1:] if r.split()[-1] != "ps")
        assert sorted(n for _, _, n in shown[1] if n != "top") == sorted(
            n for n in names if n != "top"), (out, listed)
        run(c, "kill %1", timeout=120)
    finally:
        c.close()


def test_top_on_the_terminal_clears_the_screen_and_quits_on_q():
    c = boot_shell()
    try:
        mark = c.mark()
        c.send("top -d 1\r")
        c.expect(r"\x1b\[H\x1b\[2Jtop - up ", timeout=30)
        c.expect(r"\x1b\[H\x1b\[2Jtop - up ", timeout=30)     # it refreshes
        c.send("q")
        c.expect(PROMPT, timeout=20)
        assert "init" in c.since(mark)
        time.sleep(0.5)
        out, status = run(c, "echo $? back")
        assert out == "0 back\n", out           # echo on again: the line editor works
    finally:
        c.close()


def test_top_refuses_bad_options():
    c = boot_shell()
    try:
        out, status = run(c, "top -d 0")
        assert status == 2 and "usage: top [-b] [-d secs] [-n count]" in out, out
        out, status = run(c, "top extra")
        assert status == 2 and "usage: top" in out, out
    finally:
        c.close()

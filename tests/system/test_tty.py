"""test_tty.py - the terminal driver (drivers/tty) through its test client
user/tests/ttytest, in an interactive QEMU session (qemu.Console).

rs starts ds, tty and ttytest; ttytest prints "ttytest: waiting <tag>"
when it wants input (after the tty said EAGAIN, so the notification path
is exercised), we type on COM1 or the PS/2 keyboard, and it prints what
it read as hex ("ttytest: read <tag>: <n> bytes <hex>").  We check those
bytes, the echo on the serial line, and the VGA memory.
"""
import re
from qemu import Console, start


def session(scenario, **args):
    c = Console().start(start("rs", rs_start="ds,tty,ttytest", ttytest=scenario, **args))
    c.expect(r"tty: ready", timeout=60)
    return c


def read(c, tag, timeout=30):
    """The bytes ttytest read for this step (or the error name)."""
    m = c.expect(rf"ttytest: read {tag}: (?:(\d+) bytes ([0-9a-f]*)|(E\w+))\r?\n", timeout)
    if m.group(3):
        return m.group(3)
    data = bytes.fromhex(m.group(2))
    assert len(data) == int(m.group(1))
    return data


def step(c, tag, typed, timeout=30):
    """Wait for the prompt of a step, type on COM1, return what was read."""
    c.expect(rf"ttytest: waiting {tag}\n", timeout)
    c.send(typed)
    return read(c, tag)


def finish(c, scenario):
    m = c.expect(rf"ttytest {scenario}: (PASS|FAIL)", 60)
    failed = re.findall(r"not ok - .*", c.output)
    assert not failed and m.group(1) == "PASS", "\n".join(failed) + c.output[-3000:]
    assert c.wait_exit() == 0
    assert "KERNEL PANIC" not in c.output


def test_serial_line_discipline():
    with session("line", tty_pm="ttytest") as c:
        mark = c.mark()
        assert step(c, "canon", "hello world\r") == b"hello world\n"
        assert "hello world\n" in c.since(mark)          # echoed, CR turned into NL
        # two lines typed before the read: one line per read
        assert step(c, "oneline1", "one\rtwo\r") == b"one\n"
        assert read(c, "oneline2") == b"two\n"
        # a 3-byte read cuts the line; the rest comes next
        assert step(c, "short1", "abcdef\r") == b"abc"
        assert read(c, "short2") == b"def\n"
        # erase with DEL and Backspace, kill with Ctrl-U
        assert step(c, "erase", "abX\x7fc\bd\r") == b"abd\n"
        assert step(c, "kill", "junk\x15ok\r") == b"ok\n"
        # Ctrl-D on an empty line: end of file; after text: pushes it
        assert step(c, "eof", "\x04") == b""
        assert step(c, "eofdata", "ab\x04") == b"ab"
        # raw mode: a byte is readable without a newline; all that is there
        assert step(c, "raw1", "q") == b"q"
        assert step(c, "raw3", "xyz") == b"xyz"
        # echo off: the typed text never comes back on the line
        c.expect(r"ok - echo off")
        mark = c.mark()
        assert step(c, "noecho", "secret\r") == b"secret\n"
        c.expect(r"ttytest: echo is on again")
        assert "secret" not in c.since(mark)
        # Ctrl-C: the line is discarded, ^C echoed, SIGINT pull-able for group 42
        mark = c.mark()
        assert step(c, "intr", "partial\x03after\r") == b"after\n"
        assert "^C\n" in c.since(mark)
        c.expect(r"ok - signal: minor 0 pgrp 42 signo 2")
        c.expect(r"ok - pull again: nothing pending: ESRCH")
        assert step(c, "intr0", "\x03x\r") == b"x\n"
        c.expect(r"ok - Ctrl-C without a foreground group raises nothing: ESRCH")
        # an open ttyS0 takes COM1's input from the console
        assert step(c, "ttyS0", "serial two\r") == b"serial two\n"
        c.expect(r"ok - the console got none of it: EAGAIN")
        c.expect(r"ttytest: written to ttyS0\n")
        finish(c, "line")


def test_bad_requests_change_nothing():
    with session("errors") as c:
        c.expect(r"ttytest: waiting keep\n")
        c.send("keep\r")
        finish(c, "errors")
        for line in ["read minor 3: ENXIO", "write minor -1: ENXIO", "open minor 7: ENXIO",
                     "ioctl minor 3: ENXIO", "unknown ioctl 0x1234: EINVAL",
                     "message type 0xC45: EBADREQUEST", "getattr into 2 bytes: EINVAL",
                     "getattr into a read-only grant: EPERM",
                     "setattr with an unknown flag: EINVAL",
                     "setattr from a write-only grant: EPERM",
                     "attributes unchanged (flags 0xf, VEOF 4)",
                     "set the foreground group to -1: EINVAL",
                     "window: 25 rows, 80 cols",
                     "read with a revoked grant: EINVAL", "read into a read-only grant: EPERM",
                     "read with a grant for another process: EPERM",
                     "write from a write-only grant: EPERM",
                     "write with a revoked grant: EINVAL",
                     "TTY_SIGPULL from a process that is not PM: EPERM"]:
            assert "ok - " + line in c.output, line
        # the line typed before the bad reads was still there afterwards
        assert re.search(r"ttytest: read kept: 5 bytes 6b6565700a", c.output)
        assert "NOTSHOWN" not in c.output


def screen_at(c, tag, cursor=None):
    """The VGA rows when ttytest says the screen is ready; checks the
    hardware cursor's (row, col) if given."""
    m = c.expect(rf"ttytest: screen {tag} cursor (\d+),(\d+)\n")
    if cursor is not None:
        assert (int(m.group(1)), int(m.group(2))) == cursor
    return c.vga_text()


def test_vga_output_scrolling_ansi_and_keyboard():
    with session("vga") as c:
        rows = screen_at(c, "marker")
        assert "console marker 7431\n" in c.output               # serial ...
        assert any(r.startswith("console marker 7431") for r in rows), rows  # ... and VGA
        rows = screen_at(c, "scroll", cursor=(24, 0))
        # 30 lines on a 25-row screen: the last one on row 23, the cursor row blank
        assert rows[23].rstrip() == "vga line 29", rows
        assert rows[24].strip() == ""
        assert [r.rstrip() for r in rows[:24]] == [f"vga line {i:02d}" for i in range(6, 30)]
        assert "vga line" not in c.output                         # tty0 is VGA only
        rows = screen_at(c, "ansi", cursor=(24, 75))
        assert rows[0].rstrip() == "top" + " " * 26 + "x"        # ESC[;30H: row defaults to 1
        assert rows[1].rstrip() == "xy"                           # ESC[K cleared "cdef"
        assert rows[4].rstrip() == " " * 9 + "mid" + " " * 4 + "tab"  # ESC[5;10H, tab to col 16
        assert rows[24].rstrip() == " " * 69 + "corner"          # ESC[30;70H: row clamped
        assert all(r.strip() == "" for i, r in enumerate(rows) if i not in (0, 1, 4, 24)), rows
        # the PS/2 keyboard feeds an open tty0: shift, Caps Lock, Ctrl-U, Backspace
        c.expect(r"ttytest: waiting kbd\n")
        c.sendkey("h", "i", "shift-a", "ret")
        assert read(c, "kbd") == b"hiA\n"
        c.expect(r"ttytest: waiting caps\n")
        c.sendkey("caps_lock", "a", "caps_lock", "b", "x", "backspace", "ret")
        assert read(c, "caps") == b"Ab\n"
        c.expect(r"ttytest: waiting ctrlu\n")
        c.sendkey("j", "k", "ctrl-u", "o", "k", "ret")
        assert read(c, "ctrlu") == b"ok\n"
        rows = screen_at(c, "echo", cursor=(24, 0))
        # echoed on VGA after "corner" (3 lines scrolled); erased keys are gone
        assert [r.rstrip() for r in rows[21:]] == [" " * 69 + "cornerhiA", "Ab", "ok", ""], \
            "\n".join(rows)
        # closed again: keys go to the console
        c.expect(r"ttytest: waiting kbdconsole\n")
        c.type_keys("Con 1\n")
        assert read(c, "kbdconsole") == b"Con 1\n"
        finish(c, "vga")


def test_tty_restarted_after_a_crash_works():
    with session("restart") as c:
        c.expect(r"ok - tty came back with a new endpoint")
        rows = screen_at(c, "restart")
        for line in ["ok - RS: inject a crash into tty: OK", "rs: tty died (exit 70)",
                     "tty: restarted (restart 1)", "ok - the old endpoint: EDEADSRCDST",
                     "after the crash 5821\n"]:
            assert line in c.output, line
        assert any(r.startswith("after the crash 5821") for r in rows), rows  # VGA taken again
        c.expect(r"ok - attributes \(flags 0xd\) and group \(77\) survived the restart")
        c.expect(r"ttytest: waiting alive\n")
        mark = c.mark()
        c.send("alive\r")
        assert read(c, "alive") == b"alive\n"
        assert "alive" not in c.since(mark).replace("read alive:", "")  # echo still off
        finish(c, "restart")

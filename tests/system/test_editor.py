"""test_editor.py - full-screen programs on the serial console of the
release ISO, driven by keys as a person would type them: BusyBox vi
(insert mode, Esc, an arrow key, dd/p, a search, ex commands) and less.
They need what a line-at-a-time shell does not: raw terminal mode, the
window size, and poll with a timeout (vi tells a lone Esc from the start
of an arrow key's sequence by waiting 50 ms for more: VFS_POLL).

The file vi wrote is checked by its checksum against the host's cksum of
the text the keys must produce.
"""
import time

from shell import PROMPT, boot_shell, run
from test_userland import posix_cksum


def keys(c, text, pause=0.6):
    """Type text, then wait: an Esc must not run into the next key."""
    c.send(text)
    time.sleep(pause)


def cksum_line(data, name):
    return f"{posix_cksum(data)} {len(data)} {name}\n"


def open_vi(c, path):
    """Start vi on path and wait until it has drawn its screen."""
    c.send(f"vi {path}\r")
    c.expect(path, timeout=20)                  # its status line
    time.sleep(1.0)


def quit_and_cksum(c, path, keys_to_quit):
    """Leave vi with the given keys; the file's cksum line and status."""
    keys(c, keys_to_quit)
    c.expect(PROMPT, timeout=20)
    return run(c, f"cksum {path}")


def test_vi_writes_what_was_typed():
    c = boot_shell()
    try:
        open_vi(c, "/tmp/notes")
        keys(c, "iapple\rbanana\rcherry")
        keys(c, "\x1b")                         # Esc alone: back to command mode
        keys(c, "\x1b[A")                       # the up arrow: to "banana"
        keys(c, "dd")                           # cut it; the cursor is on "cherry"
        keys(c, "p")                            # put it below
        out, status = quit_and_cksum(c, "/tmp/notes", ":wq\r")
        assert (out, status) == (cksum_line(b"apple\ncherry\nbanana\n", "/tmp/notes"), 0), out
        # an existing file: a search, an append at the end of the line, :x
        open_vi(c, "/tmp/notes")
        keys(c, "/cher\r")
        keys(c, "A pie")
        keys(c, "\x1b")
        out, status = quit_and_cksum(c, "/tmp/notes", ":x\r")
        assert (out, status) == (cksum_line(b"apple\ncherry pie\nbanana\n", "/tmp/notes"), 0), out
        # quitting without writing keeps the file as it was
        open_vi(c, "/tmp/notes")
        keys(c, "ddddx")
        out, status = quit_and_cksum(c, "/tmp/notes", ":q!\r")
        assert (out, status) == (cksum_line(b"apple\ncherry pie\nbanana\n", "/tmp/notes"), 0), out
    finally:
        c.close()


def test_less_pages_to_the_end_and_quits():
    c = boot_shell()
    try:
        out, status = run(c, "seq 1 200 > /tmp/n")
        assert status == 0, out
        c.send("less /tmp/n\r")
        c.expect(r"\x1b\[K1\n(?:\x1b\[K\d+\n)*\x1b\[K24\n", timeout=20)  # lines 1-24
        c.expect(r"\x1b\[7m/tmp/n", timeout=20)    # then its status line
        time.sleep(1.0)
        mark = c.mark()
        keys(c, "G")                            # to the end
        assert "200" in c.since(mark) and "(END)" in c.since(mark), c.since(mark)[-500:]
        keys(c, "q")
        c.expect(PROMPT, timeout=20)
        out, status = run(c, "echo back")
        assert (out, status) == ("back\n", 0)
    finally:
        c.close()


def test_read_with_a_timeout_returns_when_it_passes():
    c = boot_shell()
    try:
        # ash's read -t waits in poll: nothing typed, it gives up with
        # status 1 (BusyBox's, as on Linux) once the 2 s have passed
        out, status = run(c, "a=$(date +%s); read -t 2 x; s=$?; b=$(date +%s); "
                             "echo $s $((b - a))", timeout=30)
        got, waited = out.split()
        assert got == "1" and int(waited) >= 1, out
    finally:
        c.close()

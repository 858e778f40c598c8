"""qemu.py - boot a Stabilix ISO in QEMU (TCG) for one system test.

boot() starts a fresh QEMU with the serial console on a pipe, passes extra
kernel command-line words through fw_cfg (opt/stabilix/cmdline), waits
until the guest powers off through isa-debug-exit (or the time bound runs
out) and returns everything the guest printed plus its exit status.
"""
import re
import select
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ISO = ROOT / "build" / "stabilix.iso"
TEST_ISO = ROOT / "build" / "stabilix-test.iso"
QEMU = "qemu-system-i386"


@dataclass
class Boot:
    output: str
    status: int | None      # the guest's power-off status, None if it did not power off
    timed_out: bool

    def lines(self, prefix=""):
        return [l for l in self.output.splitlines() if l.startswith(prefix)]

    def tail(self, n=40):
        return "\n".join(self.output.splitlines()[-n:])


def qemu_args(iso, cmdline="", extra=(), reboot=False):
    """reboot=True: a guest reset reboots the machine instead of ending QEMU."""
    # -boot order=d: the firmware goes to the CD first (no floppy/disk probes)
    args = [QEMU, "-m", "128", "-cdrom", str(iso), "-boot", "order=d", "-serial", "stdio",
            "-display", "none", "-monitor", "none"] + ([] if reboot else ["-no-reboot"]) + [
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            # the locked hardware watchdog (kernel/wdt.c): if the kernel stops
            # kicking it, QEMU resets, and with -no-reboot exits without a
            # power-off status (Boot.status None, timed_out False)
            "-device", "i6300esb"]
    if cmdline:
        args += ["-fw_cfg", "name=opt/stabilix/cmdline,string=" + cmdline.replace(",", ",,")]
    return args + list(extra)


def boot(cmdline="", timeout=120, iso=TEST_ISO, extra=(), until=None):
    """Boot and collect the serial output until the guest powers off, the
    regex 'until' appears (then QEMU is stopped), or 'timeout' seconds pass."""
    if not Path(iso).exists():
        raise FileNotFoundError(f"{iso} is missing: run 'make all' first")
    p = subprocess.Popen(qemu_args(iso, cmdline, extra), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    out, deadline, matched = b"", time.monotonic() + timeout, False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        ready, _, _ = select.select([p.stdout], [], [], min(left, 0.5))
        if ready:
            chunk = p.stdout.read1(65536)
            if not chunk:
                break
            out += chunk
            if until and re.search(until, out.decode("utf-8", "replace")):
                matched = True
                break
    if p.poll() is None:
        p.kill()
    code = p.wait()
    text = out.decode("utf-8", "replace").replace("\r", "")
    powered_off = not matched and time.monotonic() < deadline
    # isa-debug-exit makes QEMU exit with (status << 1) | 1
    status = code >> 1 if powered_off and code & 1 else None
    return Boot(text, status, timed_out=not matched and not powered_off)


def start(*labels, **args):
    """The command line that starts exactly these services, plus key=value args."""
    words = ["start=" + ",".join(labels)] + [f"{k}={v}" for k, v in args.items()]
    return " ".join(words)


# ---- interactive sessions ---------------------------------------------------
import os
import shutil
import socket
import tempfile
import threading

# QEMU sendkey names for the characters type_keys() can type.
_KEYNAMES = {" ": "spc", "\n": "ret", "\r": "ret", "\t": "tab", "\b": "backspace",
             "-": "minus", "=": "equal", "[": "bracket_left", "]": "bracket_right",
             ";": "semicolon", "'": "apostrophe", "`": "grave_accent", "\\": "backslash",
             ",": "comma", ".": "dot", "/": "slash", "*": "asterisk"}
_SHIFTED = {"!": "1", "@": "2", "#": "3", "$": "4", "%": "5", "^": "6", "&": "7",
            "(": "9", ")": "0", "_": "minus", "+": "equal", "{": "bracket_left",
            "}": "bracket_right", ":": "semicolon", '"': "apostrophe", "~": "grave_accent",
            "|": "backslash", "<": "comma", ">": "dot", "?": "slash"}


class Console:
    """A QEMU session that stays up while a test talks to the guest.

    The serial line (COM1) is a pipe: send() types on it, expect() waits
    for a regex in what the guest printed.  The QEMU monitor is on a
    private unix socket: sendkey()/type_keys() press keys on the PS/2
    keyboard, vga_text() returns the 25 rows of the VGA text screen.

        with Console().start(start("rs", rs_start="ds,tty,ttytest")) as c:
            c.expect(r"ttytest: waiting canon")
            c.send("hello\\r")
            m = c.expect(r"read canon: (\\d+) bytes")

    expect() only looks at output after the end of the previous match
    (like pexpect); c.output is everything so far (CR removed),
    c.since(mark) what came after c.mark().
    """

    def __init__(self):
        self.proc = None
        self._buf = ""
        self._pos = 0
        self._lock = threading.Lock()
        self._dir = None
        self._mon = None

    # -- life cycle
    def start(self, cmdline="", iso=TEST_ISO, extra=(), timeout=10, reboot=False):
        if not Path(iso).exists():
            raise FileNotFoundError(f"{iso} is missing: run 'make all' first")
        self._dir = tempfile.mkdtemp(prefix="stabilix-")
        sock = os.path.join(self._dir, "monitor.sock")
        args = qemu_args(iso, cmdline, extra, reboot)
        args[args.index("-monitor") + 1] = f"unix:{sock},server=on,wait=off"
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        threading.Thread(target=self._reader, daemon=True).start()
        deadline = time.monotonic() + timeout
        while self._mon is None:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(sock)
                self._mon = s
            except OSError:
                s.close()
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError("QEMU monitor did not come up:\n" + self.output)
                time.sleep(0.05)
        self._monitor_read()                # banner and first prompt
        return self

    def close(self):
        if self._mon:
            self._mon.close()
            self._mon = None
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
        if self.proc:
            self.proc.wait()
        if self._dir:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _reader(self):
        while True:
            chunk = self.proc.stdout.read1(65536)
            if not chunk:
                return
            with self._lock:
                self._buf += chunk.decode("utf-8", "replace").replace("\r", "")

    # -- the serial line
    @property
    def output(self):
        with self._lock:
            return self._buf

    def mark(self):
        """A position in the output, for since()."""
        return len(self.output)

    def since(self, mark):
        return self.output[mark:]

    def expect(self, regex, timeout=30):
        """Wait for regex in the output after the previous match; returns
        the match, raises TimeoutError (with the output's tail) if it does
        not come or QEMU ends."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.output
            m = re.compile(regex).search(text, self._pos)
            if m:
                self._pos = m.end()
                return m
            if time.monotonic() > deadline or self.proc.poll() is not None:
                tail = "\n".join(text.splitlines()[-30:])
                raise TimeoutError(f"no {regex!r} within {timeout}s; output ends:\n{tail}")
            time.sleep(0.05)

    def send(self, text):
        """Type text on the serial line (bytes or str, sent as is)."""
        data = text.encode("latin-1") if isinstance(text, str) else text
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def wait_exit(self, timeout=30):
        """Wait for the guest to power off; its status (isa-debug-exit), or None."""
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
        return code >> 1 if code & 1 else None

    # -- the monitor: keyboard and screen
    def _monitor_read(self, timeout=10):
        data, deadline = b"", time.monotonic() + timeout
        self._mon.settimeout(0.5)
        while not data.endswith(b"(qemu) ") and time.monotonic() < deadline:
            try:
                chunk = self._mon.recv(65536)
            except socket.timeout:
                continue
            if not chunk:
                break
            data += chunk
        return data.decode("utf-8", "replace")

    def monitor(self, command):
        """Run one HMP command; returns what the monitor printed."""
        self._mon.sendall(command.encode() + b"\n")
        return self._monitor_read()

    def sendkey(self, *keys, hold_ms=30):
        """Press keys on the PS/2 keyboard, e.g. sendkey("h", "shift-a", "ret")."""
        for k in keys:
            self.monitor(f"sendkey {k} {hold_ms}")
            time.sleep(hold_ms / 1000 + 0.02)

    def type_keys(self, text):
        """Type text on the PS/2 keyboard (US layout; newline = Enter)."""
        keys = []
        for ch in text:
            if ch.isalpha() and ch.isupper():
                keys.append("shift-" + ch.lower())
            elif ch.isalnum():
                keys.append(ch)
            elif ch in _SHIFTED:
                keys.append("shift-" + _SHIFTED[ch])
            else:
                keys.append(_KEYNAMES[ch])
        self.sendkey(*keys)

    def vga_text(self):
        """The VGA text screen now: 25 strings of 80 characters."""
        path = os.path.join(self._dir, "vga.bin")
        self.monitor(f'pmemsave 0xb8000 4000 "{path}"')
        cells = Path(path).read_bytes()
        chars = bytes(cells[i] for i in range(0, len(cells), 2)).decode("latin-1")
        return [chars[r * 80:(r + 1) * 80] for r in range(25)]

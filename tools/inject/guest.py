"""guest.py - one Stabilix guest under QEMU, driven from the host for
fault injection (tools/inject/inject.py, tests/system/test_stabilize.py).

Nothing the guest says about its own health is trusted: the host reads
the serial line (heartbeats of user/tests/stabwork, whose CRCs it checks
itself), writes guest RAM directly through a shared memory-backend-file
mapping (no pause), and reads and writes registers and memory through
QEMU's gdbstub (a persistent client on a unix socket).

Guest(iso, cmdline, wdt=True) boots; .heartbeats() lists (time, n, ok);
.ram is a writable mmap of guest physical memory; .gdb is a GdbClient.
Guest(..., incoming=F) resumes the machine state saved in F by
save_snapshot() instead of booting (a QEMU migration stream: the same
devices and command line on both sides, RAM and device state in the file).
"""
import atexit
import mmap
import os
import re
import select
import socket
import subprocess
import tempfile
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KERNEL_ELF = ROOT / "build" / "kernel.elf"
MEM_MB = 128
HB_RE = re.compile(r"stabwork: hb (\d+) crc ([0-9a-f]{8}) repairs (\d+)")


def expected_crc(n):
    return zlib.crc32(bytes((i * 31 + n * 7) & 0xFF for i in range(4096)))


_crc_cache = {}


def hb_ok(n, crc):
    if n not in _crc_cache:
        _crc_cache[n] = expected_crc(n)
    return _crc_cache[n] == crc


def symbols(elf=KERNEL_ELF):
    """name -> (address, size) of the kernel's symbols (nm)."""
    out = subprocess.run(["nm", "-S", str(elf)], capture_output=True, text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4:
            syms[f[3]] = (int(f[0], 16), int(f[1], 16))
        elif len(f) == 3:
            syms.setdefault(f[2], (int(f[0], 16), 0))
    return syms


class GdbClient:
    """Minimal remote-serial-protocol client (acknowledged packets)."""

    def __init__(self, path, timeout=10):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.s.connect(path)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.buf = b""
        self.acks = True
        self.poll = select.poll()
        self.poll.register(self.s, select.POLLIN)

    def _send(self, data):
        pkt = b"$" + data + b"#%02x" % (sum(data) & 0xFF)
        self.s.sendall(pkt)

    def _recv_packet(self, timeout=10):
        deadline = time.monotonic() + timeout
        while True:
            m = re.search(rb"\$([^#]*)#[0-9a-fA-F]{2}", self.buf)
            if m:
                self.buf = self.buf[m.end():]
                if self.acks:
                    self.s.sendall(b"+")
                return m.group(1)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("gdbstub did not answer")
            if self.poll.poll(left * 1000):
                chunk = self.s.recv(65536)
                if not chunk:
                    raise ConnectionError("gdbstub closed")
                self.buf += chunk

    def command(self, text, timeout=10):
        self._send(text.encode() if isinstance(text, str) else text)
        return self._recv_packet(timeout)

    def stop(self):
        """Interrupt the guest; QEMU may report the stop more than once."""
        self.s.sendall(b"\x03")
        reply = self._recv_packet()
        while True:
            try:
                self._recv_packet(0.05)
            except TimeoutError:
                return reply

    def cont(self):
        self._send(b"c")

    def wait_stop(self, timeout):
        return self._recv_packet(timeout)

    def regs(self):
        """The registers; a 'g' that reached a running guest only stopped
        it (QEMU answers with a stop reply), so it is sent again."""
        reply = self.command("g")
        for _ in range(3):
            if reply[:1] not in (b"T", b"S"):
                break
            reply = self.command("g")
        raw = bytes.fromhex(reply.decode())
        names = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags",
                 "cs", "ss", "ds", "es", "fs", "gs"]
        return {n: int.from_bytes(raw[4 * i:4 * i + 4], "little") for i, n in enumerate(names)}

    def set_reg(self, index, value):
        """Register 'index' in 'g' order (eax ecx edx ebx esp ...); QEMU
        has no 'P', so all registers are read and written back ('G')."""
        raw = bytearray(bytes.fromhex(self.command("g").decode()))
        raw[4 * index:4 * index + 4] = (value & 0xFFFFFFFF).to_bytes(4, "little")
        return self.command("G" + raw.hex())

    def read(self, addr, n):
        return bytes.fromhex(self.command("m%x,%x" % (addr, n)).decode())

    def write(self, addr, data):
        return self.command(b"M%x,%x:" % (addr, len(data)) + data.hex().encode())

    def breakpoint(self, addr, on=True):
        return self.command("%s0,%x,1" % ("Z" if on else "z", addr))

    def close(self):
        self.s.close()


class Guest:
    def __init__(self, iso, cmdline="", wdt=True, reboot=False, gdb=True, log=None,
                 incoming=None, monitor=False, typing=False):
        self.dir = tempfile.mkdtemp(prefix="stabinj-", dir="/dev/shm")
        self.mem = os.path.join(self.dir, "ram")
        self.sock = os.path.join(self.dir, "gdb")
        self.mon = os.path.join(self.dir, "mon")
        args = ["qemu-system-i386", "-m", str(MEM_MB), "-cdrom", str(iso),
                "-object", f"memory-backend-file,id=ram,size={MEM_MB}M,mem-path={self.mem},share=on",
                "-machine", "memory-backend=ram",
                "-serial", "stdio", "-display", "none",
                "-monitor", f"unix:{self.mon},server=on,wait=off" if monitor else "none",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        if not reboot:
            args.append("-no-reboot")
        if wdt:
            args += ["-device", "i6300esb"]
        if gdb:
            args += ["-chardev", f"socket,path={self.sock},server=on,wait=off,id=gdb0",
                     "-gdb", "chardev:gdb0"]
        if cmdline:
            args += ["-fw_cfg", "name=opt/stabilix/cmdline,string=" + cmdline.replace(",", ",,")]
        if incoming:
            args += ["-incoming", f"exec:cat {incoming}"]
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  stdin=subprocess.PIPE if typing else subprocess.DEVNULL)
        self.lines = []                 # (time since start, text)
        self.part = b""                 # the line not yet ended (a prompt)
        self.lock = threading.Lock()
        self.log = log
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self._ram = None
        self._gdb = None
        self.use_gdb = gdb
        atexit.register(self.close)     # never leave a QEMU behind

    def _read(self):
        part = b""
        while True:
            chunk = self.p.stdout.read1(65536)
            if not chunk:
                break
            part += chunk
            *done, part = part.split(b"\n")
            now = time.monotonic() - self.t0
            with self.lock:
                self.part = part
                for l in done:
                    self.lines.append((now, l.decode("utf-8", "replace").rstrip("\r")))

    @property
    def ram(self):
        if self._ram is None:
            fd = os.open(self.mem, os.O_RDWR)
            self._ram = mmap.mmap(fd, MEM_MB << 20)
            os.close(fd)
        return self._ram

    @property
    def gdb(self):
        if self._gdb is None:
            self._gdb = GdbClient(self.sock)     # attaching stops the guest
            self._gdb.cont()
        return self._gdb

    def now(self):
        return time.monotonic() - self.t0

    def output(self):
        with self.lock:
            return "\n".join(l for _, l in self.lines)

    def wait_for(self, regex, timeout, since=0.0):
        deadline = time.monotonic() + timeout
        rx = re.compile(regex)
        while time.monotonic() < deadline:
            with self.lock:
                for t, l in self.lines:
                    if t >= since and rx.search(l):
                        return t, l
            if self.p.poll() is not None:
                time.sleep(0.1)
                with self.lock:
                    for t, l in self.lines:
                        if t >= since and rx.search(l):
                            return t, l
                return None
            time.sleep(0.05)
        return None

    def heartbeats(self, since=0.0):
        """[(time, n, crc_ok, repairs)] of the workload's heartbeat lines."""
        out = []
        with self.lock:
            lines = [(t, l) for t, l in self.lines if t >= since]
        for t, l in lines:
            m = HB_RE.search(l)
            if m:
                out.append((t, int(m.group(1)), hb_ok(int(m.group(1)), int(m.group(2), 16)),
                            int(m.group(3))))
        return out

    def prompt(self, text=("$ ", "# "), timeout=10):
        """Wait until the line not yet ended ends with 'text' (a shell's
        prompt: ash's ends "# " for root, "$ " for others)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.part.decode("utf-8", "replace").endswith(text):
                    return True
            time.sleep(0.05)
        return False

    def send(self, text):
        """Type text on the serial line (needs typing=True)."""
        self.p.stdin.write(text.encode())
        self.p.stdin.flush()

    def alive(self):
        return self.p.poll() is None

    # --- guest memory through the shared RAM file -----------------------
    def peek32(self, pa):
        return int.from_bytes(self.ram[pa:pa + 4], "little")

    def poke32(self, pa, v):
        self.ram[pa:pa + 4] = (v & 0xFFFFFFFF).to_bytes(4, "little")

    def flip(self, pa, bit):
        self.ram[pa] ^= 1 << bit

    def monitor(self, command, timeout=10):
        """One human-monitor command (needs monitor=True); its output."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as m:
            m.connect(self.mon)
            m.settimeout(timeout)
            buf = b""
            while not buf.endswith(b"(qemu) "):
                buf += m.recv(4096)
            m.sendall(command.encode() + b"\n")
            buf = b""
            while not buf.endswith(b"(qemu) "):
                buf += m.recv(4096)
            return buf.decode("utf-8", "replace")

    def close(self):
        if self.p.returncode is not None and not os.path.exists(self.dir):
            return
        try:
            if self._gdb:
                self._gdb.close()
        except OSError:
            pass
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self.reader.join(5)             # it ends at the pipe's EOF
        self.p.stdout.close()           # a campaign runs thousands of guests:
        if self.p.stdin:
            self.p.stdin.close()
        atexit.unregister(self.close)   # keep neither descriptors nor guests
        if self._ram is not None:
            self._ram.close()
        for f in (self.mem, self.sock, self.mon):
            try:
                os.unlink(f)
            except OSError:
                pass
        try:
            os.rmdir(self.dir)
        except OSError:
            pass


def save_snapshot(iso, cmdline, path, ready=r"stabwork: hb 3 ", wdt=True, reboot=True,
                  setup=None):
    """Boot once, wait for 'ready' on serial and save the whole state of the
    running machine to 'path' for Guest(..., incoming=path) (a live
    migration: the state records the machine as running, so the guests
    that load it start at once).  The device set
    (wdt, reboot) must match the guests that load it.  setup(guest), if
    given, runs first (it may type on the serial line)."""
    g = Guest(iso, cmdline, wdt=wdt, reboot=reboot, gdb=False, monitor=True, typing=True)
    try:
        if setup:
            setup(g)
        if not g.wait_for(ready, 60):
            raise RuntimeError(f"snapshot: {ready!r} not seen:\n{g.output()[-2000:]}")
        g.monitor(f"migrate \"exec:cat > {path}\"")
        deadline = time.monotonic() + 60
        while "Migration status: completed" not in g.monitor("info migrate"):
            if time.monotonic() > deadline:
                raise RuntimeError("snapshot: migration did not complete")
            time.sleep(0.1)
    finally:
        g.close()
    return path

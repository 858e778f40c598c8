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


def qemu_args(iso, cmdline="", extra=()):
    args = [QEMU, "-m", "128", "-cdrom", str(iso), "-serial", "stdio",
            "-display", "none", "-monitor", "none", "-no-reboot",
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

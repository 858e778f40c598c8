"""bench_posix.py - the POSIX benchmarks of `make bench` on both guests.

The same program (bench/posix, docs/bench.md) runs on Stabilix, typed on
the serial shell of the release ISO, and on Linux, as the child of the
initramfs's /init (bench/linux/init.c), in the same QEMU configuration
(qemu-system-i386, TCG, -m 128, default CPU model).  Each run returns

    {"boot_s": host seconds from QEMU start to the prompt,
     "results": {name: {"iterations": n, "usec": t, "ns_per_op": t*1000/n}}}

Boot time: Stabilix from QEMU start to the serial shell's first "$ "
(SeaBIOS + GRUB from the CD + kernel + servers + init + sh); Linux from QEMU
start to init's first line "linux-init: up" (SeaBIOS + direct -kernel boot
+ kernel + initramfs unpacking).  Benchmark times are measured inside the
guest with gettimeofday (bench.c).  progress(line) gets one line per step.
"""
import re
import select
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "system"))
from qemu import ISO, QEMU, ROOT, Console  # noqa: E402

NAMES = ["null", "pipe", "fork", "exec", "file", "script"]
DESCRIPTIONS = {
    "null": "getppid()",
    "pipe": "1-byte ping-pong round trip, 2 processes",
    "fork": "fork + _exit + waitpid",
    "exec": "fork + exec /bench/true + waitpid",
    "file": "write 1 MiB + read back + unlink (/tmp)",
    "script": "sh /bench/steps.sh: 1,000 expr/test/pipe steps (BusyBox ash)",
}
# Boot milestones on Stabilix's serial line, in order (docs/bench.md).
MILESTONES = [("kernel entered (firmware + GRUB)", r"Stabilix kernel booting\n"),
              ("rs started (kernel set up)", r"kernel: started rs"),
              ("user land up (services, init)", r"init: Stabilix user land up"),
              ("shell prompt", r"[$#] ")]
LINE = re.compile(r"BENCH (\w+) iterations=(\d+) usec=(\d+) ns_per_op=(\d+)\n")
LINUX = ROOT / "build" / "linux"
# Linux gets what tests/system/qemu.py gives Stabilix, with -kernel for -cdrom.
COMMON = ["-m", "128", "-display", "none", "-no-reboot",
          "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]


def parse(m):
    """(name, result dict) from a LINE match."""
    n, us = int(m.group(2)), int(m.group(3))
    return m.group(1), {"iterations": n, "usec": us, "ns_per_op": us * 1000 / n}


def run_stabilix(args="all", extra=(), progress=print, timeout=900, cmdline=""):
    """Boot the release ISO (kernel command line cmdline), type
    '/bench/bench <args>' on the serial shell."""
    t0 = time.monotonic()
    with Console().start(cmdline, iso=ISO, extra=list(extra)) as c:
        milestones = {}
        for label, regex in MILESTONES:
            c.expect(regex, timeout=300)
            milestones[label] = time.monotonic() - t0
        boot = milestones["shell prompt"]
        progress(f"  stabilix: shell prompt after {boot:.2f} s; running bench {args}")
        c.send(f"/bench/bench {args}; echo bench-status=$?\r")
        results = {}
        while True:
            m = c.expect(LINE.pattern + r"|bench-status=(\d+)\n", timeout=timeout)
            if m.group(5) is not None:
                if m.group(5) != "0":
                    raise RuntimeError("bench failed on Stabilix:\n" + c.output[-2000:])
                break
            name, r = parse(m)
            results[name] = r
            progress(f"  stabilix: {m.group(0).strip()}")
    return {"boot_s": boot, "boot": milestones, "results": results}


def linux_args(args="all", extra=()):
    return [QEMU] + COMMON + ["-serial", "stdio", "-monitor", "none",
                              "-kernel", str(LINUX / "vmlinuz"),
                              "-initrd", str(LINUX / "initrd.cpio"),
                              "-append", f"console=ttyS0 quiet -- {args}"] + list(extra)


def run_linux(args="all", extra=(), progress=print, timeout=900):
    """Boot Linux with the benchmark initramfs; init runs bench and powers off."""
    for f in ("vmlinuz", "initrd.cpio"):
        if not (LINUX / f).exists():
            raise FileNotFoundError(f"{LINUX / f} is missing: run 'make linux-guest'")
    t0 = time.monotonic()
    p = subprocess.Popen(linux_args(args, extra), stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    out, boot, results, status = "", None, {}, None
    deadline = t0 + timeout
    try:
        while time.monotonic() < deadline and status is None:
            ready, _, _ = select.select([p.stdout], [], [], 0.5)
            if not ready:
                continue
            chunk = p.stdout.read1(65536)
            if not chunk:
                break
            out += chunk.decode("utf-8", "replace").replace("\r", "")
            if boot is None and "linux-init: up\n" in out:
                boot = time.monotonic() - t0
                progress(f"  linux: init up after {boot:.2f} s; running bench {args}")
            for m in LINE.finditer(out):
                if m.group(1) not in results:
                    name, results[name] = parse(m)
                    progress(f"  linux: {m.group(0).strip()}")
            done = re.search(r"linux-init: done status=(\d+)", out)
            status = int(done.group(1)) if done else None
    finally:
        if p.poll() is None:
            try:
                p.wait(timeout=20)      # init powers off after "done"
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    if status != 0 or boot is None:
        raise RuntimeError(f"bench failed on Linux (status {status}):\n" + out[-2000:])
    return {"boot_s": boot, "results": results}

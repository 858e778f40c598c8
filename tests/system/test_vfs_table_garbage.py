"""test_vfs_table_garbage.py - VFS's whole process table filled with random
bytes while the release system runs (issue 11: inherited or live
corruption must not crash a server in a loop; a check drops what fails,
says what, and the system serves again).

The host writes the bytes straight into guest RAM (tools/inject's Guest:
a shared memory backend, no pause).  VFS's heartbeat self-check must drop
every slot of a wrong shape (saying so), end the calls it held for them
with EIO instead of leaving their callers blocked for ever, and not
crash; the shells whose descriptors went with the slots end at that
error and init starts new ones, so a command typed on the serial line
runs again.  The descriptors are lost (no other copy of them exists):
that is the documented cost (docs/recovery.md).
"""
import random
import re
import struct
import sys
import time

from qemu import ROOT, ISO

sys.path.insert(0, str(ROOT / "tools" / "inject"))
import faults     # noqa: E402
import targets    # noqa: E402
from guest import Guest, symbols   # noqa: E402


def fill_vfs_procs(g, rng):
    slots = [x for x in targets.live_slots(g, symbols()) if x[2] == "vfs"]
    pgdir = struct.unpack_from("<I", slots[0][1], faults.PGDIR_OFF)[0]
    va, size = targets.server_symbol("vfs", "procs")
    done = 0
    for page in range(va & ~0xFFF, va + size, 4096):
        lo, hi = max(page, va), min(page + 4096, va + size)
        pa = faults.virt_to_phys(g, pgdir, lo)
        if pa is not None:
            g.ram[pa:pa + hi - lo] = bytes(rng.randrange(256) for _ in range(hi - lo))
            done += hi - lo
    return done, size


def test_random_bytes_in_vfs_process_table_are_dropped_and_the_shell_serves_again():
    g = Guest(ISO, "", wdt=True, reboot=True, typing=True)
    try:
        assert g.wait_for(r"init: Stabilix user land up", 90), g.output()[-2000:]
        g.prompt()
        done, size = fill_vfs_procs(g, random.Random(2026))
        assert done == size
        t = g.now()
        assert g.wait_for(r"vfs: self-check: \d+ more slots dropped", 10, since=t), \
            g.output()[-3000:]
        time.sleep(2)                   # init starts the shells again
        g.send("echo still-serv''ing\r")
        assert g.wait_for(r"^still-serving\s*$", 20, since=t), g.output()[-3000:]
        out = g.output()
        assert not re.search(r"exception in vfs|vfs died|KERNEL PANIC", out), out[-3000:]
    finally:
        g.close()

"""test_kernel_slot_garbage.py - a service's kernel process slot filled
with random bytes while the release system runs (issue 12: the
campaign's arbitrary target; DESIGN.md 5: the kernel never panics on
damage to its tables).

The host writes the bytes straight into guest RAM (tools/inject's Guest).
The kernel's checker finds the slot impossible and kills it; its
identity (page directory, privilege, generation, supervisor, name) comes
back from the checked copy kernel/ident.c keeps, so RS gets the death
report, restarts the service, and the service inherits its kept state:
the same shell answers in the same directory, a file reads back, and
the machine was not reset.  A slot whose bytes mark it free is killed
too: the copy says a process lives there.
"""
import random
import re

import pytest

import table_garbage
from table_garbage import run, shell_pid, symbols, targets
import faults    # noqa: E402  (tools/inject, on the path through table_garbage)


def fill_slot(g, name, rng, free_bit):
    """Random bytes over name's whole slot; its P_FREE flag bit set or
    clear as asked (random bytes set it half the time: such a slot looks
    free)."""
    slots = [x for x in targets.live_slots(g, symbols()) if x[2] == name]
    assert slots, g.output()[-3000:]
    addr, raw, _ = slots[0]
    junk = bytearray(rng.randrange(256) for _ in range(len(raw)))
    junk[faults.FLAGS_OFF] = (junk[faults.FLAGS_OFF] & ~1) | free_bit
    g.ram[addr:addr + len(raw)] = bytes(junk)


@pytest.mark.parametrize("server,free_bit", [("vfs", 0), ("ramfs", 0), ("vfs", 1)])
def test_a_server_slot_filled_with_random_bytes_is_killed_and_restarted_with_its_state(
        server, free_bit):
    g = table_garbage.boot()
    try:
        run(g, "echo kept > /tmp/k; echo written", r"written\s*$")
        before = shell_pid(g, "before")
        t = g.now()
        fill_slot(g, server, random.Random(12), free_bit)
        assert g.wait_for(rf"{server} \(slot \d+\): [^\n]*; killed$", 15, since=t), \
            g.output()[-3000:]
        assert g.wait_for(rf"rs: {server} serving again", 15, since=t), g.output()[-3000:]
        assert shell_pid(g, "after") == before, g.output()[-3000:]
        run(g, "pwd", r"/tmp\s*$")
        run(g, "cat /tmp/k", r"kept\s*$")
        run(g, "ls /tmp", r"k\s*$")             # a fork and an exec
        out = g.output()
        assert not re.search(r"KERNEL PANIC|Stabilix kernel booting[\s\S]*Stabilix kernel booting",
                             out), out[-3000:]
        assert "identity is lost" not in out, out[-3000:]
    finally:
        g.close()

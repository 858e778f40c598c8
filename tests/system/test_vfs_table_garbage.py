"""test_vfs_table_garbage.py - VFS's whole process table filled with random
bytes while the release system runs (issue 11: live or inherited
corruption must not crash a server in a loop nor lose user state).

The host writes the bytes straight into guest RAM (tools/inject's Guest:
a shared memory backend, no pause).  VFS keeps a second copy of every
process slot in its state region (servers/vfs/mirror.c).
- Only the table damaged: the heartbeat self-check mends every slot from
  its copy, so the shell keeps its descriptors, its cwd and the tty read
  it is waiting in: the same shell (same $$) answers in the same cwd.
- The table and its copy both damaged: the check drops every slot of a
  wrong shape (saying so), ends the calls it held for them with EIO, and
  does not crash; the shells end at that error, init starts new ones,
  and a command typed on the serial line runs again (a new $$).
"""
import random
import re
import time

from table_garbage import boot, fill, shell_pid


def no_crash(g):
    out = g.output()
    assert not re.search(r"exception in vfs|vfs died|KERNEL PANIC", out), out[-3000:]


def test_random_bytes_in_vfs_process_table_are_mended_from_the_copy_and_the_shell_keeps_its_state():
    g = boot()
    try:
        before = shell_pid(g, "before")
        fill(g, random.Random(2026), "vfs", "procs")
        t = g.now()
        assert g.wait_for(r"vfs: self-check: \d+ more slots mended from their copies", 10,
                          since=t), g.output()[-3000:]
        time.sleep(1)
        assert shell_pid(g, "after") == before, g.output()[-3000:]
        t = g.now()
        g.send("pwd\r")
        assert g.wait_for(r"^/tmp\s*$", 20, since=t), g.output()[-3000:]
        assert "slots dropped" not in g.output(), g.output()[-3000:]
        no_crash(g)
    finally:
        g.close()


def test_random_bytes_in_vfs_process_table_and_its_copy_are_dropped_and_the_shell_serves_again():
    g = boot()
    try:
        before = shell_pid(g, "before")
        fill(g, random.Random(2027), "vfs", "copies", "procs")
        t = g.now()
        assert g.wait_for(r"vfs: self-check: \d+ more slots dropped", 10, since=t), \
            g.output()[-3000:]
        time.sleep(2)                   # init starts the shells again
        assert shell_pid(g, "after") != before, g.output()[-3000:]
        no_crash(g)
    finally:
        g.close()

"""test_server_table_garbage.py - a server's main table filled with random
bytes while the release system runs (issue 11: live corruption of a
server's own memory must not crash it in a loop nor lose user state).

The host writes the bytes straight into guest RAM (tools/inject's Guest:
a shared memory backend, no pause).  PM, DS, ramfs and tty keep a second
copy of every table entry with its checksum (lib/libsys/twin.c), made on
each heartbeat, and for each entry a request changed once it is done
(PM, ramfs, DS; the tty compares its minors then).  The next self-check finds every entry of a wrong shape
and puts it back from its copy, so:
- the shell is the same process (same $$), in the same directory;
- the file written before the damage reads back the same;
- a fork and exec still work, and the server was not restarted.
RS keeps no copy: it trips over its table, the kernel restarts it and it
adopts the running services again from the kernel's table.
Both copies damaged (the table and its copy) is tried once, for tty: its
lines start over from the settings and open counts saved in DS, VFS
tries its suspended reads again, and the same shell answers.
"""
import random
import re
import time

import pytest

import table_garbage
from table_garbage import fill, run, shell_pid, symbols, targets

# server: (its table's symbol, what its log says once it is whole again)
TABLES = {
    "pm": ("mproc", r"pm: self-check: process table: \d+ entries put back from their copies, 0 dropped"),
    "ds": ("table", r"ds: self-check: key table: \d+ entries put back from their copies, 0 dropped"),
    "ramfs": ("inodes",
              r"ramfs: self-check: inode table: \d+ entries put back from their copies, 0 dropped"),
    "tty": ("ttys", r"tty: self-check: minor: entry \d+: [^\n]*: put back from its copy"),
    "rs": ("services", r"rs: restarted by the kernel \(was ep \d+\); \d+ services adopted"),
}


def boot():
    g = table_garbage.boot()
    run(g, "echo hello > /tmp/f; echo written", r"written\s*$")
    time.sleep(1.5)                     # a heartbeat or two: the copies are made
    return g


def service_row(g, server):
    t = g.now()
    g.send("service list\r")
    m = g.wait_for(rf"^{server} +\d+ +\S+ +\d+", 20, since=t)
    assert m, g.output()[-3000:]
    state, restarts = m[1].split()[2:4]
    return state, int(restarts)


def no_crash(g):
    out = g.output()
    assert not re.search(r"KERNEL PANIC|dropped \(its copy is damaged too\)", out), out[-3000:]
    assert not re.search(r"restarted \(\d+ restarts\)", out), out[-3000:]


@pytest.mark.parametrize("server", sorted(TABLES))
def test_random_bytes_over_a_server_table_are_mended_and_user_state_is_kept(server):
    sym, mended = TABLES[server]
    g = boot()
    try:
        before = shell_pid(g, "before")
        t = g.now()
        fill(g, random.Random(2026), server, sym)
        assert g.wait_for(mended, 15, since=t), g.output()[-3000:]
        time.sleep(1)
        assert shell_pid(g, "after") == before, g.output()[-3000:]
        run(g, "pwd", r"/tmp\s*$")
        run(g, "cat /tmp/f", r"hello\s*$")
        run(g, "ls /tmp", r"f\s*$")            # a fork and an exec
        state, restarts = service_row(g, server)
        assert state == "up", g.output()[-3000:]
        if server != "rs":                      # RS's own restart is the kernel's
            assert restarts == 0, g.output()[-3000:]
            no_crash(g)
    finally:
        g.close()


def test_pm_damaged_right_after_a_fork_keeps_the_new_process():
    """PM's table is filled with random bytes at once after `sleep 30 &`,
    before PM's next heartbeat could copy the new entry: the copy was
    taken when the fork was done (pm_settle), so the entry comes back as
    it is, and the shell can still kill and wait for its job.  Three
    times: a copy taken on the heartbeat alone would lose at least one."""
    g = boot()
    try:
        for i in range(3):
            writes = targets.server_symbol_garbage(g, symbols(), random.Random(i), "pm", "mproc")
            t = g.now()
            g.send("sleep 30 & echo job=$!\r")
            m = g.wait_for(r"job=(\d+)", 20, since=t)
            assert m, g.output()[-3000:]
            targets.write_all(g, writes)
            assert g.wait_for(TABLES["pm"][1], 15, since=t), g.output()[-3000:]
            run(g, "kill $!; wait $!; echo status=$?", r"status=143\s*$")
        run(g, "ls /tmp", r"f\s*$")
        no_crash(g)
    finally:
        g.close()


def test_ramfs_damaged_right_after_a_write_keeps_the_file():
    """ramfs's inode table is filled with random bytes at once after a new
    file is written, before ramfs's next heartbeat could copy its inode
    (and its directory's, which grew): the copies were taken when each
    request was done (inode_settle), so the file reads back whole."""
    g = boot()
    try:
        for i in range(3):
            writes = targets.server_symbol_garbage(g, symbols(), random.Random(i), "ramfs",
                                                   "inodes")
            t = g.now()
            run(g, f"echo round{i} > /tmp/g{i}; echo wrote{i}", rf"wrote{i}\s*$")
            targets.write_all(g, writes)
            assert g.wait_for(TABLES["ramfs"][1], 15, since=t), g.output()[-3000:]
            run(g, f"cat /tmp/g{i}", rf"round{i}\s*$")
        run(g, "cat /tmp/f", r"hello\s*$")
        no_crash(g)
    finally:
        g.close()


def test_ds_damaged_right_after_a_publish_keeps_the_key():
    """`service down counter` makes RS publish counter's row (stopped) in
    DS on its next tick; DS's key table is filled with random bytes at
    once after, before DS's heartbeat could copy the changed entry: the
    copy was taken when the publish was done (store_keep), so an RS that
    crashes next still learns from DS that counter stays stopped."""
    g = boot()
    try:
        writes = targets.server_symbol_garbage(g, symbols(), random.Random(7), "ds", "table")
        run(g, "service down counter; echo stopped", r"stopped\s*$")
        time.sleep(0.07)                # RS's tick (50 ms) publishes the row
        t = g.now()
        targets.write_all(g, writes)
        assert g.wait_for(TABLES["ds"][1], 15, since=t), g.output()[-3000:]
        run(g, "service fi rs crash; echo asked", r"asked\s*$")
        assert g.wait_for(r"rs: counter stays stopped", 15, since=t), g.output()[-3000:]
        no_crash(g)
    finally:
        g.close()


def test_tty_damaged_right_after_a_keystroke_keeps_the_line():
    """Half a line typed, the tty's minors filled with random bytes at
    once after the last keystroke: the copy was taken when that keystroke
    had been handled (the settle hook), so the line comes back whole and
    the rest typed after it completes the command."""
    g = boot()
    try:
        for i in range(3):
            writes = targets.server_symbol_garbage(g, symbols(), random.Random(i), "tty", "ttys")
            t = g.now()
            g.send(f"echo par{i}")
            time.sleep(0.3)             # typed and echoed; no line end yet
            targets.write_all(g, writes)
            assert g.wait_for(TABLES["tty"][1], 15, since=t), g.output()[-3000:]
            run(g, "tial", rf"par{i}tial\s*$")
        no_crash(g)
    finally:
        g.close()


def test_init_with_its_notes_in_pm_damaged_finds_its_shells_by_the_terminals():
    """init notes each shell's pid in PM (a hint for its restart); with
    those notes filled with random bytes, a restarted init trusts none that
    is not a running child of its own and finds both shells from the
    terminals' foreground groups: the same serial shell answers."""
    g = boot()
    try:
        before = shell_pid(g, "before")
        fill(g, random.Random(11), "pm", "notes")
        t = g.now()
        g.send("kill -9 1\r")
        assert g.wait_for(r"init: restarted; 2 shells kept on /dev/tty0 /dev/ttyS0 "
                          r"\(found by the terminals\)", 20, since=t), g.output()[-3000:]
        assert shell_pid(g, "after") == before, g.output()[-3000:]
        no_crash(g)
    finally:
        g.close()


def test_random_bytes_over_the_tty_table_and_its_copies_restart_the_lines():
    g = boot()
    try:
        before = shell_pid(g, "before")
        t = g.now()
        fill(g, random.Random(2027), "tty", "ttys", "copies", "sums")
        assert g.wait_for(r"tty: self-check: minor: \d+ entries put back from their copies, "
                          r"[1-9]\d* dropped|tty: self-check: minor: entry \d+: [^\n]*: "
                          r"dropped \(its copy is damaged too\)", 15, since=t), g.output()[-3000:]
        time.sleep(1)
        assert shell_pid(g, "after") == before, g.output()[-3000:]
        run(g, "cat /tmp/f", r"hello\s*$")
        state, _ = service_row(g, "tty")
        assert state == "up", g.output()[-3000:]
        assert "KERNEL PANIC" not in g.output(), g.output()[-3000:]
    finally:
        g.close()

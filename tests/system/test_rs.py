"""test_rs.py - the reincarnation server: restarts with backoff and a
limit, heartbeats, exceptions with state restored from DS, RS itself
restarted by the kernel, and bad or unprivileged requests.

Each test boots the kernel with only rs (start=rs); rs starts the listed
services (rs_start=...) and svctest drives rs through its protocol.
"""
import re
import struct
import sys
import time
from pathlib import Path

from qemu import boot
from shell import boot_shell, run

ROOT = Path(__file__).resolve().parents[2]


def rs_boot(services, scenario, timeout=180):
    cmd = f"start=rs rs_start={','.join(services)} svctest={scenario}"
    b = boot(cmd, timeout=timeout)
    assert not b.timed_out, f"no power-off:\n{b.tail(60)}"
    failed = b.lines("not ok")
    assert not failed, "\n".join(failed) + "\n" + b.tail(40)
    assert f"svctest {scenario}: PASS" in b.output, b.tail(40)
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output
    return b


def test_crash_20_times_backoff_cap_and_limit():
    b = rs_boot(["ds", "victim", "svctest"], "crash20", timeout=240)
    assert "ok - victim came back with a new endpoint, found via DS, 20 times (20)" in b.output
    assert "ok - the old endpoint gave EDEADSRCDST after each crash (20 of 20)" in b.output
    delays = [int(d) for d in re.findall(r"rs: victim died \(exit 70\); restart \d+ in (\d+) ticks",
                                         b.output)]
    # first restart at once, then doubling, capped at the service's backoff (16)
    assert delays == [0, 1, 2, 4, 8, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16], delays
    assert "rs: victim failed 21 times in a row; left down (last: exit 70)" in b.output
    assert "ok - after the 21st failure: state 4, reason 'exit 70'" in b.output
    assert "ok - and it stays down" in b.output


def test_ds_keeps_its_store_across_its_own_failures():
    """DS's store lives in its state region (kernel/keep.c): after a crash
    and an exception of DS, the counter's key is still there, so a counter
    crashed afterwards comes back with its count (with the store lost it
    would come back with 0)."""
    b = rs_boot(["ds", "counter", "svctest"], "dscrash")
    assert re.search(r"ds: restarted \(1 restarts\): \d+ keys kept", b.output), b.tail(40)
    assert re.search(r"ds: restarted \(2 restarts\): \d+ keys kept", b.output), b.tail(40)
    assert "counter: restarted (restart 1), count is 5" in b.output, b.tail(40)
    assert "ok - its count came back from the kept store: 5" in b.output


def test_hung_service_found_by_heartbeats():
    b = rs_boot(["ds", "victim_hb", "svctest"], "heartbeat")
    assert "rs: victim_hb missed 2 heartbeats (10 ticks each); killing it" in b.output
    assert "ok - service list says why: 'no heartbeat'" in b.output
    m = re.search(r"hung victim_hb replaced after (\d+) ticks", b.output)
    assert m and 10 <= int(m.group(1)) <= 35


def test_exception_restart_restores_state_from_ds():
    b = rs_boot(["ds", "counter", "svctest"], "exception")
    assert re.search(r"kernel: exception in counter ep=\d+ vec=14", b.output)
    assert "counter: restarted (restart 1), count is 5" in b.output
    assert "ok - its count was restored from DS: 5" in b.output
    assert "ok - and continues: 6" in b.output


def test_rs_killed_is_restarted_by_the_kernel_and_rebuilds_its_table():
    b = rs_boot(["ds", "counter", "victim", "svctest"], "rskill")
    assert re.search(r"kernel: rs restarted \(ep \d+\)", b.output)
    assert re.search(r"rs: restarted by the kernel \(was ep \d+\); \d+ services adopted", b.output)
    assert "ok - every service kept its endpoint, state and restart count" in b.output
    assert re.search(r"svctest: victim ep \d+ state 1 restarts 1", b.output)
    assert "ok - the new rs restarts a crashed service" in b.output


def test_down_up_restart_on_request():
    b = rs_boot(["ds", "counter", "svctest"], "updown")
    assert "rs: counter stopped" in b.output
    assert "ok - up while running: EBUSY" in b.output


def test_malformed_requests_change_nothing():
    b = rs_boot(["ds", "counter", "victim", "svctest"], "malformed")
    for line in ["label without a NUL: EINVAL", "unknown label: ESRCH",
                 "unknown fault kind: EINVAL", "unknown request type: EBADREQUEST",
                 "list index past the end: ESRCH", "the service list did not change"]:
        assert "ok - " + line in b.output, line


def test_non_administrators_are_refused():
    b = rs_boot(["ds", "counter", "svcuser"], "nonadmin")
    assert "ok - down from a non-administrator: EPERM" in b.output
    assert "ok - list from a non-administrator: EPERM" in b.output


def wait_since(c, mark, regex, timeout=30):
    """The first match of regex in what the console printed after mark."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        m = re.search(regex, c.since(mark))
        if m:
            return m
        time.sleep(0.05)
    raise TimeoutError(f"no {regex!r}:\n{c.since(mark)[-2000:]}")


def test_counter_restarted_twice_from_the_shell_in_the_release_image():
    """The release ISO (rs starts ds, tty, ramfs, vfs, counter and pm by
    itself): 'service fi counter crash' on the serial shell, twice.  Each
    time RS restarts it at once under a new endpoint, the restart number
    continues (1, then 2) and the new instance restores its count from DS.
    Nothing in the release image increments the counter (no user program
    may call it), so the restored count is the stored 0; the restore of a
    non-zero count is test_exception_restart_restores_state_from_ds."""
    c = boot_shell()
    try:
        for label in ("ds", "tty", "ramfs", "vfs", "counter", "pm"):
            assert re.search(rf"rs: {label} up \(ep \d+\)", c.output), label
        eps = [int(re.search(r"rs: counter up \(ep (\d+)\)", c.output).group(1))]
        for k in (1, 2):
            mark = c.mark()
            out, status = run(c, "service fi counter crash")
            assert status == 0, out
            wait_since(c, mark, rf"rs: counter died \([^)]*\); restart {k} in \d+ ticks")
            m = wait_since(c, mark, rf"counter: restarted \(restart {k}\), count is (\d+)")
            assert int(m.group(1)) == 0
            m = wait_since(c, mark, rf"rs: counter up again \(ep (\d+), restart {k},")
            eps.append(int(m.group(1)))
        assert len(set(eps)) == 3, eps
        out, status = run(c, "service list")
        row = [l.split() for l in out.splitlines() if l.startswith("counter ")]
        assert status == 0 and len(row) == 1, out
        assert int(row[0][1]) == eps[-1] and row[0][2] == "up" and int(row[0][3]) == 2, out
        time.sleep(1.0)                 # 5 of RS's ping periods (20 ticks): it answers them
        assert c.output.count("rs: counter died") == 2, c.output[-2000:]
        assert "counter missed" not in c.output, c.output[-2000:]
    finally:
        c.close()


def test_a_restarted_rs_keeps_a_stopped_service_down():
    """`service down counter`, then RS crashes: the kernel restarts RS,
    which adopts the running services and learns from DS that counter was
    stopped on request, so it does not start it again; `service up`
    still brings it back."""
    c = boot_shell()
    try:
        out, status = run(c, "service down counter")
        assert status == 0, out
        mark = c.mark()
        out, status = run(c, "service fi rs crash")
        assert status == 0, out
        wait_since(c, mark, r"rs: restarted by the kernel \(was ep \d+\); \d+ services adopted")
        wait_since(c, mark, r"rs: counter stays stopped")
        # it times itself from its predecessor's end (GI_STATE); the first RS does not
        wait_since(c, mark, r"rs: rs serving again \d+\.\d{3} ms after it died "
                   r"\(its own start \d+ us\)")
        assert "rs: rs serving again" not in c.output[:mark], c.output[:mark]
        time.sleep(1.0)
        out, status = run(c, "service list")
        row = [l.split() for l in out.splitlines() if l.startswith("counter ")]
        assert status == 0 and row and row[0][2] == "down" and row[0][-1] == "stopped", out
        assert "rs: counter up" not in c.since(mark), c.since(mark)
        out, status = run(c, "service up counter")
        assert status == 0, out
        out, status = run(c, "service list")
        row = [l.split() for l in out.splitlines() if l.startswith("counter ")]
        assert row and row[0][2] == "up", out
    finally:
        c.close()


def test_a_fault_asked_for_before_rs_fails_is_still_delivered():
    """A fault for PM (kept by RS for its next tick: PM itself passes the
    request on) and one for RS itself, asked at once: RS fails on that
    tick before delivering PM's; the restarted RS learns of it from DS and
    delivers it, so PM crashes and comes back."""
    c = boot_shell()
    try:
        mark = c.mark()
        c.send("/test/fipair pm crash rs crash\r")
        wait_since(c, mark, r"fipair: both asked")
        wait_since(c, mark, r"rs: restarted by the kernel \(was ep \d+\); \d+ services adopted")
        wait_since(c, mark, r"rs: the fault asked for pm before my restart is still to come")
        wait_since(c, mark, r"pm: restarted \(1 restarts\): \d+ processes kept")
        out, status = run(c, "echo pm-ser''ves")
        assert (out, status) == ("pm-serves\n", 0)
    finally:
        c.close()


def test_a_damaged_pristine_image_is_fetched_again_and_its_service_restarted():
    """The host flips a bit of RS's pristine copy of DS's image (the first
    one RS loads; RS's memory, through the shared RAM file).  RS's scrub
    finds the damaged chunk within one pass, fetches the image again from
    the boot module, and restarts DS, which runs from the damaged bytes."""
    sys.path.insert(0, str(ROOT / "tools" / "inject"))
    import faults
    from guest import Guest, symbols
    from qemu import TEST_ISO
    src = (ROOT / "servers/rs/image.c").read_text()    # RS maps its pool there
    rs_pool = int(re.search(r"#define POOL_BASE\s+(0x[0-9a-f]+)u", src).group(1), 16)
    g = Guest(TEST_ISO, "start=rs rs_start=ds,counter", gdb=False)
    try:
        assert g.wait_for(r"rs: counter up", 40), g.output()[-2000:]
        _, raw = faults.find_slot(g, symbols(), "rs")
        pgdir = struct.unpack_from("<I", raw, faults.PGDIR_OFF)[0]
        pa = faults.virt_to_phys(g, pgdir, rs_pool + 1000)     # DS's image, byte 1000
        assert pa is not None
        g.flip(pa, 3)
        assert g.wait_for(r"rs: image of ds damaged at byte 0; fetched again", 30), \
            g.output()[-2000:]
        assert g.wait_for(r"rs: restarting ds: it runs from the damaged image", 5)
        assert g.wait_for(r"ds: restarted \(1 restarts\): \d+ keys kept", 10), g.output()[-2000:]
    finally:
        g.close()

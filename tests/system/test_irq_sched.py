"""test_irq_sched.py - interrupts reach their driver as notifications and
stay masked until it re-enables the line; priority round-robin shares the
CPU between equals and starves nobody above a lower priority."""
import re
from qemu import boot, start


def test_irq_notifications_and_reenable():
    # a second serial port (COM2) gives the driver a device that interrupts
    b = boot(start("irqtest"), extra=["-serial", "null"], timeout=60)
    assert not b.timed_out, b.tail()
    assert not b.lines("not ok"), b.tail()
    assert "irqtest: 20 of 20 interrupts arrived as notifications" in b.output
    assert "ok - no notification while the line stays masked" in b.output
    assert "ok - the interrupt arrives once the line is enabled" in b.output
    assert "irqtest: PASS" in b.output and b.status == 0


def test_round_robin_within_a_priority_and_strict_between():
    b = boot(start("schedctl", "spin_hi1", "spin_hi2", "spin_lo"), timeout=120)
    assert not b.timed_out, b.tail()
    assert "schedtest: hi1 100, hi2 100, lo 0 while they ran, lo 3 after" in b.output, b.tail()
    # Equal quanta (2 ticks, tests.conf): when one spinner has done 50
    # rounds the other has done 46 to 49 (measured), and neither ever led by
    # more than 10 rounds, about one quantum.  Bounds: within 1.5:1 at half
    # time, and a lead of at most a quarter of the run over the whole run
    # (a round's length follows the host's speed, a ratio does not).
    m = re.search(r"half done the other had done (\d+) rounds", b.output)
    assert m and int(m.group(1)) >= 34, b.tail()
    m = re.search(r"the largest lead while both ran was (\d+) rounds", b.output)
    assert m and int(m.group(1)) <= 25, b.tail()
    assert "schedtest: PASS" in b.output and b.status == 0


def test_fpu_state_is_per_process():
    b = boot(start("fpuctl", "fpu_a", "fpu_b"), timeout=120)
    assert not b.timed_out, b.tail()
    assert "fputest: fpu_a summed 8388608 (expected 8388608)" in b.output, b.tail()
    assert "fputest: fpu_b summed 16777216 (expected 16777216)" in b.output, b.tail()
    assert "fputest: PASS" in b.output and b.status == 0

"""test_stress.py - 10 processes, 100,000 checksummed calls (200,000
messages): every call is served exactly once, nothing is lost, duplicated
or corrupted."""
import re
from qemu import boot, start


def test_stress_100000_calls_nothing_lost_or_duplicated():
    labels = ["stress_ctl", "stress_s0", "stress_s1"] + [f"stress_c{i}" for i in range(8)]
    b = boot(start(*labels), timeout=300)
    assert not b.timed_out, b.tail()
    for i in range(8):
        assert f"stress: client {i}: 12500 calls served" in b.output, b.tail()
    m = re.search(r"stress: 100000 calls \(200000 messages\) in \d+ ticks: 0 bad replies, "
                  r"0 lost, 0 duplicated, 0 corrupted", b.output)
    assert m, b.tail()
    assert "stress: PASS" in b.output
    assert b.status == 0

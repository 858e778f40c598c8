"""test_stress.py - 10 processes, 100,000 checksummed calls (200,000
messages): every call is served exactly once, nothing is lost, duplicated
or corrupted.  Each client's digest of the replies it received is
recomputed here from the same request generator (user/tests/stress)."""
import re
from qemu import boot, start

M32 = 0xFFFFFFFF


def reply_digest(cid, calls=12500, servers=2):
    """What client cid must print: FNV-style fold of the 14 words of every
    reply (the server echoes the request, word 0 replaced by its sum)."""
    seq, rnd, digest = [0] * servers, (cid * 2654435761 + 1) & M32, 0x811c9dc5
    for n in range(calls):
        s = (n + cid) % servers
        words = [cid, seq[s]]
        seq[s] += 1
        for _ in range(11):
            rnd = (rnd * 1103515245 + 12345) & M32
            words.append(rnd)
        total = 0x9e3779b9
        for w in words:
            total = ((total ^ w) * 16777619) & M32
        for w in [total] + words[1:] + [total]:
            digest = ((digest ^ w) * 16777619) & M32
    return digest


def test_stress_100000_calls_nothing_lost_or_duplicated():
    labels = ["stress_ctl", "stress_s0", "stress_s1"] + [f"stress_c{i}" for i in range(8)]
    b = boot(start(*labels), timeout=300)
    assert not b.timed_out, b.tail()
    for i in range(8):
        assert f"stress: client {i}: 12500 calls served" in b.output, b.tail()
        assert f"stress: client {i}: reply digest {reply_digest(i):08x}" in b.output, b.tail()
    m = re.search(r"stress: 100000 calls \(200000 messages\) in \d+ ticks: 0 bad replies, "
                  r"0 lost, 0 duplicated, 0 corrupted", b.output)
    assert m, b.tail()
    assert "stress: PASS" in b.output
    assert b.status == 0

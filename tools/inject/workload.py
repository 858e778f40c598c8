"""workload.py - the host's side of /test/loadwork (user/tests/posix/
loadwork.c), the campaign's workload on the release system.

Round n writes content(n) to a file and prints, in one line,
    lw: hb <n> <crc> <len> /tmp/lw/f = <crc> <len>
what /bin/cksum printed for the file and for `cat file | cksum`.  The
host computes both from content(n) itself: a heartbeat is right only if
it parses, both results equal the host's, and n is one more than the
previous heartbeat's (the first after a (re)start may be any n).
"""
import re

HB_RE = re.compile(r"^lw: hb (\d+) (\d+) (\d+) /tmp/lw/f = (\d+) (\d+)$")
MARK = "lw: "                       # any line with it that does not parse is garbled
COMMAND = "/test/loadwork {first}"

_table = []


def _crc_table():
    if not _table:
        for i in range(256):
            c = i << 24
            for _ in range(8):
                c = ((c << 1) ^ 0x04C11DB7) if c & 0x80000000 else c << 1
            _table.append(c & 0xffffffff)
    return _table


def posix_cksum(data):
    """POSIX cksum of data (what /bin/cksum prints first)."""
    table, crc = _crc_table(), 0
    for b in data:
        crc = ((crc << 8) ^ table[((crc >> 24) ^ b) & 0xff]) & 0xffffffff
    n = len(data)
    while n:
        crc = ((crc << 8) ^ table[((crc >> 24) ^ (n & 0xff)) & 0xff]) & 0xffffffff
        n >>= 8
    return (~crc) & 0xffffffff


def content(n):
    return bytes((i * 31 + n * 7) & 255 for i in range(2000 + (n % 13) * 97))


_expected = {}


def expected(n):
    """(crc, len) the round n must print, twice."""
    if n not in _expected:
        data = content(n)
        _expected[n] = (posix_cksum(data), len(data))
    return _expected[n]


def judge(line):
    """None for a line that is not the workload's; else (n, right) with n
    None for a garbled line (right False)."""
    if MARK not in line:
        return None
    m = HB_RE.search(line.strip())
    if not m:
        return (None, False)
    n, c1, l1, c2, l2 = (int(x) for x in m.groups())
    want = expected(n)
    return (n, (c1, l1) == want and (c2, l2) == want)

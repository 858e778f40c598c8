"""test_newlib.py - a C program linked against newlib runs on Stabilix.

tests/newlib/libctest.c (with the test-only system-call glue
tests/newlib/glue.c) checks stdio formatting (integers, strings, x87
floating point), strtol, qsort, string.h, malloc/realloc/free,
setjmp/longjmp and libm, each against an exact expected value.  The first
run builds newlib (tools/newlib.sh, about 45 s, cached under
build/newlib); the test then boots its own ISO: the kernel, a one-service
description and the program, which powers off with status 0 on success.
"""
import re
import shutil
import subprocess

import pytest
from qemu import ROOT, boot

CONF = """# libctest.conf - written by tests/system/test_newlib.py
service libctest
    parent   none
    calls    exit getinfo diag shutdown
"""

# Every check the program makes, with the exact value it printed: a check
# that silently disappears fails the test as surely as a wrong value.
EXPECTED = [
    "ok - snprintf %d %x %s: -42 beef str",
    "ok - snprintf width, flags, %X %o %c:     7|ab  |00C0FFEE|+5|10|z|%",
    "ok - snprintf %lld %llu %zu %jd: -1234567890123|18446744073709551615|8|-9223372036854775808",
    "ok - snprintf truncates to the buffer and returns the full length",
    "ok - float: snprintf %f %.3f %e %g: 3.141590 -2.500 1.234568e+04 0.0001",
    "ok - float: snprintf rounding: 3333333333.33|0.300000|0.10000000000000001",
    "ok - float: strtod: 2500.0",
    "ok - float: sscanf %d %s %lf: 3 12 abc 3.50",
    "ok - strtol base 0 reads -0x1f and stops at 'z'",
    "ok - strtol base 8: 511",
    "ok - strtol base 36: 1295",
    "ok - strtol overflow gives LONG_MAX and ERANGE",
    "ok - strtoul 4294967295",
    "ok - atoi: 123",
    "ok - qsort sorts 1000 ints and keeps them",
    "ok - qsort strings with strcmp: apple banana cherry date fig pear",
    "ok - strlen: 12",
    "ok - strcmp orders strings",
    "ok - strncmp, strcasecmp",
    "ok - memcpy copies exactly the bytes asked",
    "ok - memmove with overlap: 121234589",
    "ok - strncpy pads with NULs",
    "ok - strchr strrchr strstr",
    "ok - strtok: abc",
    "ok - strdup, toupper: COPY ME",
    "ok - malloc 300 blocks of 1..2000 bytes",
    "ok - every block keeps its contents",
    "ok - realloc grows blocks and keeps their contents",
    "ok - after free and realloc, all 300 blocks are intact and distinct",
    "ok - realloc shrinks and keeps the prefix",
    "ok - calloc returns zeroed memory",
    "ok - malloc 600 KiB after freeing everything",
    "ok - malloc beyond the arena fails with ENOMEM",
    "ok - longjmp from 20 frames deep: setjmp returns 42",
    "ok - longjmp(env, 0) makes setjmp return 1",
    "ok - float: libm sqrt sin pow exp log: 1.4142135624 0.500000 1024.0 10.000000",
    "ok - float: sqrt and sin are accurate to 1e-15",
    "ok - float: atan2 floor ceil cos, sqrt(-1) is NaN",
    "ok - open fails with ENOSYS",
    "ok - fopen fails cleanly",
    "ok - fprintf to stderr reaches the log",
]


@pytest.fixture(scope="module")
def libctest_iso(tmp_path_factory):
    """Build newlib (if not cached), libctest and the kernel; make the ISO."""
    r = subprocess.run(["make", "--no-print-directory", "-f", "Makefile", "-f", "mk/newlib.mk",
                        "build/kernel.elf", "build/bin/libctest"],
                       cwd=ROOT, capture_output=True, text=True, timeout=1200)
    if r.returncode != 0:
        pytest.fail("building libctest failed:\n" + "\n".join(
            (r.stdout + r.stderr).splitlines()[-60:]))
    d = tmp_path_factory.mktemp("newlib")
    conf, iso = d / "libctest.conf", d / "libctest.iso"
    conf.write_text(CONF)
    subprocess.run(["tools/mkiso.sh", str(iso), "build/kernel.elf", str(conf),
                    "build/bin/libctest"], cwd=ROOT, check=True, capture_output=True)
    yield iso
    shutil.rmtree(str(iso) + ".root", ignore_errors=True)


def test_c_program_linked_against_newlib(libctest_iso):
    b = boot(iso=libctest_iso, timeout=120)
    assert not b.timed_out, b.tail()
    assert "KERNEL PANIC" not in b.output, b.tail()
    assert re.search(r"^libctest: newlib \d+\.\d+", b.output, re.M), b.tail()
    assert not b.lines("not ok"), "\n".join(b.lines("not ok"))
    lines = set(b.lines("ok - "))
    missing = [e for e in EXPECTED if e not in lines]
    assert not missing, "missing:\n" + "\n".join(missing) + "\n--- output:\n" + b.tail(60)
    assert "libctest: PASS" in b.output and b.status == 0, b.tail()

"""test_drivers.py - the character- and block-driver libraries
(lib/libsys/chardriver.c, blockdriver.c) through their demo drivers.

Each scenario of user/tests/drvtest runs in its own fresh boot with only
the driver it needs; drvtest prints one "ok - <what>: <result>" line per
check (with the error name or byte count it really got) and powers off
with status 0 only if all passed.  Besides the verdict we assert on the
lines that prove each property of the protocol helpers.
"""
import pytest
from qemu import boot, start

CHAR = [
    # open/close and minors
    "ok - open minor 0: OK",
    "ok - open minor 2: ENXIO",
    "ok - open minor -1: ENXIO",
    "ok - close minor 7: ENXIO",
    "ok - close minor 1: OK",
    # the zero device
    "ok - zero: read 300 bytes: 300 bytes",
    "ok - zero: the 300 bytes are zeros, the byte after is untouched",
    "ok - zero: the 5000 bytes are zeros",
    "ok - zero: write 100 bytes: 100 bytes",
    "ok - zero: still zeros after the write",
    "ok - zero: ioctl 1: EINVAL",
    # the buffer device: data verified by content, EOF
    "ok - buffer: read while empty (EOF): 0 bytes",
    "ok - buffer: write 1000 bytes at 0: 1000 bytes",
    "ok - buffer: read back the written pattern",
    "ok - buffer: read 4096 at 0 stops at the stored end: 2100 bytes",
    "ok - buffer: contents match (overwrite in place, gap reads as zeros)",
    "ok - buffer: read at the stored end (EOF): 0 bytes",
    "ok - buffer: read 100 at 2050 gives the last 50: 50 bytes",
    "ok - ioctl 1 says 2100 bytes stored",
    "ok - buffer: write 200 bytes at 4000 is cut at 4096: 96 bytes",
    "ok - buffer: write at 4096 (full): ENOSPC",
    "ok - buffer: now 4096 bytes stored",
    # bad requests
    "ok - read minor 2: ENXIO",
    "ok - write minor -5: ENXIO",
    "ok - request type CDEV_BASE+5: EBADREQUEST",
    "ok - request type 0: EBADREQUEST",
    "ok - a block request (BDEV_WRITE): EBADREQUEST",
    "ok - zero: read 65536 bytes (the limit): 65536 bytes",
    "ok - zero: read 65537 bytes (over the limit): EINVAL",
    "ok - zero: write 65537 bytes (over the limit): EINVAL",
    "ok - buffer: write 65537 bytes (over the limit): EINVAL",
    "ok - zero: read 512 bytes at 0xffffff00 (position wraps around): EINVAL",
    "ok - unknown ioctl 7: EINVAL",
    "ok - ioctl 1 with a 2-byte buffer: EINVAL",
    "ok - ioctl on minor 9: ENXIO",
    # grant errors come back from safecopy unchanged
    "ok - write with a grant for another grantee: EPERM",
    "ok - read into a read-only grant: EPERM",
    "ok - the read-only buffer was not written",
    "ok - read zeros into a read-only grant: EPERM",
    "ok - write from a write-only grant: EPERM",
    "ok - write with a revoked grant: EINVAL",
    "ok - read with a revoked grant: EINVAL",
    "ok - write of 100 bytes through a 50-byte grant: ERANGE",
    "ok - ioctl 1 into a read-only grant: EPERM",
    # ... and change nothing
    "ok - after bad minors: buffer unchanged",
    "ok - after bad request types: buffer unchanged",
    "ok - after bad sizes: buffer unchanged",
    "ok - after the wrong grantee: buffer unchanged",
    "ok - after the wrong access: buffer unchanged",
    "ok - after revoked and short grants: buffer unchanged",
    "ok - after bad ioctls and a notification: buffer unchanged",
    "ok - after writes at the end: buffer unchanged",
]

BLOCK = [
    "ok - open minor 0: OK",
    "ok - open minor 1: ENXIO",
    "ok - BIOC_GETSIZE: OK",
    "ok - BIOC_GETSIZE says 262144 bytes",
    "ok - BIOC_GETSIZE into 4 bytes: EINVAL",
    "ok - unknown ioctl 99: EINVAL",
    "ok - BIOC_GETSIZE into a read-only grant: EPERM",
    # transfers verified by content
    "ok - a fresh disk reads as zeros",
    "ok - write sectors 10-13: 2048 bytes",
    "ok - read back sectors 10-13: the pattern",
    "ok - sectors 9 and 14 are still zeros",
    "ok - write 64 KiB at 128 KiB (the limit): 65536 bytes",
    "ok - read back the 64 KiB",
    # the end of the disk
    "ok - read back the last sector",
    "ok - read 2 sectors from the last one (cut at the end): 512 bytes",
    "ok - got the last sector, nothing after it",
    "ok - read at the end (EOF): 0 bytes",
    "ok - read at 4 GiB (64-bit position, EOF): 0 bytes",
    "ok - write at the end: ENOSPC",
    "ok - write 2 sectors from the last one (cut at the end): 512 bytes",
    # bad requests
    "ok - read at an unaligned position: EINVAL",
    "ok - write at an unaligned position: EINVAL",
    "ok - write of 511 bytes: EINVAL",
    "ok - write of 513 bytes: EINVAL",
    "ok - write of 64 KiB + 512 (over the limit): EINVAL",
    "ok - read of 64 KiB + 512 (over the limit): EINVAL",
    "ok - read minor 1: ENXIO",
    "ok - request type BDEV_BASE+5: EBADREQUEST",
    "ok - a character request (CDEV_WRITE): EBADREQUEST",
    "ok - write with a grant for another grantee: EPERM",
    "ok - read into a read-only grant: EPERM",
    "ok - the read-only buffer was not written",
    "ok - write from a write-only grant: EPERM",
    "ok - write with a revoked grant: EINVAL",
    "ok - write of 2 sectors through a 1-sector grant: ERANGE",
    # ... and change nothing
    "ok - after the writes: disk unchanged",
    "ok - after transfers at the end: disk unchanged",
    "ok - after unaligned and oversized requests: disk unchanged",
    "ok - after bad minors, request types and a notification: disk unchanged",
    "ok - after bad grants: disk unchanged",
    "ok - close minor 0: OK",
]

SCENARIOS = {
    "char": ("cdevdemo", CHAR),
    "block": ("bdevdemo", BLOCK),
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_driver_library(scenario):
    driver, lines = SCENARIOS[scenario]
    b = boot(start(driver, "drvtest", drvtest=scenario), timeout=120)
    assert not b.timed_out, f"no power-off within the bound:\n{b.tail()}"
    failed = b.lines("not ok")
    assert not failed, "\n".join(failed)
    for line in lines:
        assert line in b.output, f"missing {line!r}:\n{b.tail()}"
    assert f"drvtest {scenario}: PASS" in b.output, b.tail()
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output
    assert "kernel: exception" not in b.output


def test_unknown_scenario_fails():
    b = boot(start("drvtest", drvtest="nosuch"), timeout=120)
    assert "drvtest: unknown scenario 'nosuch'" in b.output, b.tail()
    assert b.status == 2

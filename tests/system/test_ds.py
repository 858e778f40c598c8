"""test_ds.py - the data store (servers/ds), one fresh boot per scenario.

Every scenario of user/tests/dstest runs in its own boot with DS and the
test services (tests/system/ds.conf): dstest is the controller, dsother a
second owner, dssub a subscriber, dsunpriv a service without ipc to ds.
The controller prints one "ok - ..." line per check (with the error names
DS really returned) and powers off with status 0 only if all passed.
Besides the verdict we assert on the specific lines that prove each
property.
"""
import pytest
from qemu import boot, start

SERVICES = ("ds", "dstest", "dsother", "dssub", "dsunpriv")

SCENARIOS = {
    "types": [
        "ok - publish u32: OK",
        "ok - retrieve u32: OK value 42",
        "ok - publish label by dstest (not rs): EPERM",
        "ok - refused label was not stored: ESRCH",
        "ok - retrieve a missing key: ESRCH",
        "ok - retrieve by another service: OK",
        "ok - retrieve string: OK 'hello, world'",
        "ok - retrieve string into 12 bytes: E2BIG",
        "ok - publish string of DS_STR_MAX bytes: OK",
        "ok - publish string of DS_STR_MAX+1 bytes: E2BIG",
        "ok - retrieve blob of 300 bytes",
        "ok - too small: E2BIG and len = 300 needed",
        "ok - publish blob of DS_BLOB_MAX: OK",
        "ok - publish blob of DS_BLOB_MAX+1: E2BIG",
        "ok - retrieve empty blob: OK len 0",
        "ok - retrieve string as u32: EINVAL",
        "ok - retrieve u32 as string: EINVAL",
        "ok - every value is still intact",
    ],
    "overwrite": [
        "ok - overwrite o.a = 2: OK",
        "ok - o.a is 2",
        "ok - overwrite o.b longer: OK",
        "ok - o.c intact after o.b moved in the pool",
        "ok - overwrite u32 o.a with a string: OK",
        "ok - o.a as u32 after the type change: EINVAL",
        "ok - o.b is 7 and o.c intact",
        "ok - o.c has the new 20 bytes",
    ],
    "delete": [
        "ok - delete by another service: EPERM",
        "ok - d.a intact after the refused delete",
        "ok - delete d.a by its owner: OK",
        "ok - retrieve after delete: ESRCH",
        "ok - delete again: ESRCH",
        "ok - d.t intact after d.s left the pool",
        "ok - dsother publishes the deleted key d.a: OK",
        "ok - d.a now belongs to dsother: EPERM",
    ],
    "ownership": [
        "ok - dsother overwrites own.key: EPERM",
        "ok - dsother overwrites own.key with a string: EPERM",
        "ok - dsother deletes own.key: EPERM",
        "ok - own.key intact",
        "ok - dstest overwrites own.key: OK",
        "ok - dsother may read own.key: OK 2",
        "ok - dstest overwrites other.key: EPERM",
        "ok - dstest deletes other.key: EPERM",
        "ok - dsother overwrites other.key: OK",
    ],
    "restart": [
        "ok - kill dsother: OK",
        "ok - dstest overwrites rst.key while dsother is dead: EPERM",
        "ok - start dsother again: OK",
        "ok - new endpoints",
        "ok - restarted dsother overwrites rst.key: OK",
        "ok - rst.key is 2: OK",
        "ok - dstest still may not overwrite rst.key: EPERM",
        "ok - restarted dsother deletes rst.key: OK",
        "ok - restarted dssub notified: OK",
        "ok - restarted dssub gets rst.key and rst.mine once each (2 keys)",
        "ok - rst.key reported deleted, rst.mine not",
    ],
    "subscribe": [
        "ok - existing init.a and init.b reported once (2)",
        "ok - subscribing again with nothing pending: no notification: EAGAIN",
        "ok - dssub is blocked waiting for dstest",
        "ok - 200 publishes to 20 keys in a burst (0 failed)",
        "ok - dssub notified after the burst: OK",
        "ok - 21 changed keys, each reported exactly once (21 reports, 0 repeats",
        "ok - a key outside the patterns is not reported",
        "ok - burst.07 reported deleted, burst.03 (published again) not",
        "ok - final values are the last written (0 wrong)",
        "ok - no further notification after the pull: EAGAIN",
        "ok - second round: the 2 changed keys once each (2)",
        "ok - subscription table full: ENOSPC",
        "ok - an existing pattern is accepted when full: OK",
        "ok - dssub gets burst.05 (1)",
    ],
    "full": [
        "ok - value pool full: ENOSPC",
        "ok - a string does not fit either: ENOSPC",
        "ok - a u32 needs no pool space: OK",
        "ok - all 16 blobs intact (0 wrong)",
        "ok - overwrite a blob with one of the same size in a full pool: OK",
        "ok - after a delete a blob fits again: OK",
        "ok - key table full: ENOSPC",
        "ok - every stored key still has its value (0 wrong)",
        "ok - overwrite an existing key in a full table: OK",
        "ok - a delete makes room for a new key: OK",
        "ok - full again: ENOSPC",
        "ok - the deleted key keeps its slot until dssub has checked it: ENOSPC",
        "ok - after the check the slot is free: OK",
    ],
    "malformed": [
        "ok - m_type DS_BASE+5: EBADREQUEST",
        "ok - m_type 0x1234: EBADREQUEST",
        "ok - publish: key without NUL in 32 bytes: EINVAL",
        "ok - retrieve: key without NUL: EINVAL",
        "ok - delete: key without NUL: EINVAL",
        "ok - subscribe: pattern without NUL: EINVAL",
        "ok - publish: empty key: EINVAL",
        "ok - subscribe: empty pattern: EINVAL",
        "ok - publish: type 0: EINVAL",
        "ok - publish: type 5: EINVAL",
        "ok - retrieve: type 9: EINVAL",
        "ok - publish: flags 1: EINVAL",
        "ok - m.x was never stored: ESRCH",
        "ok - publish through a revoked grant: EINVAL",
        "ok - publish through a grant for dsother: EPERM",
        "ok - publish 100 bytes through a 10-byte grant: ERANGE",
        "ok - publish through a write-only grant: EPERM",
        "ok - publish blob with len DS_BLOB_MAX+1: E2BIG",
        "ok - m.blob intact after the bad publishes",
        "ok - publish string without a NUL: EINVAL",
        "ok - publish string of len 0: EINVAL",
        "ok - publish string with len DS_STR_MAX+1: E2BIG",
        "ok - m.str intact after the bad publishes",
        "ok - a failed publish creates nothing",
        "ok - retrieve through a read-only grant: EPERM",
        "ok - retrieve through a revoked grant: EINVAL",
        "ok - retrieve 64 bytes into a 10-byte grant: ERANGE",
        "ok - the buffer is untouched",
        "ok - retrieve with len 63: E2BIG, len 64 needed, nothing copied",
        "ok - m.blob intact after the bad retrieves",
        "ok - DS still serves requests",
    ],
    "unpriv": [
        "ok - publish by a service without ipc to ds: ECALLDENIED",
        "ok - retrieve by a service without ipc to ds: ECALLDENIED",
        "ok - subscribe by a service without ipc to ds: ECALLDENIED",
        "ok - nothing was stored: ESRCH",
        "ok - DS still serves a privileged service: OK",
    ],
}


def run(scenario):
    b = boot(start(*SERVICES, dstest=scenario), timeout=120)
    assert not b.timed_out, f"no power-off within the bound:\n{b.tail()}"
    failed = b.lines("not ok")
    assert not failed, "\n".join(failed)
    assert f"dstest {scenario}: PASS" in b.output, b.tail()
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output
    assert "kernel: exception" not in b.output, b.tail()
    return b


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_ds_scenario(scenario):
    b = run(scenario)
    for line in SCENARIOS[scenario]:
        assert line in b.output, f"missing {line!r}:\n{b.tail()}"


def test_ds_unprivileged_call_is_logged():
    b = run("unpriv")
    denied = b.lines("kernel: denied:")
    assert denied and all("dsunpriv" in l and "ipc to" in l for l in denied), b.tail()

"""test_ipc.py - IPC, grant and privilege semantics, one fresh boot each.

Every scenario of user/tests/ipctest runs in its own boot; the controller
prints one "ok - ..." line per check (with the error names it really got)
and powers off with status 0 only if all passed.  Besides the verdict we
assert on the specific lines that prove each property.
"""
import pytest
from qemu import boot, start

AGENTS = ("ipcctl", "agent_a", "agent_b", "agent_c", "agent_d", "agent_u")


def grant_sum():
    """The checksum (ipctest's checksum(), user/tests/ipctest/main.c) of the
    300 bytes at offset 4000 of the controller's pattern (scen_grants.c's
    fill): computed here, so the guest's own comparison is not trusted."""
    s = 0x12345678
    for i in range(4000, 4300):
        s = ((s << 5 | s >> 27) & 0xFFFFFFFF) ^ ((i * 7 + 3) & 0xFF)
    return s


SCENARIOS = {
    "pingpong": ["ok - 1000 calls to agent_a: OK",
                 "ok - every reply came from agent_a with value+1 (0 wrong)",
                 "ok - agent_a served 1000 requests"],
    "call": ["ok - sendnb from d to c during its call: ENOTREADY",
             "ok - c got the reply from a",
             "ok - b (receive ANY) did not get the reply"],
    "receive": ["ok - receive(b) takes b's message although a sent first",
                "ok - receive(ANY) then takes a's message"],
    "notify": ["ok - 5 notifies to a busy c do not block",
               "ok - the pending notification from a is delivered",
               "ok - the 5 notifies were coalesced into one",
               "ok - next message is b's, not another notification"],
    "sendnb": ["ok - sendnb to b, which waits for the controller: ENOTREADY",
               "ok - sendnb to a receiving b: OK"],
    "deadlock": ["ok - cycle of 2: b sends to a: ELOCKED",
                 "ok - cycle of 3: c sends to a: ELOCKED",
                 "ok - cycle of 3 by call: ELOCKED",
                 "ok - send to oneself: ELOCKED"],
    "deadpeer": ["ok - a woken: EDEADSRCDST", "ok - b woken: EDEADSRCDST",
                 "ok - c woken: EDEADSRCDST",
                 "ok - send to the stale endpoint: EDEADSRCDST",
                 "ok - send to a live slot with the wrong generation: EDEADSRCDST",
                 "ok - send to slot 200: EBADEPT",
                 "ok - a's call, taken by c, which then died: ENOREPLY"],
    "grants": [f"ok - read 300 bytes across a page boundary: OK, sum {grant_sum():08x}",
               "ok - the owner sees the written bytes",
               "ok - write through a read-only grant: EPERM",
               "ok - buffer unchanged",
               "ok - read past the end of the grant: ERANGE",
               "ok - a grant used by the wrong grantee: EPERM",
               "ok - copy through a revoked grant: EINVAL",
               "ok - copy from unmapped memory: EFAULT",
               "ok - grant table full: ENOSPC"],
    "privileges": ["ok - unprivileged send to agent_a: ECALLDENIED",
                   "ok - kernel call devio not in its list: ECALLDENIED",
                   "ok - devio on port 0x70 (not granted): ECALLDENIED",
                   "ok - direct inb on port 0x80 through the TSS bitmap: OK",
                   "ok - subscribe to IRQ 5 (not granted): ECALLDENIED",
                   "ok - map kernel memory: ECALLDENIED",
                   "ok - direct inb without the port: agent_u killed by vector 13",
                   "ok - a call after all that: OK"],
    "badptr": ["ok - send from address 0: EFAULT",
               "ok - send from kernel memory: EFAULT",
               "ok - receive into read-only memory: EFAULT",
               "ok - call with a message crossing the stack top: EFAULT",
               "ok - unknown IPC operation: EBADREQUEST",
               "ok - safecopy into kernel memory: EFAULT",
               "ok - a call after all that: OK"],
}


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_ipc_scenario(scenario):
    b = boot(start(*AGENTS, ipctest=scenario), timeout=120)
    assert not b.timed_out, f"no power-off within the bound:\n{b.tail()}"
    failed = b.lines("not ok")
    assert not failed, "\n".join(failed)
    assert f"ipctest {scenario}: PASS" in b.output, b.tail()
    for line in SCENARIOS[scenario]:
        assert line in b.output, f"missing {line!r}:\n{b.tail()}"
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output


def test_privilege_violations_are_logged():
    b = boot(start(*AGENTS, ipctest="privileges"))
    denied = b.lines("kernel: denied:")
    assert any("agent_u" in l and "ipc to" in l for l in denied), b.tail()
    assert any("agent_u" in l and "kernel call" in l for l in denied), b.tail()
    assert any("agent_a" in l and "i/o port 112" in l for l in denied), b.tail()
    assert any("agent_a" in l and "irq 5" in l for l in denied), b.tail()
    assert any("agent_a" in l and "device memory" in l for l in denied), b.tail()

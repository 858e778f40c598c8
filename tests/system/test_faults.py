"""test_faults.py - CPU exceptions in ring 3 kill only the faulting process.

Eight faulters each do one forbidden thing; the kernel must log one line
per fault (name, endpoint, vector, EIP, CR2), report it to the supervisor,
and keep everybody else running (the survivor answers 100 calls).
"""
import re
from qemu import boot, start

FAULTS = {   # label: (vector, cr2 or None)
    "fault_kmem": (14, 0x100000),        # kernel memory
    "fault_ktext": (14, 0x101000),       # write to kernel text
    "fault_other": (14, 0xf0000000),     # another process's device mapping
    "fault_null": (14, 0x0),             # address 0
    "fault_div0": (0, None),             # divide by zero
    "fault_ud": (6, None),               # invalid opcode
    "fault_stack": (14, None),           # stack overflow into the guard page
    "fault_priv": (13, None),            # cli/hlt in ring 3
}


def test_each_fault_is_killed_reported_and_the_rest_runs():
    b = boot(start("supervisor", "survivor", *FAULTS))
    assert not b.timed_out, b.tail()
    for label, (vec, cr2) in FAULTS.items():
        m = re.search(rf"kernel: exception in {label} ep=\d+ vec={vec} \(.*\) "
                      rf"eip=0x(4[0-9a-f]{{7}}) cr2=0x([0-9a-f]{{8}})", b.output)
        assert m, f"no exception line for {label}:\n{b.tail(60)}"
        if cr2 is not None:
            assert int(m.group(2), 16) == cr2, (label, m.group(0))
        assert re.search(rf"supervisor: {label} died: reason 2 vector {vec} ", b.output), label
    stack = re.search(r"exception in fault_stack .* cr2=0x([0-9a-f]+)", b.output)
    assert 0xdfff0000 - 0x1000 <= int(stack.group(1), 16) < 0xdfff0000, "fault in the guard page"
    assert "supervisor: 8 of 8 faulters reported" in b.output
    assert "supervisor: survivor answered 100 of 100 calls" in b.output
    assert "faults: PASS" in b.output
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output

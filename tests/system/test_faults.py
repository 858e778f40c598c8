"""test_faults.py - CPU exceptions in ring 3 kill only the faulting process.

Eight faulters each do one forbidden thing; the kernel must log one line
per fault (name, endpoint, vector, EIP, CR2), report it to the supervisor,
and keep everybody else running (the survivor answers 100 calls).  The
reported EIP is checked on the host against the faulter's binary: the
instruction there is the one that must fault.
"""
import re
import subprocess

from qemu import ROOT, boot, start

FAULTER = ROOT / "build" / "bin" / "faulter"

# label: the instruction at the faulting EIP (objdump's text), or the
# function it must lie in
AT_EIP = {
    "fault_kmem": r"mov\s+0x100000,", "fault_ktext": r"movl\s+\$0x1,0x101000",
    "fault_other": r"mov\s+0xf0000000,", "fault_null": r"mov\s+0x0,",
    "fault_div0": r"div\s", "fault_ud": r"ud2", "fault_priv": r"cli",
    "fault_stack": "depth",
}


def insn_at(eip):
    out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", str(FAULTER),
                          f"--start-address={eip:#x}", f"--stop-address={eip + 16:#x}"],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(rf"^\s*{eip:x}:\s*(.*)$", out, re.M)
    return m.group(1) if m else ""


def function_of(eip):
    syms = subprocess.run(["nm", "-n", str(FAULTER)], capture_output=True, text=True,
                          check=True).stdout.split("\n")
    funcs = [(int(f[0], 16), f[2]) for f in (l.split() for l in syms)
             if len(f) == 3 and f[1] in "tT"]
    return max((a, n) for a, n in funcs if a <= eip)[1]


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
        eip = int(m.group(1), 16)
        if label == "fault_stack":
            assert function_of(eip) == AT_EIP[label], (label, hex(eip), function_of(eip))
        else:
            assert re.match(AT_EIP[label], insn_at(eip)), (label, hex(eip), insn_at(eip))
    stack = re.search(r"exception in fault_stack .* cr2=0x([0-9a-f]+)", b.output)
    assert 0xdfff0000 - 0x1000 <= int(stack.group(1), 16) < 0xdfff0000, "fault in the guard page"
    assert "supervisor: 8 of 8 faulters reported" in b.output
    assert "supervisor: survivor answered 100 of 100 calls" in b.output
    assert "faults: PASS" in b.output
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output

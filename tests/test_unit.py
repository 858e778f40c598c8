"""Run the host unit tests (build/unit/*, built by `make unit`) and check
their TAP output: exit status 0, a plan line 1..N matching the number of
test lines, and no "not ok" line.  Stdlib + pytest only."""
import os
import re
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNIT_DIR = os.path.join(ROOT, "build", "unit")
SRC_DIR = os.path.join(ROOT, "tests", "unit")

PLAN_RE = re.compile(r"^1\.\.(\d+)\s*$")
TEST_RE = re.compile(r"^(not )?ok\b")


def unit_binaries():
    """Names of the executable files in build/unit, sorted."""
    if not os.path.isdir(UNIT_DIR):
        return []
    return sorted(
        n for n in os.listdir(UNIT_DIR)
        if os.path.isfile(os.path.join(UNIT_DIR, n))
        and os.access(os.path.join(UNIT_DIR, n), os.X_OK))


def unit_sources():
    """Names of the unit test programs in tests/unit (all .c but tap.c)."""
    return sorted(
        n[:-2] for n in os.listdir(SRC_DIR)
        if n.endswith(".c") and n != "tap.c")


BINARIES = unit_binaries()
NOT_BUILT = "no unit test binaries in build/unit: run `make unit` first"


# With no binaries the single None case fails instead of being skipped.
@pytest.mark.parametrize(
    "name", BINARIES or [pytest.param(None, id="no-binaries-run-make-unit")])
def test_unit_binary_passes(name):
    if name is None:
        pytest.fail(NOT_BUILT)
    proc = subprocess.run([os.path.join(UNIT_DIR, name)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    lines = proc.stdout.splitlines()
    tests = [l for l in lines if TEST_RE.match(l)]
    failed = [l for l in tests if l.startswith("not ok")]
    plans = [int(m.group(1)) for m in map(PLAN_RE.match, lines) if m]

    assert not failed, "%s: %d failed TAP checks:\n%s" % (
        name, len(failed), "\n".join(failed))
    assert proc.returncode == 0, "%s exited with status %d\nstderr:\n%s" % (
        name, proc.returncode, proc.stderr)
    assert len(plans) == 1, "%s: want exactly one plan line 1..N, found %d" % (
        name, len(plans))
    assert plans[0] == len(tests), "%s: plan says 1..%d but %d tests ran" % (
        name, plans[0], len(tests))
    assert tests, "%s: no TAP test lines" % name


def test_every_unit_source_is_built():
    missing = [n for n in unit_sources() if n not in BINARIES]
    assert not missing, "not built: %s: run `make unit`" % ", ".join(missing)


# ---- the i386 layout (tests/abi/layout_i386.c, compiled -m32, never run) ----
ABI_OBJ = os.path.join(ROOT, "build", "abi", "layout_i386.o")
I386 = {
    "sizeof_pointer": 4, "sizeof_message": 64, "message__m_source": 0,
    "message__m_type": 4, "message__m": 8, "msg_payload": 56,
    "sizeof_sys_kill": 4, "sizeof_sys_exit": 4, "sizeof_sys_safecopy": 20,
    "sizeof_sys_irqctl": 8, "sizeof_sys_devio": 16, "sizeof_sys_mapdev": 12,
    "sizeof_sys_getinfo": 32, "sizeof_sys_klog": 56, "sizeof_sys_procinfo": 52,
    "sizeof_sys_meminfo": 12, "sizeof_sys_stab": 56, "sizeof_sys_getarg": 56,
    "sizeof_sys_diag": 56, "sizeof_sys_shutdown": 8, "sizeof_sys_getksig": 40,
    "sizeof_sys_setalarm": 4, "sizeof_sys_spawn": 32, "sizeof_sys_exec": 44,
    "sizeof_sys_sigframe": 24, "sizeof_sys_sigreturn": 12, "sizeof_sys_stop": 8, "sizeof_sys_module": 48,
    "sys_safecopy__len": 16, "sys_getinfo__label": 16, "sys_stab__count": 8,
    "sys_stab__nmis": 48, "sys_exec__new_ep": 36, "sys_exec__user": 40,
    "sizeof_trapframe": 76, "trapframe__eip": 56, "trapframe__cs": 60,
    "trapframe__esp": 68, "proc__pgdir": 76, "proc__flags": 80, "proc__name": 96,
    "sizeof_proc": 1440, "nr_procs": 128,
}


def i386_layout():
    """{name: value} from the .abi_layout records ({char[40], u32}) of the object."""
    import struct
    import tempfile
    with tempfile.NamedTemporaryFile() as f:
        subprocess.run(["objcopy", "-O", "binary", "-j", ".abi_layout", ABI_OBJ, f.name],
                       check=True)
        data = open(f.name, "rb").read()
    assert data and len(data) % 44 == 0, "no .abi_layout records in %s" % ABI_OBJ
    recs = [struct.unpack_from("<40sI", data, i) for i in range(0, len(data), 44)]
    return {n.rstrip(b"\0").decode(): v for n, v in recs}


def test_i386_object_is_32_bit():
    assert os.path.exists(ABI_OBJ), "%s missing: run `make unit`" % ABI_OBJ
    head = subprocess.run(["readelf", "-h", ABI_OBJ], stdout=subprocess.PIPE,
                          universal_newlines=True, check=True).stdout
    assert re.search(r"Class:\s+ELF32", head) and re.search(r"Machine:\s+Intel 80386", head), head


def test_i386_layout_is_the_abi_the_host_expects():
    assert i386_layout() == I386


def test_host_tools_use_the_i386_kernel_offsets():
    """tools/inject/faults.py reads struct proc and the trapframe in guest RAM."""
    import sys
    sys.path.insert(0, os.path.join(ROOT, "tools", "inject"))
    import faults
    got = i386_layout()
    regs = faults.regs_off()
    assert (faults.PGDIR_OFF, faults.FLAGS_OFF, faults.NAME_OFF) == \
        (got["proc__pgdir"], got["proc__flags"], got["proc__name"])
    assert (regs["eip"], regs["cs"], regs["esp"]) == \
        (got["trapframe__eip"], got["trapframe__cs"], got["trapframe__esp"])
    assert 4 * len(regs) == got["sizeof_trapframe"]

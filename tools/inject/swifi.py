"""swifi.py - software-implemented fault injection into the text of a
running server (the `swifi` target of tools/inject): binary mutations of
the fault types of the MINIX 3 driver campaign (Herder et al., DSN 2009),
each made on one instruction found in the server's disassembly:

  source      the source register of a register-to-register instruction
  dest        its destination register
  pointer     the displacement of a memory operand (a wrong address)
  interface   the instruction that passes an argument just before a call
              (a push, or a store to the stack) becomes NOPs
  loop        a backward conditional branch (a loop's test) inverted
  branch      a forward conditional branch inverted
  nop         an instruction replaced with NOPs
  flip        one bit of the text

The instruction is chosen among the server's own functions (objdump of
build/bin/<server>); the mutated bytes go into the running instance's
text page through the gdbstub (QEMU drops its translated code).  A
restarted instance runs a fresh copy of the image, so inject.py makes a
new mutation after each restart (up to SWIFI_REPEATS).
"""
import functools
import re
import struct
import subprocess

import faults
from guest import ROOT

SERVERS = ["tty", "ramfs", "vfs", "pm", "ds"]
KINDS = ["source", "dest", "pointer", "interface", "loop", "branch", "nop", "flip"]
REPEATS = 3
LINE_RE = re.compile(r"^\s*([0-9a-f]+):\s+((?:[0-9a-f]{2} )+)\s*(.*)$")
# one-byte opcodes with a ModRM byte: reg is the source for these (r/m <- reg) ...
TO_RM = {0x01, 0x09, 0x11, 0x19, 0x21, 0x29, 0x31, 0x39, 0x85, 0x89}
# ... and the destination for these (reg <- r/m)
TO_REG = {0x03, 0x0b, 0x13, 0x1b, 0x23, 0x2b, 0x33, 0x3b, 0x8b}


@functools.lru_cache(maxsize=None)
def instructions(name):
    """[(va, bytes, text)] of the server's .text, from objdump."""
    out = subprocess.run(["objdump", "-d", "-j", ".text", str(ROOT / "build" / "bin" / name)],
                         capture_output=True, text=True, check=True).stdout
    insns = []
    for line in out.splitlines():
        m = LINE_RE.match(line)
        if m:
            insns.append((int(m.group(1), 16), bytes.fromhex(m.group(2).replace(" ", "")),
                          m.group(3)))
    return insns


def jcc(code):
    """(offset of the condition byte, displacement) of a conditional jump."""
    if len(code) == 2 and 0x70 <= code[0] <= 0x7f:
        return 0, struct.unpack("b", code[1:2])[0]
    if len(code) == 6 and code[0] == 0x0f and 0x80 <= code[1] <= 0x8f:
        return 1, struct.unpack("<i", code[2:6])[0]
    return None


def candidates(name, kind):
    """[(va, new bytes, what)] the mutation of this kind can make."""
    insns, out = instructions(name), []
    for k, (va, code, text) in enumerate(insns):
        op, modrm = code[0], code[1] if len(code) > 1 else 0
        if kind in ("source", "dest") and len(code) == 2 and modrm >> 6 == 3 and \
                op in TO_RM | TO_REG:
            field_is_reg = (op in TO_RM) == (kind == "source")
            shift = 3 if field_is_reg else 0
            old = (modrm >> shift) & 7
            for new in range(8):
                if new not in (old, 4):       # never ESP
                    out.append((va, bytes([op, (modrm & ~(7 << shift)) | (new << shift)]),
                                f"{kind} register of '{text}' -> {new}"))
        elif kind == "pointer" and len(code) >= 3 and op in TO_RM | TO_REG and \
                modrm >> 6 == 1 and (modrm & 7) != 4:
            disp = code[2] ^ (1 << (va % 7))
            out.append((va, code[:2] + bytes([disp]) + code[3:], f"displacement of '{text}'"))
        elif kind == "interface" and k + 1 < len(insns) and insns[k + 1][1][0] == 0xe8 and \
                (0x50 <= op <= 0x57 or op in (0x6a, 0x68) or "(%esp)" in text):
            out.append((va, b"\x90" * len(code), f"argument before '{insns[k + 1][2]}' dropped"))
        elif kind in ("loop", "branch") and jcc(code):
            at, disp = jcc(code)
            if (disp < 0) == (kind == "loop"):
                new = bytearray(code)
                new[at] ^= 1
                out.append((va, bytes(new), f"{kind} '{text}' inverted"))
        elif kind == "nop" and op not in (0xc3, 0x55):
            out.append((va, b"\x90" * len(code), f"'{text}' -> nop"))
        elif kind == "flip":
            out.append((va, None, f"a bit of '{text}'"))
    return out


def mutate(g, syms, rng, name=None, kind=None):
    """One mutation in a running server; what was done."""
    import targets
    name = name or rng.choice(SERVERS)
    kind = kind or rng.choice(KINDS)
    slots = [x for x in targets.live_slots(g, syms) if x[2] == name]
    if not slots:
        return f"swifi: {name} not running"
    pgdir = struct.unpack_from("<I", slots[0][1], faults.PGDIR_OFF)[0]
    va, new, what = rng.choice(candidates(name, kind))
    g.gdb.stop()
    try:
        if new is None:
            n = len(instructions_at(name, va))
            off, bit = rng.randrange(n), rng.randrange(8)
            pa = faults.virt_to_phys(g, pgdir, va + off)
            if pa is None:
                return f"swifi: {name} text not mapped"
            g.gdb.write(pa, bytes([g.gdb.read(pa, 1)[0] ^ (1 << bit)]))
        else:
            for i, b in enumerate(new):
                pa = faults.virt_to_phys(g, pgdir, va + i)
                if pa is None:
                    return f"swifi: {name} text not mapped"
                g.gdb.write(pa, bytes([b]))
    finally:
        g.gdb.cont()
    return f"swifi {kind} in {name} at 0x{va:08x}: {what}"


def instructions_at(name, va):
    for a, code, _ in instructions(name):
        if a == va:
            return code
    return b"\0"

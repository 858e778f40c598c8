"""targets.py - where the campaign's faults land on the release system
(tools/inject/inject.py), weighted to live state.  Each target is a
function target(guest, trial) that makes one fault and returns what it
did; trial carries the kernel's symbols (syms), the random source (rng)
and the execution profile (profile, for ktext).

  proc      a bit of a live process-table slot (registers, IPC fields,
            links, the endpoint: everything the kernel keeps per process)
  pgtable   a bit of a present entry in a live process's page directory
            or one of its page tables
  kstack    a bit of the live part of the kernel stack, [esp, top), with
            the CPU stopped in the kernel
  ktext     a bit of a kernel function that runs, chosen by the measured
            execution profile (functions weighted by their samples)
  server    a bit of a server's data, state region, heap or live stack
            (ds, pm, vfs, ramfs, tty, rs, init: one at random)
  regs      a bit of a register with the CPU stopped in kernel or server
            code (never in the idle loop or a user program)
  uniform   a bit anywhere in the kernel's text, data and stacks
            (the uniform-over-memory campaign, labelled apart)
  swifi     a binary mutation of a server's text (swifi.py), made again
            in each restarted instance
  arbitrary a whole structure filled with random bytes (self-
            stabilization's own definition of an arbitrary state): a live
            process slot, the run-queue heads and tails, the IDT, the GDT,
            a live process's page directory, or one server's whole table

The kernel is identity-mapped: its symbols are physical addresses.
Code is written through the gdbstub (QEMU drops translated code);
data straight into the shared RAM file.
"""
import bisect
import functools
import struct
import subprocess
import time

import faults
import swifi
from guest import ROOT

SERVERS = ["ds", "pm", "vfs", "ramfs", "tty", "rs", "init"]
USER_STACK_TOP = 0xE0000000
USER_STACK_SIZE = 0x10000
STATE_BASE = 0xC0000000
ESP_OFF = faults.regs_off()["esp"]


def live_slots(g, s):
    """[(address, raw bytes, name)] of the process-table slots in use."""
    base, size = faults.proc_layout(s)
    out = []
    for i in range(128):
        a = base + i * size
        raw = bytes(g.ram[a:a + size])
        if not struct.unpack_from("<I", raw, faults.FLAGS_OFF)[0] & 1:
            name = raw[faults.NAME_OFF:faults.NAME_OFF + 16].split(b"\0")[0].decode("latin-1")
            out.append((a, raw, name))
    return out


def proc(g, t):
    a, raw, name = t.rng.choice(live_slots(g, t.syms))
    off, bit = t.rng.randrange(len(raw)), t.rng.randrange(8)
    g.flip(a + off, bit)
    return f"{name}'s slot: bit {bit} of byte {off}"


def present_entries(g, table):
    return [i for i in range(1024) if g.peek32(table + 4 * i) & 1]


def pgtable(g, t):
    a, raw, name = t.rng.choice(live_slots(g, t.syms))
    pgdir = struct.unpack_from("<I", raw, faults.PGDIR_OFF)[0]
    pdes = present_entries(g, pgdir)
    pde = t.rng.choice(pdes)
    table, where = pgdir, f"pde {pde}"
    if t.rng.random() < 0.7:            # most live entries are PTEs
        pt = g.peek32(pgdir + 4 * pde) & ~0xFFF
        ptes = present_entries(g, pt)
        if ptes:
            table, pde = pt, t.rng.choice(ptes)
            where = f"pte {pde} of table {where}"
    bit = t.rng.randrange(32)
    g.flip(table + 4 * pde + bit // 8, bit % 8)
    return f"{name}'s page tables: bit {bit} of {where}"


def stop_where(g, t, accept, tries=200):
    """Stop the guest at a random instant at which accept(regs, current
    slot name or None) holds; the registers (guest left stopped), or None
    if no stop found it so (an earlier fault may have left it idle)."""
    cur = t.syms["current"][0]
    names = {a: n for a, _, n in live_slots(g, t.syms)}
    for _ in range(tries):
        time.sleep(t.rng.uniform(0, 0.01))
        g.gdb.stop()
        regs = g.gdb.regs()
        p = g.peek32(cur)
        if accept(regs, names.get(p) if p else None):
            return regs
        g.gdb.cont()
    return None


def kstack(g, t):
    lo, n = t.syms["kernel_stack"]
    regs = stop_where(g, t, lambda r, cur: r["cs"] & 3 == 0 and lo <= r["esp"] < lo + n)
    if regs is None:
        return "kernel stack: never in the kernel at a stop"
    pa = t.rng.randrange(regs["esp"], lo + n)
    bit = t.rng.randrange(8)
    g.gdb.write(pa, bytes([g.gdb.read(pa, 1)[0] ^ (1 << bit)]))
    g.gdb.cont()
    return f"kernel stack: bit {bit} at esp+{pa - regs['esp']}"


def ktext(g, t):
    funcs, weights = t.profile
    lo, size, name = t.rng.choices(funcs, weights=weights)[0]
    pa, bit = lo + t.rng.randrange(size), t.rng.randrange(8)
    g.gdb.stop()
    g.gdb.write(pa, bytes([g.gdb.read(pa, 1)[0] ^ (1 << bit)]))
    g.gdb.cont()
    return f"kernel text: bit {bit} of {name}+{pa - lo}"


@functools.lru_cache(maxsize=None)
def segments(name):
    """[(lo, hi, writable)] of the server's PT_LOAD segments."""
    path = ROOT / "build" / ("posix" if name == "init" else "bin") / name
    out = subprocess.run(["readelf", "-lW", str(path)], capture_output=True, text=True,
                         check=True).stdout
    segs = []
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "LOAD":
            lo, memsz = int(f[2], 16), int(f[5], 16)
            segs.append((lo, lo + memsz, "W" in "".join(f[6:-1])))
    return segs


def mapped(g, pgdir, lo, hi):
    """Physical addresses of the mapped pages of [lo, hi)."""
    out = []
    for va in range(lo & ~0xFFF, hi, 4096):
        pa = faults.virt_to_phys(g, pgdir, va)
        if pa is not None:
            out.append((va, pa))
    return out


def server(g, t):
    name = t.rng.choice(SERVERS)
    slots = [x for x in live_slots(g, t.syms) if x[2] == name]
    if not slots:
        return f"{name} not running"
    _, raw, _ = slots[0]
    pgdir = struct.unpack_from("<I", raw, faults.PGDIR_OFF)[0]
    esp = struct.unpack_from("<I", raw, ESP_OFF)[0]
    segs = segments(name)
    data = [(lo, hi) for lo, hi, w in segs if w and lo < STATE_BASE]
    top = max((hi for lo, hi in data), default=None)
    regions = {"data": data, "state": [(lo, hi) for lo, hi, w in segs if w and lo >= STATE_BASE],
               "heap": [(top, top + 0x400000)] if top else []}
    kinds = ["stack"] + [k for k, r in regions.items() if r]
    t.rng.shuffle(kinds)
    for kind in kinds:
        if kind == "stack":             # its live part: from the saved esp up
            if not USER_STACK_TOP - USER_STACK_SIZE <= esp < USER_STACK_TOP:
                continue
            va = t.rng.randrange(esp, USER_STACK_TOP)
            pa = faults.virt_to_phys(g, pgdir, va)
        else:
            pages = [p for lo, hi in regions[kind] for p in mapped(g, pgdir, lo, hi)]
            if not pages:
                continue
            va, pa = t.rng.choice(pages)
            off = t.rng.randrange(4096)
            va, pa = va + off, pa + off
        if pa is None:
            continue
        bit = t.rng.randrange(8)
        g.flip(pa, bit)
        return f"{name} {kind}: bit {bit} of va 0x{va:08x}"
    return f"{name}: no page found"


REG_NAMES = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags"]


def regs(g, t):
    def busy(r, cur):
        if r["cs"] & 3 == 0:
            return cur is not None      # the kernel at work, not idle
        return cur in SERVERS
    r = stop_where(g, t, busy)
    if r is None:
        return "regs: the CPU was idle or in a user program at every stop"
    idx, bit = t.rng.randrange(len(REG_NAMES)), t.rng.randrange(32)
    g.gdb.set_reg(idx, r[REG_NAMES[idx]] ^ (1 << bit))
    g.gdb.cont()
    return f"bit {bit} of {REG_NAMES[idx]} ({'kernel' if r['cs'] & 3 == 0 else 'server'})"


def uniform(g, t):
    s = t.syms
    ranges = [(s["_kernel_start"][0], s["_rom_end"][0], True),
              (s["_rom_end"][0], s["_kernel_end"][0], False)]
    lo, hi, code = t.rng.choices(ranges, weights=[b - a for a, b, _ in ranges])[0]
    pa, bit = t.rng.randrange(lo, hi), t.rng.randrange(8)
    if code:
        g.gdb.stop()
        g.gdb.write(pa, bytes([g.gdb.read(pa, 1)[0] ^ (1 << bit)]))
        g.gdb.cont()
    else:
        g.flip(pa, bit)
    return f"uniform: bit {bit} of 0x{pa:08x}"


SERVER_TABLES = {"pm": "mproc", "vfs": "procs", "ds": "table", "ramfs": "inodes",
                 "tty": "ttys", "rs": "services"}


@functools.lru_cache(maxsize=None)
def server_symbol(name, sym):
    out = subprocess.run(["nm", "-S", str(ROOT / "build" / "bin" / name)], capture_output=True,
                         text=True, check=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4 and f[3] == sym:
            return int(f[0], 16), int(f[1], 16)
    raise LookupError(f"{name}: no symbol {sym}")


def arbitrary(g, t):
    s, rng = t.syms, t.rng
    kind = rng.choice(["slot", "runq", "idt", "gdt", "pgdir", "table"])

    def fill(pa, n):
        g.ram[pa:pa + n] = bytes(rng.randrange(256) for _ in range(n))
    if kind in ("slot", "pgdir"):
        a, raw, name = rng.choice(live_slots(g, s))
        if kind == "slot":
            fill(a, len(raw))
            return f"arbitrary: {name}'s whole process slot"
        fill(struct.unpack_from("<I", raw, faults.PGDIR_OFF)[0], 4096)
        return f"arbitrary: {name}'s whole page directory"
    if kind == "runq":
        for sym in ("rq_head", "rq_tail"):
            fill(*s[sym])
        return "arbitrary: every run-queue head and tail"
    if kind in ("idt", "gdt"):
        fill(*s[kind])
        return f"arbitrary: the whole {kind.upper()}"
    name = rng.choice(sorted(SERVER_TABLES))
    done = fill_server_symbols(g, s, rng, name, SERVER_TABLES[name])
    if done is None:
        return f"arbitrary: {name} not running"
    size = server_symbol(name, SERVER_TABLES[name])[1]
    return f"arbitrary: {name}'s {SERVER_TABLES[name]} ({done} of {size} bytes)"


def server_symbol_garbage(g, s, rng, name, *syms):
    """Random bytes for the mapped pages of each of the server's syms, as
    (physical address, bytes) to write; None: no such server."""
    slots = [x for x in live_slots(g, s) if x[2] == name]
    if not slots:
        return None
    pgdir = struct.unpack_from("<I", slots[0][1], faults.PGDIR_OFF)[0]
    writes = []
    for sym in syms:
        va, size = server_symbol(name, sym)
        for page in range(va & ~0xFFF, va + size, 4096):
            lo, hi = max(page, va), min(page + 4096, va + size)
            pa = faults.virt_to_phys(g, pgdir, lo)
            if pa is not None:
                writes.append((pa, bytes(rng.randrange(256) for _ in range(hi - lo))))
    return writes


def write_all(g, writes):
    """The writes at once (page by page the guest would run on between
    the pages); the bytes written."""
    for pa, data in writes:
        g.ram[pa:pa + len(data)] = data
    return sum(len(d) for _, d in writes)


def fill_server_symbols(g, s, rng, name, *syms):
    """Random bytes over the mapped pages of each of the server's syms.
    The bytes written, or None: no such server."""
    writes = server_symbol_garbage(g, s, rng, name, *syms)
    return None if writes is None else write_all(g, writes)


TARGETS = {"proc": proc, "pgtable": pgtable, "kstack": kstack, "ktext": ktext,
           "server": server, "regs": regs, "uniform": uniform, "arbitrary": arbitrary,
           "swifi": lambda g, t: swifi.mutate(g, t.syms, t.rng, t.server)}
LIVE = ["proc", "pgtable", "kstack", "ktext", "server", "regs"]


def function_of(syms):
    """A lookup address -> (start, size, name) over the kernel's functions."""
    funcs = sorted((a, n, name) for name, (a, n) in syms.items() if n and
                   syms["_kernel_start"][0] <= a < syms["_rom_end"][0])
    starts = [f[0] for f in funcs]

    def find(addr):
        i = bisect.bisect_right(starts, addr) - 1
        if i >= 0 and addr < funcs[i][0] + funcs[i][1]:
            return funcs[i]
        return None
    return find


def measure_profile(g, syms, samples=400, rng=None):
    """([(start, size, name)], [weight]): the kernel functions the running
    system executes, each weighted by how often a random stop found the
    CPU in it (stops in user mode or the idle halt are not counted)."""
    import random
    rng = rng or random.Random(0)
    find, hits = function_of(syms), {}
    cur = syms["current"][0]
    for _ in range(samples * 20):
        if sum(hits.values()) >= samples:
            break
        time.sleep(rng.uniform(0, 0.005))
        g.gdb.stop()
        r = g.gdb.regs()
        busy = r["cs"] & 3 == 0 and g.peek32(cur) != 0
        g.gdb.cont()
        f = find(r["eip"]) if busy else None
        if f:
            hits[f] = hits.get(f, 0) + 1
    funcs = sorted(hits)
    return [(a, n, name) for a, n, name in funcs], [hits[f] for f in funcs]

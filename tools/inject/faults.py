"""faults.py - the deterministic corruptions of the stabilization tests
and the random ones of the campaign, applied to a running Guest.

Each deterministic fault is a function fault(guest, syms) that corrupts
one kernel structure from the host and returns a short description.
Physical and kernel virtual addresses are the same (identity-mapped
kernel), so kernel symbols are written straight into the RAM file or
through the gdbstub.
"""
import struct

def proc_layout(syms):
    """(base, slot size) of proc_table; the slot size from the table's size."""
    base, size = syms["proc_table"]
    return base, size // 128


def regs_off():
    """Offsets in struct trapframe (kernel/arch.h)."""
    names = ["gs", "fs", "es", "ds", "edi", "esi", "ebp", "esp_pusha", "ebx", "edx", "ecx",
             "eax", "vector", "err", "eip", "cs", "eflags", "esp", "ss"]
    return {n: 4 * i for i, n in enumerate(names)}


def drain(g):
    """Drop stop replies the gdbstub sent late (QEMU may repeat one)."""
    while True:
        try:
            g.gdb.wait_stop(0.05)
        except TimeoutError:
            return


def at_kernel_function(g, s, name):
    """Run the guest until it enters kernel function 'name' in ring 0;
    leave it stopped there.  A stop reply is not trusted to be the
    breakpoint's: EIP is read back, so a late reply of the first stop
    cannot leave the guest stopped somewhere else."""
    addr = s[name][0]
    g.gdb.stop()
    g.gdb.breakpoint(addr)
    for _ in range(10):
        drain(g)
        g.gdb.cont()
        g.gdb.wait_stop(10)
        regs = g.gdb.regs()
        if regs["eip"] == addr and regs["cs"] & 3 == 0:
            break
    else:
        raise RuntimeError(f"never stopped at {name}")
    drain(g)
    g.gdb.breakpoint(addr, on=False)
    return regs


def idt_clock_gate(g, s):
    g.gdb.stop()
    g.gdb.write(s["idt"][0] + 32 * 8, b"\0" * 8)
    g.gdb.cont()
    return "IDT gate 32 (clock) zeroed"


def gdt_user_code(g, s):
    g.gdb.stop()
    g.gdb.write(s["gdt"][0] + 3 * 8, b"\0" * 8)
    g.gdb.cont()
    return "GDT descriptor 3 (user code) zeroed"


def runq_link(g, s):
    at_kernel_function(g, s, "restart")     # a process is about to run
    heads = s["rq_head"][0]
    for q in range(8):                  # the queue of the running process
        if int.from_bytes(g.gdb.read(heads + 4 * q, 4), "little"):
            g.gdb.write(heads + 4 * q, struct.pack("<I", 0x10))
            break
    g.gdb.cont()
    return "a ready-queue head points at 0x10"


PGDIR_OFF, FLAGS_OFF, NAME_OFF = 76, 80, 96      # struct proc (kernel/proc.h)


def find_slot(g, s, name):
    """Address and bytes of the live process-table slot named 'name'."""
    base, size = proc_layout(s)
    for i in range(128):
        a = base + i * size
        raw = bytes(g.ram[a:a + 128])
        if raw[NAME_OFF:NAME_OFF + len(name) + 1] == name.encode() + b"\0" and \
                not struct.unpack_from("<I", raw, FLAGS_OFF)[0] & 1:
            return a, raw
    raise LookupError(name)


def virt_to_phys(g, pgdir, va):
    pde = g.peek32(pgdir + 4 * (va >> 22))
    if not pde & 1:
        return None
    pte = g.peek32((pde & ~0xFFF) + 4 * ((va >> 12) & 0x3FF))
    return (pte & ~0xFFF) | (va & 0xFFF) if pte & 1 else None


def saved_eip(g, s, name="stabwork"):
    """The workload's saved EIP, taken when it enters the kernel to set
    its alarm, is pointed at 'jmp $' written into its own writable stack
    page: without the checker it spins there forever."""
    at_kernel_function(g, s, "do_setalarm")
    addr, raw = find_slot(g, s, name)
    esp = struct.unpack_from("<I", raw, regs_off()["esp"])[0]
    target = (esp - 64) & ~3
    pa = virt_to_phys(g, struct.unpack_from("<I", raw, PGDIR_OFF)[0], target)
    g.ram[pa:pa + 2] = b"\xeb\xfe"
    g.gdb.write(addr + regs_off()["eip"], struct.pack("<I", target))
    g.gdb.cont()
    return f"saved eip of {name} -> 0x{target:08x} (jmp $ on its stack)"


def text_byte(g, s):
    g.gdb.stop()
    g.gdb.write(s["clock_tick"][0], b"\xcc")
    g.gdb.cont()
    return "first byte of clock_tick -> int3"


def tss_esp0(g, s):
    """esp0 made unmapped just as the kernel returns to user mode
    (restart): the next interrupt from ring 3 cannot push its frame."""
    at_kernel_function(g, s, "restart")
    g.gdb.write(s["tss"][0] + 4, struct.pack("<I", 0x800))
    g.gdb.cont()
    return "TSS esp0 -> 0x800 (unmapped) on the way to user mode"


def hook(n):
    def f(g, s):
        g.gdb.stop()
        g.gdb.write(s["stab_hook"][0], struct.pack("<I", n))
        g.gdb.cont()
        return f"test hook {n}"
    return f


def kernel_esp(g, s):
    """ESP unmapped on the first instruction of clock_tick (a push, on
    the main task's kernel stack): the page fault cannot push its frame,
    so the CPU raises a double fault, which is a task gate."""
    regs = at_kernel_function(g, s, "clock_tick")
    lo, n = s["kernel_stack"]
    if not lo <= regs["esp"] <= lo + n:
        raise RuntimeError(f"clock_tick not on the kernel stack: esp=0x{regs['esp']:08x}")
    g.gdb.set_reg(4, 0x800)
    g.gdb.cont()
    return "kernel ESP -> 0x800 at clock_tick"


def kernel_esp_nmi_in_df(g, s):
    """kernel_esp, and an NMI delivered as the double-fault task starts
    (needs Guest(monitor=True)): the NMI task interrupts the double-fault
    task and must return to it."""
    regs = at_kernel_function(g, s, "clock_tick")
    g.gdb.set_reg(4, 0x800)
    df = s["df_handle"][0]
    g.gdb.breakpoint(df)
    g.gdb.cont()
    g.gdb.wait_stop(10)
    if g.gdb.regs()["eip"] != df:
        raise RuntimeError("the double fault did not reach df_handle")
    drain(g)
    g.gdb.breakpoint(df, on=False)
    g.monitor("nmi")                    # pending: taken on the first instruction
    g.gdb.cont()
    return f"kernel ESP -> 0x800 at clock_tick (eip 0x{regs['eip']:08x}), NMI in the double-fault task"


def rs_spins(g, s):
    """'jmp $' written over the instruction where the sleeping RS resumes
    (its own text, through the RAM file): RS looks sane but never answers."""
    g.gdb.stop()
    addr, raw = find_slot(g, s, "rs")
    eip = struct.unpack_from("<I", raw, regs_off()["eip"])[0]
    pa = virt_to_phys(g, struct.unpack_from("<I", raw, PGDIR_OFF)[0], eip)
    g.gdb.write(pa, b"\xeb\xfe")       # gdbstub: QEMU drops its translated code
    g.gdb.cont()
    return f"rs text at 0x{eip:08x} -> jmp $"


def frame_leak(g, s):
    """32 free frames near the top of RAM marked used in the allocator's
    bitmap: nobody owns them, so without the ownership check they are lost."""
    g.gdb.stop()
    base = s["frame_bitmap"][0]
    for w in range(1000, 800, -1):          # frames around 125 MiB, free in tests
        if int.from_bytes(g.gdb.read(base + 4 * w, 4), "little") == 0:
            g.gdb.write(base + 4 * w, b"\xff" * 4)
            break
    else:
        raise RuntimeError("no free bitmap word near the top of RAM")
    g.gdb.cont()
    return f"32 free frames marked used (frame_bitmap word {w})"

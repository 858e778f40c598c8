"""bench_micro.py - the deterministic micro-benchmarks of `make bench`.

All under QEMU TCG with -icount shift=SHIFT: the guest TSC counts virtual
nanoseconds and advances 2**SHIFT per guest instruction, so TSC deltas
divided by 2**SHIFT are exact instruction counts that repeat run after run.

- ipc(): user/tests/bench_ipc on a two-process boot (bench_ping,
  bench_pong) with stabilization on, and again with stab=off.  With it on,
  the program subtracts the TSC the kernel spent in interrupts and the NMI
  meanwhile (GI_ACCT), so the figures are the path's own; the stab=off run
  shows that they agree.
- recovery(): svctest crashes a service 20 times and times each restart.
- servers(): the release ISO at its shell prompt; `service fi <label>
  crash` for each core server (ds, tty, ramfs, vfs, pm, rs, init), with
  background work holding descriptors, a pipe and a sleep: RS times each
  service from the death report to the restarted instance's first
  heartbeat answer, after it has inherited and checked its state
  ("rs: X serving again N ms after it died", virtual time); a restarted
  RS times itself from its predecessor's end (GI_STATE) to its receive
  loop; PM times init from the death report to the new init's first
  blocking wait.
- checker(): the release ISO at its shell prompt; `stabilize` before and
  after `sleep 3` gives the checker's and the NMI's TSC over the window:
  instructions per tick, per second of virtual time, their share of a 1 GHz
  and a 3 GHz CPU, and the time of a full sweep.

Each function returns {name: value}; tools/bench.py prints and judges them.
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "system"))
from qemu import ISO, Console, boot, start  # noqa: E402
from test_rs import wait_since  # noqa: E402

SHIFT = 4       # 62.5 M instructions per virtual second; see docs/bench.md
HZ = 100
ICOUNT = ["-icount", f"shift={SHIFT}"]
IPC_CMDLINE = start("bench_ping", "bench_pong")
IPC_NAMES = ["ipc_oneway", "ipc_roundtrip", "ipc_oneway_sendnb_receive", "kcall_null",
             "loop_overhead"]


def bench_lines(cmdline, what):
    """Boot the test ISO with cmdline; {name: raw value} of its BENCH lines."""
    b = boot(cmdline, extra=ICOUNT, timeout=600)
    if b.status != 0:
        sys.exit(f"bench: the {what} guest did not finish:\n{b.tail()}")
    out = {}
    for line in b.lines("BENCH "):
        _, name, value, unit = line.split()
        out[name] = int(value) / (1 << SHIFT) if unit == "tsc" else int(value)
    return out


def ipc():
    """IPC and kernel-call paths, stabilization on (path only) and off."""
    on = bench_lines(IPC_CMDLINE, "ipc")
    off = bench_lines(IPC_CMDLINE + " stab=off", "ipc (stab=off)")
    res = {n: on[n] for n in IPC_NAMES}
    res.update({n + "_staboff": off[n] for n in IPC_NAMES})
    return res


def recovery():
    got = bench_lines("start=rs rs_start=ds,victim,svctest svctest=recovery", "recovery")
    return {n: got[n] for n in ("recovery_median", "recovery_max")}


SERVERS = ["ds", "tty", "ramfs", "vfs", "pm", "rs", "init"]
# Who says a server is back, and the parts of its time: RS for the
# services it restarts, a restarted RS for itself (the kernel restarts it),
# PM for init.
BACK = {"rs": (r"rs: rs serving again (\d+\.\d+) ms after it died \(its own start (\d+) us\)",
               ["own start"]),
        "init": (r"pm: init serving again (\d+\.\d+) ms after it died "
                 r"\(exec (\d+) us, its own start (\d+) us\)", ["exec", "own start"])}
RS_BACK = (r"rs: {} serving again (\d+\.\d+) ms after it died "
           r"\(image check (\d+) us, spawn (\d+) us, its own start (\d+) us\)",
           ["image check", "spawn", "own start"])


def servers():
    """Virtual ms from each core server's crash to serving again."""
    out = {}
    with Console().start(iso=ISO, extra=ICOUNT) as c:
        c.expect(r"init: Stabilix user land up", timeout=300)
        c.expect(r"[$#] ", timeout=120)
        c.send("sh -c 'cat /bin/sh; sleep 30' | cat > /tmp/p &\r")
        c.expect(r"[$#] ", timeout=120)
        for name in SERVERS:
            pattern, parts = BACK.get(name, RS_BACK)
            mark = c.mark()
            c.send(f"service fi {name} crash\r")
            m = wait_since(c, mark, pattern.format(name))
            out[f"recover_{name}_ms"] = float(m.group(1))
            out[f"recover_{name}_parts_us"] = {p: int(m.group(i + 2)) for i, p in enumerate(parts)}
            wait_since(c, mark, rf"service: {name}: crash injected\n(?:[^\n]*\n)*?\S* [$#] ")
    return out


STAB_LINE = re.compile(r"checker: [\d.]+% of kernel time \((\d+) of (\d+) tsc in (\d+) slices, "
                       r"longest (\d+)\), nmi [\d.]+% \((\d+) tsc\), full sweep every (\d+) ticks\n"
                       r"kernel started at tsc (\d+)\n")


def stab_sample(c):
    c.send("stabilize\r")
    m = c.expect(STAB_LINE.pattern, timeout=60)
    c.expect(r"[$#] ", timeout=30)
    return [int(x) for x in m.groups()]


def checker():
    """The checker's budget on the release system (its shell idle)."""
    with Console().start(iso=ISO, extra=ICOUNT) as c:
        c.expect(r"init: Stabilix user land up", timeout=300)
        c.expect(r"[$#] ", timeout=120)
        a = stab_sample(c)
        c.send("sleep 3\r")
        c.expect(r"[$#] ", timeout=120)
        b = stab_sample(c)
    check, tsc, slices, nmi = (b[i] - a[i] for i in (0, 1, 2, 4))
    per_tick = (check + nmi) / slices / (1 << SHIFT)
    per_s = per_tick * HZ
    return {"check_tick": check / slices / (1 << SHIFT), "nmi_tick": nmi / slices / (1 << SHIFT),
            "check_longest": b[3] / (1 << SHIFT), "check_per_s": per_s,
            "check_share_1ghz_pct": per_s / 1e9 * 100, "check_share_3ghz_pct": per_s / 3e9 * 100,
            "check_share_emulated_pct": (check + nmi) / tsc * 100,
            "sweep_ms": b[5] * 1000 / HZ, "firmware_loader_ms": b[6] / 1e6}

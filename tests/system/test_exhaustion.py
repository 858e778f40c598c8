"""test_exhaustion.py - an ordinary user (uid 1000, through su) tries to
use up the machine: memory (malloc until ENOMEM), process slots (a fork
bomb), zombies, and broken executables.  Each attack must stop at the
user's own limit with an error, the system must go on (root can still run
commands, RS can still restart a service while the memory is taken), and
afterwards the kernel's free frame count, read by the host from guest
memory (kframes.nfree), is back where it was before.

On the main before these limits (commit 629e011, checked by running these
tests there) the fork bomb took 116 process slots, every one there was, and
while the hog held every free frame root's shell could not even start
`service` (its fork failed), let alone have a service restarted.
"""
import re
import sys

from qemu import ROOT
from shell import boot_shell, run

sys.path.insert(0, str(ROOT / "tools" / "inject"))
sys.path.insert(0, str(ROOT / "tools"))
from guest import symbols  # noqa: E402
from fuzz import settled_free as settled  # noqa: E402  (the host reads kframes.nfree)


def background(c, cmd, ready=r"attack: holding"):
    mark = c.mark()
    c.send(cmd + " &\r")
    c.expect(ready, timeout=120)        # the shell's prompt came before it
    return mark


def test_user_attacks_stop_at_their_limits_and_free_memory_returns_to_baseline():
    syms = symbols()
    c = boot_shell()
    try:
        run(c, "su user -c true")
        base = settled(c, syms)

        out, status = run(c, "su user -c '/test/attack hog 0'", timeout=120)
        m = re.search(r"attack: hog (\d+) KiB then (.*)", out)
        assert status == 0 and m and m.group(2) == "Not enough space", out
        assert int(m.group(1)) > 32 * 1024, out          # it did get most of the memory
        assert settled(c, syms) == base

        mark = background(c, "su user -c '/test/attack forkbomb 10'")
        m = re.search(r"attack: forkbomb (\d+) then (.*)", c.since(mark))
        assert m and m.group(2) == "No more processes", c.since(mark)
        assert 40 <= int(m.group(1)) < 48, m.group(0)   # the user's 48, less su, attack
        assert run(c, "echo root''-still-runs") == ("root-still-runs\n", 0)
        c.expect(r"attack: released", timeout=60)
        assert settled(c, syms) == base

        out, status = run(c, "su user -c '/test/attack zombies'", timeout=120)
        m = re.search(r"attack: zombies (\d+) then (.*)", out)
        assert status == 0 and m and m.group(2) == "No more processes", out
        assert settled(c, syms) == base

        out, status = run(c, "su user -c '/test/attack elf'", timeout=120)
        got = dict(re.findall(r"attack: elf (\w+) (.*)", out))
        assert got == {"bss": "Not enough space", "phnum": "Exec format error",
                       "short": "Exec format error", "machine": "Exec format error"}, out
        assert settled(c, syms) == base
        assert not re.search(r"KERNEL PANIC|exception in (pm|vfs|rs|ds|ramfs|tty)", c.output)
    finally:
        c.close()


def test_a_service_restarts_while_a_user_holds_all_the_memory_it_can_get():
    c = boot_shell()
    try:
        mark = background(c, "su user -c '/test/attack hog 30'")
        assert re.search(r"attack: hog \d+ KiB then Not enough space", c.since(mark))
        since = c.mark()
        out, status = run(c, "service fi vfs crash", timeout=60)
        assert status == 0, out
        assert re.search(r"rs: vfs up again", c.since(since)), c.since(since)
        assert "holding" in c.since(mark) and "released" not in c.since(mark)
        out, status = run(c, "service list")
        assert re.search(r"(?m)^vfs\s+\d+\s+up\s+1\b", out), out
        assert run(c, "echo root''-still-runs") == ("root-still-runs\n", 0)
    finally:
        c.close()

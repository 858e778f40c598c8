"""table_garbage.py - helpers of the tests that fill a server's table with
random bytes while the release system runs (test_vfs_table_garbage.py,
test_server_table_garbage.py): boot to a shell in /tmp on the serial
line of a tools/inject Guest (RAM shared with the host, no pause), type a
line and wait for its output, read the shell's $$, fill symbols.
"""
import re
import sys

from qemu import ROOT, ISO

sys.path.insert(0, str(ROOT / "tools" / "inject"))
import targets    # noqa: E402
from guest import Guest, symbols   # noqa: E402


def fill(g, rng, server, *syms):
    """Random bytes over every byte of the server's syms."""
    done = targets.fill_server_symbols(g, symbols(), rng, server, *syms)
    assert done == sum(targets.server_symbol(server, x)[1] for x in syms), done


def run(g, line, want, timeout=20):
    """Type line; wait for a line of output matching want (the prompt may
    come first on that line)."""
    t = g.now()
    g.send(line + "\r")
    m = g.wait_for(r"(?:^|[$#] )" + want, timeout, since=t)
    assert m, g.output()[-3000:]
    return m


def shell_pid(g, tag):
    m = run(g, f"echo {tag}-$$-x", rf"{tag}-(\d+)-x\s*$")
    return int(re.search(rf"{tag}-(\d+)-x", m[1]).group(1))


def boot():
    """The release ISO with the watchdog, its serial shell in /tmp."""
    g = Guest(ISO, "", wdt=True, reboot=True, typing=True)
    assert g.wait_for(r"init: Stabilix user land up", 90), g.output()[-2000:]
    g.prompt()
    g.send("cd /tmp\r")
    g.prompt()
    return g

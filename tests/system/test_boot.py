"""test_boot.py - the release ISO boots to init; bad configurations and a
missing module are reported, not fatal to the rest."""
import re
from qemu import ISO, boot, start


def test_release_iso_boots_to_init():
    b = boot(iso=ISO, timeout=60, until=r"init: no shell yet")
    assert not b.timed_out, b.tail()
    assert "Stabilix kernel booting" in b.output
    assert re.search(r"kernel: \d+ MiB RAM, \d+ KiB free, 2 boot modules", b.output), b.tail()
    assert re.search(r"kernel: started init \(ep \d+\)", b.output)
    assert "init: Stabilix is up" in b.output
    assert "KERNEL PANIC" not in b.output


def test_unknown_service_on_the_command_line_starts_nothing_else():
    b = boot(start("no_such_service", "stress_s0"), timeout=30, until=r"started stress_s0")
    assert not b.timed_out, b.tail()
    assert "kernel: started stress_s0" in b.output
    assert "no_such_service" not in "\n".join(b.lines("kernel: started"))
    assert "KERNEL PANIC" not in b.output

"""test_boot.py - the release ISO boots to init and its shells; bad
configurations and a missing module are reported, not fatal to the rest."""
import re
import shutil
import subprocess
from qemu import ISO, ROOT, boot, start


def test_release_iso_boots_to_init_and_a_shell():
    b = boot(iso=ISO, timeout=60, until=r"shells on /dev/tty0 /dev/ttyS0\r?\n(?:[^\n]*\n)*?\S* [$#] ")
    assert not b.timed_out, b.tail()
    assert "Stabilix kernel booting" in b.output
    assert re.search(r"kernel: \d+ MiB RAM, \d+ KiB free, \d+ boot modules", b.output), b.tail()
    assert re.search(r"kernel: started rs \(ep \d+\)", b.output)
    for label in ("ds", "tty", "ramfs", "vfs", "pm"):
        assert re.search(rf"rs: {label} up \(ep \d+\)", b.output), label
    assert re.search(r"ramfs: \d+ entries from the ramdisk", b.output), b.tail()
    assert "KERNEL PANIC" not in b.output


def test_unknown_service_on_the_command_line_starts_nothing_else():
    b = boot(start("no_such_service", "stress_s0"), timeout=30, until=r"started stress_s0")
    assert not b.timed_out, b.tail()
    assert "kernel: started stress_s0" in b.output
    assert "no_such_service" not in "\n".join(b.lines("kernel: started"))
    assert "KERNEL PANIC" not in b.output


def test_malformed_service_description_panics_with_file_and_line(tmp_path):
    bad = tmp_path / "broken.conf"
    bad.write_text("service init\n    ipc ALL\n    colour blue\n")
    iso = tmp_path / "broken.iso"
    subprocess.run(["tools/mkiso.sh", str(iso), "build/kernel.elf", str(bad),
                    "build/bin/counter"], cwd=ROOT, check=True, capture_output=True)
    b = boot(iso=iso, timeout=60, until=r"system is halted")
    assert not b.timed_out, b.tail()
    assert "*** KERNEL PANIC: broken.conf line 3: unknown keyword" in b.output, b.tail()
    assert "kernel: started" not in b.output
    shutil.rmtree(str(iso) + ".root", ignore_errors=True)

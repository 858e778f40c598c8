"""test_ata.py - the ATA disk driver (drivers/ata) on QEMU's PIIX IDE.

The host makes two disk images: disk 0 (8 MiB) with an MBR and a known
pattern in every sector, disk 1 (200 GiB, sparse, no MBR) for LBA48.
user/tests/drvtest's "disk" scenario reads, sizes and writes them
through the driver; the host then checks what the guest printed against
what it put in the image, and what the guest wrote against the image
files after the power-off.  A boot of the release ISO without disks
shows the driver skips the CD-ROM and reports no disks.
"""
import struct

from qemu import ISO, boot, start

SECTOR = 512
DISK0_SECTORS = 16384
DISK1_BYTES = 200 << 30
FAR_SECTOR = 300000000
# (type, first sector, sectors) of the four MBR entries; None is empty
PARTS = [(0x83, 2048, 4096), (0x83, 6144, 8192), None, (0x83, 16000, 1000)]


def pattern(n, seed):
    """The bytes drvtest's pattern() makes (user/tests/drvtest/req.c)."""
    return bytes((seed + i * 7 + (i >> 8)) & 0xff for i in range(n))


def fnv1a(data):
    h = 2166136261
    for byte in data:
        h = ((h ^ byte) * 16777619) & 0xffffffff
    return h


def make_disk0(path):
    mbr = bytearray(SECTOR)
    for i, part in enumerate(PARTS):
        if part:
            kind, first, count = part
            mbr[446 + 16 * i:462 + 16 * i] = struct.pack(
                "<B3sB3sII", 0, b"\xfe\xff\xff", kind, b"\xfe\xff\xff", first, count)
    mbr[510:512] = b"\x55\xaa"
    sectors = [bytes(mbr)] + [pattern(SECTOR, s) for s in range(1, DISK0_SECTORS)]
    path.write_bytes(b"".join(sectors))


def read_at(path, offset, n):
    with open(path, "rb") as f:
        f.seek(offset)
        return f.read(n)


def drive(path, index):
    return ["-drive", f"file={path},format=raw,if=ide,index={index}"]


def test_disks_through_the_ata_driver(tmp_path):
    disk0, disk1 = tmp_path / "disk0.img", tmp_path / "disk1.img"
    make_disk0(disk0)
    with open(disk1, "wb") as f:
        f.truncate(DISK1_BYTES)
    before = disk0.read_bytes()

    b = boot(start("ata", "drvtest", drvtest="disk"), timeout=180,
             extra=drive(disk0, 0) + drive(disk1, 1))
    assert not b.timed_out, f"no power-off within the bound:\n{b.tail()}"
    failed = b.lines("not ok")
    assert not failed, "\n".join(failed)
    assert "drvtest disk: PASS" in b.output, b.tail()
    assert b.status == 0
    assert "KERNEL PANIC" not in b.output

    # what the driver found, as it said at start-up
    assert "ata: disk 0 (minor 0): QEMU HARDDISK, 8 MiB" in b.output, b.tail()
    assert "ata: disk 1 (minor 5): QEMU HARDDISK, 204800 MiB, LBA48" in b.output, b.tail()
    assert "ata: ready: 2 disks" in b.output, b.tail()
    assert "ata: disk 0: partition 4 (sectors 16000+1000) is outside the disk, ignored" \
        in b.output, b.tail()

    # the guest read what the host wrote: partition 2's hash
    want = fnv1a(before[6144 * SECTOR:(6144 + 8192) * SECTOR])
    assert f"drvtest disk: partition 2 fnv1a {want:08x}" in b.output, b.tail()

    # the host reads what the guest wrote, at the right places only
    assert read_at(disk0, 2048 * SECTOR, 65536) == pattern(65536, 5000)
    assert read_at(disk0, (2048 + 4095) * SECTOR, SECTOR) == pattern(1024, 6000)[:SECTOR]
    assert read_at(disk0, 6144 * SECTOR, SECTOR) == before[6144 * SECTOR:6145 * SECTOR], \
        "the write cut at partition 1's end spilled into partition 2"
    assert read_at(disk0, 0, 2048 * SECTOR) == before[:2048 * SECTOR]
    assert read_at(disk1, FAR_SECTOR * SECTOR, 8 * SECTOR) == pattern(8 * SECTOR, 7000)
    assert read_at(disk1, (FAR_SECTOR - 1) * SECTOR, SECTOR) == bytes(SECTOR)
    assert read_at(disk1, (FAR_SECTOR + 8) * SECTOR, SECTOR) == bytes(SECTOR)


def test_release_boot_without_disks():
    """make run's machine has only the CD-ROM: the driver skips it (ATAPI)
    and says it found no disks; the system comes up as before."""
    b = boot(iso=ISO, timeout=60, until=r"shells on /dev/tty0 /dev/ttyS0\r?\n(?:[^\n]*\n)*?\S* [$#] ")
    assert "ata: ready: 0 disks" in b.output, b.tail()
    assert "ata: disk" not in b.output, "the CD-ROM was taken for a disk:\n" + b.tail()
    assert "rs: ata up" in b.output, b.tail()
    assert "rs: ata died" not in b.output and "rs: ata missed" not in b.output, b.tail()
    assert "KERNEL PANIC" not in b.output

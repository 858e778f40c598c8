"""test_mkcpio.py - tools/mkcpio.py on the host: a staging tree with a
hard link, a plain file and a directory becomes a newc archive whose two
names of one file share an inode number and an nlink of 2, with the data
in the first name only (servers/ramfs/cpio.c links the second to it); a
plain file keeps nlink 1 and its data."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def entries(data):
    """(name, ino, mode, nlink, body) of each entry of a newc archive."""
    out, off = [], 0
    while True:
        assert data[off:off + 6] == b"070701", off
        f = [int(data[off + 6 + 8 * i:off + 14 + 8 * i], 16) for i in range(13)]
        namesize, size = f[11], f[6]
        name = data[off + 110:off + 110 + namesize - 1].decode()
        body_at = (off + 110 + namesize + 3) & ~3
        if name == "TRAILER!!!":
            return out
        out.append((name, f[0], f[1], f[4], data[body_at:body_at + size]))
        off = (body_at + size + 3) & ~3


def test_hard_links_share_an_inode_and_carry_the_data_once(tmp_path):
    stage = tmp_path / "root"
    (stage / "bin").mkdir(parents=True)
    (stage / "bin" / "prog").write_bytes(b"program bytes")
    os.link(stage / "bin" / "prog", stage / "bin" / "alias")
    (stage / "etc").mkdir()
    (stage / "etc" / "motd").write_bytes(b"hello\n")
    out = tmp_path / "ramdisk.cpio"
    subprocess.run([sys.executable, str(ROOT / "tools" / "mkcpio.py"), str(out), str(stage)],
                   check=True)
    got = {name: (ino, mode, nlink, body) for name, ino, mode, nlink, body in entries(out.read_bytes())}
    alias, prog = got["bin/alias"], got["bin/prog"]
    assert alias[0] == prog[0]                          # one inode
    assert alias[2] == prog[2] == 2                     # two names
    assert alias[3] == b"program bytes" and prog[3] == b""   # data with the first name
    assert got["etc/motd"][2] == 1 and got["etc/motd"][3] == b"hello\n"
    assert got["etc/motd"][0] not in (alias[0],)

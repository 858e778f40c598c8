"""test_ext2.py - disks with ext2 in the release system: the ata driver,
the ext2 server and VFS's mounts (docs/storage.md).

The host makes every image with mkfs.ext2 and fills it with debugfs; the
guest reads those files and writes its own through the shell; after the
guest powers off the host reads the guest's files back with debugfs and
runs e2fsck -fn, which must find nothing to fix.  A disk driver and the
ext2 server are made to fail during work: no caller may notice, and the
checksums must match on the host.
"""
import hashlib
import random
import re
import subprocess

import pytest
from shell import boot_shell, run

SBIN = "/sbin/"


def sh(*args, **kw):
    return subprocess.run(list(args), check=True, capture_output=True, **kw)


def mkfs(img, size_mib, block=1024, features=None):
    args = [SBIN + "mkfs.ext2", "-q", "-F", "-b", str(block), "-E", "root_owner=0:0"]
    if features:
        args += ["-O", features]
    sh(*args, str(img), f"{size_mib}M")


def debugfs(img, *commands, write=False):
    cmds = img.parent / "debugfs.cmds"
    cmds.write_text("\n".join(commands) + "\n")
    args = [SBIN + "debugfs"] + (["-w"] if write else []) + ["-f", str(cmds), str(img)]
    return subprocess.run(args, check=True, capture_output=True).stdout


def host_cat(img, path):
    return subprocess.run([SBIN + "debugfs", "-R", f"cat {path}", str(img)],
                          check=True, capture_output=True).stdout


def host_stat(img, path):
    return subprocess.run([SBIN + "debugfs", "-R", f"stat {path}", str(img)],
                          check=True, capture_output=True, text=True).stdout


def fsck_clean(img):
    r = subprocess.run([SBIN + "e2fsck", "-fn", str(img)], capture_output=True, text=True)
    assert r.returncode == 0, f"e2fsck -fn found problems:\n{r.stdout}{r.stderr}"


def random_bytes(n, seed):
    return random.Random(seed).randbytes(n)


def disk(img, index=0):
    return ["-drive", f"file={img},format=raw,if=ide,index={index}"]


def sha(data):
    return hashlib.sha256(data).hexdigest()


def guest_sha(c, path, timeout=120):
    out, status = run(c, f"sha256sum {path}", timeout=timeout)
    assert status == 0, out
    return out.split()[0]


def poweroff(c):
    c.send("poweroff\r")
    status = c.wait_exit(timeout=60)
    text = c.output
    c.close()
    assert status == 0, f"no clean power-off:\n{text[-3000:]}"
    return text


def filled_image(tmp_path, block, size_mib=32):
    img = tmp_path / "disk.img"
    mkfs(img, size_mib, block)
    data = random_bytes(300 * 1024, block)
    (tmp_path / "small.txt").write_text("hello from the host\n")
    (tmp_path / "data.bin").write_bytes(data)
    debugfs(img, f"write {tmp_path / 'small.txt'} small.txt", "mkdir docs",
            f"write {tmp_path / 'data.bin'} docs/data.bin", "symlink link docs/data.bin",
            "mkdir empty", write=True)
    fsck_clean(img)
    return img, data


@pytest.mark.parametrize("block", [1024, 4096])
def test_host_files_read_and_guest_files_written(tmp_path, block):
    img, data = filled_image(tmp_path, block)
    c = boot_shell(extra=disk(img))
    try:
        assert "init: /home mounted from /dev/hda" in c.output, c.output[-3000:]
        out, _ = run(c, "mount")
        assert "/dev/hda on /home type ext2 (rw)" in out, out
        out, _ = run(c, "ls /home")
        assert out.split() == ["docs", "empty", "link", "lost+found", "small.txt"], out
        assert run(c, "cat /home/small.txt")[0] == "hello from the host\n"
        assert guest_sha(c, "/home/docs/data.bin") == sha(data)
        assert run(c, "readlink /home/link")[0] == "docs/data.bin\n"
        assert guest_sha(c, "/home/link") == sha(data)
        # the guest writes: every kind of change, then powers off cleanly
        lines = [
            "mkdir /home/new", "echo guest-text > /home/new/a.txt",
            "cp /home/docs/data.bin /home/new/copy.bin",
            "ln /home/new/a.txt /home/new/hard", "ln -s a.txt /home/new/soft",
            "mv /home/small.txt /home/new/moved.txt", "rmdir /home/empty",
            "chmod 600 /home/new/a.txt", "chown 1000:1000 /home/new/copy.bin",
            "dd if=/dev/zero of=/home/zeros bs=65536 count=64",
            "dd if=/home/docs/data.bin of=/home/cut bs=1000 count=5",
            "rm /home/docs/data.bin /home/link",
        ]
        for line in lines:
            out, status = run(c, line, timeout=120)
            assert status == 0, f"{line}: {out}"
        out, _ = run(c, "df /home")
        assert re.search(r"/dev/hda\s+\d+\s+\d+\s+\d+\s+\d+% /home", out), out
    except BaseException:
        c.close()
        raise
    log = poweroff(c)
    assert "ext2: ata:0 unmounted" in log, log[-2000:]
    fsck_clean(img)
    assert host_cat(img, "/new/a.txt") == b"guest-text\n"
    assert host_cat(img, "/new/hard") == b"guest-text\n"
    assert sha(host_cat(img, "/new/copy.bin")) == sha(data)
    assert host_cat(img, "/new/moved.txt") == b"hello from the host\n"
    assert host_cat(img, "/cut") == data[:5000]
    assert host_cat(img, "/zeros") == bytes(4 << 20)
    st = host_stat(img, "/new/a.txt")
    assert "Links: 2" in st and re.search(r"Mode:\s+0600", st), st
    st = host_stat(img, "/new/copy.bin")
    assert re.search(r"User:\s+1000\s+Group:\s+1000", st), st
    assert 'Fast link dest: "a.txt"' in host_stat(img, "/new/soft")
    listing = debugfs(img, "ls -l /").decode()
    for gone in ("empty", "small.txt", "link"):
        assert not re.search(rf"\s{gone}\s*$", listing, re.M), listing
    assert "data.bin" not in debugfs(img, "ls /docs").decode()


def test_mount_errors_and_a_read_only_mount(tmp_path):
    """hda holds no file system; hdb is an ext2 with a journal, which the
    server mounts read-only, saying why."""
    blank, journal = tmp_path / "blank.img", tmp_path / "journal.img"
    with open(blank, "wb") as f:
        f.truncate(8 << 20)
    mkfs(journal, 16, 1024, features="has_journal")
    (tmp_path / "note").write_text("in a journalled file system\n")
    debugfs(journal, f"write {tmp_path / 'note'} note", write=True)
    c = boot_shell(extra=disk(blank, 0) + disk(journal, 1))
    try:
        assert "init: /home mounted" not in c.output
        assert "ext2: ata:0: not mounted" in c.output, c.output[-3000:]
        out, status = run(c, "mount /dev/hda /home")
        assert status != 0 and "Invalid argument" in out, out
        out, status = run(c, "mount /dev/hdc /home")
        assert status != 0 and "No such device or address" in out, out
        out, status = run(c, "mount /dev/null /home")
        assert status != 0 and "No such device" in out, out
        out, status = run(c, "umount /home")
        assert status != 0 and "Invalid argument" in out, out
        run(c, "mkdir /tmp/j")
        out, status = run(c, "mount /dev/hdb /tmp/j")
        assert status == 0, out
        assert "has_journal" in c.output and "read-only" in c.output, c.output[-2000:]
        assert run(c, "cat /tmp/j/note")[0] == "in a journalled file system\n"
        out, status = run(c, "touch /tmp/j/new")
        assert status != 0 and "Read-only file system" in out, out
        out, status = run(c, "mount /dev/hdb /home")
        assert status != 0 and "busy" in out, out
        out, status = run(c, "cd /tmp/j && umount /tmp/j; cd /")
        assert "busy" in out, out
        out, status = run(c, "umount /tmp/j")
        assert status == 0, out
        out, _ = run(c, "mount")
        assert "/tmp/j" not in out, out
    except BaseException:
        c.close()
        raise
    poweroff(c)
    fsck_clean(journal)


def test_disk_driver_failures_during_a_copy_are_invisible(tmp_path):
    """The ata driver crashes twice and hangs once while a 10 MiB file is
    copied; nobody sees an error and the copy is exact."""
    img = tmp_path / "disk.img"
    mkfs(img, 48, 4096)
    data = random_bytes(10 << 20, 7)
    (tmp_path / "big").write_bytes(data)
    debugfs(img, f"write {tmp_path / 'big'} big", write=True)
    c = boot_shell(extra=disk(img))
    try:
        run(c, "cp /home/big /home/copy & sleep 1; service fi ata crash; sleep 1; "
               "service fi ata hang; sleep 4; service fi ata crash; wait $!", timeout=300)
        out, status = run(c, "wait; sync", timeout=300)
        assert status == 0, out
        assert guest_sha(c, "/home/copy", timeout=300) == sha(data)
    except BaseException:
        c.close()
        raise
    log = poweroff(c)
    assert len(re.findall(r"rs: ata died", log)) >= 2, log[-3000:]
    assert "ata: restarted" in log
    assert "cp:" not in log, log[-3000:]
    fsck_clean(img)
    assert sha(host_cat(img, "/copy")) == sha(data)


def test_ext2_server_failure_loses_nothing_acknowledged(tmp_path):
    img = tmp_path / "disk.img"
    mkfs(img, 16, 1024)
    c = boot_shell(extra=disk(img))
    try:
        out, status = run(c, "seq 1 20000 > /home/numbers && mkdir /home/d && "
                             "echo before > /home/d/f")
        assert status == 0, out
        run(c, "service fi ext2 crash; sleep 1")
        assert "ext2: restarted" in c.output and "the mount kept" in c.output, c.output[-2000:]
        out, status = run(c, "echo after >> /home/d/f && cat /home/d/f && wc -l /home/numbers")
        assert status == 0 and out.startswith("before\nafter\n") and "20000" in out, out
    except BaseException:
        c.close()
        raise
    poweroff(c)
    fsck_clean(img)
    assert host_cat(img, "/d/f") == b"before\nafter\n"
    assert host_cat(img, "/numbers") == "".join(f"{i}\n" for i in range(1, 20001)).encode()

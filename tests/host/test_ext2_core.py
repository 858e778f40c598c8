"""test_ext2_core.py - the ext2 core (servers/ext2) on the host, through
build/host/ext2tool (tests/host/ext2tool.c), against images made by
mkfs.ext2 and filled and checked with debugfs and e2fsck -fn (e2fsprogs).

Every image is 16 MiB; the block sizes are 1, 2 and 4 KiB, the inodes 256
bytes (mkfs.ext2's default) and 128 (-I 128).  Each test that writes ends
with e2fsck -fn, which must find nothing to fix.  The fuzzer runs the
AddressSanitizer/UBSan build (ext2tool-asan) over mutated images."""
import hashlib
import os
import random
import re
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "build" / "host" / "ext2tool"
ASAN_TOOL = ROOT / "build" / "host" / "ext2tool-asan"
SIZES = [1024, 2048, 4096]
ASAN_ENV = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:exitcode=99",
                UBSAN_OPTIONS="halt_on_error=1:exitcode=98:print_stacktrace=1")


@pytest.fixture(scope="session")
def ext2tool():
    subprocess.run(["make", "--no-print-directory", str(TOOL.relative_to(ROOT)),
                    str(ASAN_TOOL.relative_to(ROOT))], cwd=ROOT, check=True,
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return TOOL


def mkfs(img, bs, *extra):
    subprocess.run(["mkfs.ext2", "-q", "-F", "-b", str(bs), *extra, str(img), "16M"],
                   check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def debugfs(img, cmds, write=True):
    """Runs debugfs commands (a list) from a command file; stdout."""
    cmdfile = Path(str(img) + ".cmds")
    cmdfile.write_text("\n".join(cmds) + "\n")
    p = subprocess.run(["debugfs"] + (["-w"] if write else []) + ["-f", str(cmdfile), str(img)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return p.stdout


def debugfs_r(img, cmd):
    """One read-only debugfs command (-R: no echo of the command)."""
    return subprocess.run(["debugfs", "-R", cmd, str(img)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=True).stdout


def dcat(img, path):
    return debugfs_r(img, f"cat {path}")


def dstat(img, path):
    return debugfs_r(img, f"stat {path}").decode()


def fsck(img):
    p = subprocess.run(["e2fsck", "-fn", str(img)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    assert p.returncode == 0, p.stdout.decode()


def tool(img, *cmds, rdonly=False, ok=True, binary=TOOL, timeout=60):
    """Runs ext2tool with the commands (each a list of words); returns
    (stdout bytes, stderr text, status)."""
    argv = [str(binary)] + (["-r"] if rdonly else []) + [str(img)]
    for i, c in enumerate(cmds):
        argv += ([";"] if i else []) + [str(w) for w in c]
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    if ok:
        assert p.returncode == 0, p.stderr.decode()
    return p.stdout, p.stderr.decode(), p.returncode


def sha(data):
    return hashlib.sha256(data).hexdigest()


def names(img, path):
    out, _, _ = tool(img, ["ls", path])
    return sorted(line.split(" ", 1)[1] for line in out.decode().splitlines())


def kv(text):
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def statfs(img):
    return kv(tool(img, ["statfs"])[0].decode())


def host_file(tmp_path, name, size, seed):
    data = random.Random(seed).randbytes(size)
    p = tmp_path / name
    p.write_bytes(data)
    return p, data


LONG_TARGET = "/a/target/of/more/than/sixty/bytes/" + "x" * 40   # a slow link
DOUBLE = {1024: 12 + 256 + 10, 2048: 12 + 512 + 10, 4096: 12 + 1024 + 10}  # blocks


def filled_image(tmp_path, bs, *extra):
    """An image filled by debugfs; returns (image, {path: bytes}, links)."""
    img = tmp_path / f"fill{bs}.img"
    mkfs(img, bs, *extra)
    files = {"empty": 0, "small": 5, "twelve": 12 * bs, "indirect": 13 * bs + 7,
             "a/double": DOUBLE[bs] * bs + 3, "a/b/c": 1000}
    files.update({f"many/f{i:03d}": i for i in range(120)})   # a multi-block directory
    cmds = ["mkdir a", "mkdir a/b", "mkdir many", "mkdir emptydir"]
    content = {}
    for i, (name, size) in enumerate(files.items()):
        p, data = host_file(tmp_path, f"h{i}", size, seed=i)
        cmds.append(f"write {p} {name}")
        content[name] = data
    links = {"fast": "a/b/c", "slow": LONG_TARGET}
    cmds += [f"symlink {n} {t}" for n, t in links.items()]
    debugfs(img, cmds)
    fsck(img)
    return img, content, links


@pytest.mark.parametrize("bs,extra", [(1024, ()), (2048, ()), (4096, ()), (1024, ("-I", "128")),
                                      (4096, ("-I", "128"))])
def test_reads_what_debugfs_wrote(ext2tool, tmp_path, bs, extra):
    img, content, links = filled_image(tmp_path, bs, *extra)
    for name, data in content.items():
        out, _, _ = tool(img, ["cat", name])
        assert sha(out) == sha(data), name
    assert names(img, "/") == sorted([".", "..", "lost+found", "empty", "small", "twelve",
                                      "indirect", "a", "many", "emptydir", "fast", "slow"])
    assert names(img, "a") == [".", "..", "b", "double"]
    assert names(img, "many") == sorted([".", ".."] + [f"f{i:03d}" for i in range(120)])
    for name, target in links.items():
        assert tool(img, ["readlink", name])[0].decode() == target + "\n"
    st = kv(tool(img, ["stat", "a/double"])[0].decode())
    assert int(st["size"]) == len(content["a/double"]) and int(st["mode"], 8) == 0o100644
    assert tool(img, ["cat", "nothere"], ok=False)[1].strip().endswith("ENOENT")
    fsck(img)


@pytest.mark.parametrize("bs", SIZES)
def test_writes_read_back_by_debugfs(ext2tool, tmp_path, bs):
    img = tmp_path / "w.img"
    mkfs(img, bs)
    small, small_d = host_file(tmp_path, "small", 100, 1)
    ind, ind_d = host_file(tmp_path, "ind", 13 * bs + 100, 2)
    dbl, dbl_d = host_file(tmp_path, "dbl", DOUBLE[bs] * bs + 100, 3)
    tail, tail_d = host_file(tmp_path, "tail", 3000, 4)
    hole_at = 6 * 1024 * 1024 + 5
    tool(img, ["mkdir", "d"], ["mkdir", "d/e"], ["put", small, "d/small"],
         ["put", ind, "ind"], ["put", dbl, "dbl"])
    assert tool(img, ["putat", tail, "sparse", hole_at], ok=False)[2] == 1   # no such file
    tool(img, ["put", small, "sparse"], ["putat", tail, "sparse", hole_at])
    fsck(img)
    assert dcat(img, "d/small") == small_d
    assert dcat(img, "ind") == ind_d
    assert dcat(img, "dbl") == dbl_d
    assert "(DIND)" in dstat(img, "dbl")
    sparse = dcat(img, "sparse")
    assert len(sparse) == hole_at + len(tail_d)
    assert sparse[:100] == small_d and sparse[hole_at:] == tail_d
    assert sparse[100:hole_at].count(0) == hole_at - 100
    blocks = int(re.search(r"Blockcount: (\d+)", dstat(img, "sparse")).group(1))
    assert blocks * 512 < 64 * 1024                # the hole has no blocks

    # links, renames, directories moving
    tool(img, ["ln", "d/small", "d/e/hard"], ["put", ind, "victim"], ["mv", "ind", "victim"],
         ["mkdir", "other"], ["mv", "d/e", "other/e2"])
    fsck(img)
    assert re.search(r"Links: 2\b", dstat(img, "d/small"))
    assert dcat(img, "other/e2/hard") == small_d
    assert dcat(img, "victim") == ind_d
    assert "ind" not in names(img, "/")
    e2 = names_inos(img, "other/e2")
    assert e2[".."] == names_inos(img, "other")["."]
    assert re.search(r"Links: 3\b", dstat(img, "other"))     # ., its name, e2's ..
    assert re.search(r"Links: 2\b", dstat(img, "d"))
    assert tool(img, ["mv", "other", "other/e2/inside"], ok=False)[1].strip().endswith("EINVAL")
    assert tool(img, ["rmdir", "other"], ok=False)[1].strip().endswith("ENOTEMPTY")
    assert tool(img, ["rm", "d"], ok=False)[1].strip().endswith("EISDIR")
    assert tool(img, ["mkdir", "d"], ok=False)[1].strip().endswith("EEXIST")

    # truncate, attributes, symbolic links
    tool(img, ["truncate", "dbl", 20 * bs + 1], ["truncate", "dbl", 30 * bs],
         ["chmod", "600", "d/small"], ["chown", 1000, 100, "d/small"],
         ["symlink", "d/small", "fast"], ["symlink", LONG_TARGET, "slow"],
         ["mknod", "fifo", "p"], ["mknod", "tty", "c", 4, 1], ["touch", 1000, 2000, "victim"])
    fsck(img)
    assert dcat(img, "dbl") == dbl_d[:20 * bs + 1] + bytes(30 * bs - (20 * bs + 1))
    assert "(DIND)" not in dstat(img, "dbl")
    st = dstat(img, "d/small")
    assert "Mode:  0600" in st and re.search(r"User:\s+1000\s+Group:\s+100\b", st)
    assert 'Fast link dest: "d/small"' in dstat(img, "fast")
    assert dcat(img, "slow") == LONG_TARGET.encode()
    assert tool(img, ["readlink", "slow"])[0].decode() == LONG_TARGET + "\n"
    assert "Type: FIFO" in dstat(img, "fifo")
    assert re.search(r"Device major/minor number: 04:01", dstat(img, "tty"))
    assert "mtime: 0x000007d0" in dstat(img, "victim")

    # removing everything gives the space back
    before = None
    tool(img, ["rm", "d/small"], ["rm", "other/e2/hard"], ["rmdir", "other/e2"],
         ["rmdir", "other"], ["rm", "victim"], ["rm", "dbl"], ["rm", "sparse"], ["rm", "fast"],
         ["rm", "slow"], ["rm", "fifo"], ["rm", "tty"], ["rmdir", "d"])
    fsck(img)
    fresh = tmp_path / "fresh.img"
    mkfs(fresh, bs)
    before = statfs(fresh)
    after = statfs(img)
    assert (after["bfree"], after["ffree"]) == (before["bfree"], before["ffree"])


def names_inos(img, path):
    out, _, _ = tool(img, ["ls", path])
    return {line.split(" ", 1)[1]: int(line.split(" ", 1)[0]) for line in out.decode().splitlines()}


def test_triple_indirect_at_1k(ext2tool, tmp_path):
    """A write past 12 + 256 + 256 * 256 blocks of 1 KiB goes through the
    triple indirect tree; truncating back frees it."""
    img = tmp_path / "t.img"
    mkfs(img, 1024)
    data, data_d = host_file(tmp_path, "d", 5000, 9)
    at = (12 + 256 + 65536 + 300) * 1024 + 17
    start = statfs(img)
    tool(img, ["put", data, "f"], ["putat", data, "f", at])
    fsck(img)
    assert "(TIND)" in dstat(img, "f")
    out, _, _ = tool(img, ["cat", "f"])
    assert len(out) == at + len(data_d) and out[at:] == data_d and out[:5000] == data_d
    tool(img, ["truncate", "f", 100])
    fsck(img)
    assert "(TIND)" not in dstat(img, "f") and dcat(img, "f") == data_d[:100]
    tool(img, ["rm", "f"])
    assert statfs(img)["bfree"] == start["bfree"]


@pytest.mark.parametrize("bs", SIZES)
def test_fill_until_enospc(ext2tool, tmp_path, bs):
    img = tmp_path / "full.img"
    mkfs(img, bs)
    start = statfs(img)
    keep, keep_d = host_file(tmp_path, "keep", 50000, 5)
    huge, _ = host_file(tmp_path, "huge", 20 * 1024 * 1024, 6)
    tool(img, ["put", keep, "keep"])
    _, err, status = tool(img, ["put", huge, "huge"], ok=False)
    assert status == 1 and err.strip().endswith("ENOSPC")
    assert int(statfs(img)["bfree"]) == 0
    _, err, status = tool(img, ["mkdir", "more"], ok=False)
    assert err.strip().endswith("ENOSPC")
    fsck(img)
    assert dcat(img, "keep") == keep_d
    size = int(kv(tool(img, ["stat", "huge"])[0].decode())["size"])
    assert size > 10 * 1024 * 1024
    assert dcat(img, "huge") == huge.read_bytes()[:size]
    tool(img, ["rm", "huge"], ["rm", "keep"])
    fsck(img)
    end = statfs(img)
    assert (end["bfree"], end["ffree"]) == (start["bfree"], start["ffree"])


def test_referenced_file_outlives_its_name(ext2tool, tmp_path):
    """An unlinked file that is still referenced (ext2_ref) keeps its
    inode and blocks until the last reference goes."""
    img = tmp_path / "ref.img"
    mkfs(img, 1024)
    start = statfs(img)
    data, data_d = host_file(tmp_path, "d", 40000, 10)
    tool(img, ["put", data, "f"])
    ino = kv(tool(img, ["stat", "f"])[0].decode())["ino"]
    out, _, _ = tool(img, ["ref", "f", 1], ["rm", "f"], ["statfs"], ["cat", f"#{ino}"],
                     ["ref", f"#{ino}", -1], ["statfs"])
    head = b"\n".join(out.split(b"\n")[:6]) + b"\n"           # statfs: 6 lines
    tail = out[out.rindex(b"bsize="):]
    assert out[len(head):len(out) - len(tail)] == data_d
    assert int(kv(head.decode())["bfree"]) < int(start["bfree"]) - 39
    assert kv(tail.decode())["bfree"] == start["bfree"]
    assert tool(img, ["cat", f"#{ino}"], ok=False)[1].strip().endswith("ENOENT")
    fsck(img)


def set_feature(img, offset, bit):
    with open(img, "r+b") as f:
        f.seek(1024 + offset)
        v = struct.unpack("<I", f.read(4))[0]
        f.seek(1024 + offset)
        f.write(struct.pack("<I", v | bit))


def test_unknown_incompat_is_refused(ext2tool, tmp_path):
    img = tmp_path / "inc.img"
    mkfs(img, 1024)
    set_feature(img, 96, 0x00100000)
    _, err, status = tool(img, ["ls", "/"], ok=False)
    assert status == 2 and "0x100000" in err and "incompat" in err


def test_unknown_ro_compat_mounts_read_only(ext2tool, tmp_path):
    img = tmp_path / "ro.img"
    mkfs(img, 1024)
    set_feature(img, 100, 0x00400000)
    _, err, status = tool(img, ["mkdir", "x"], ok=False)
    assert status == 1 and "0x400000" in err and err.strip().endswith("EROFS")


def test_read_only_mount_on_request(ext2tool, tmp_path):
    img = tmp_path / "r.img"
    mkfs(img, 2048)
    _, err, status = tool(img, ["mkdir", "x"], rdonly=True, ok=False)
    assert status == 1 and err.strip().endswith("EROFS")
    tool(img, ["mkdir", "x"])
    assert "x" in names(img, "/")


@pytest.mark.parametrize("bs", [1024, 4096])
def test_journal_mounts_read_only(ext2tool, tmp_path, bs):
    img = tmp_path / "j.img"
    mkfs(img, bs, "-O", "has_journal")
    small, small_d = host_file(tmp_path, "s", 3000, 7)
    debugfs(img, [f"write {small} s", "mkdir d"])
    before = sha(img.read_bytes())
    out, err, _ = tool(img, ["cat", "s"])
    assert out == small_d and "has_journal" in err
    for cmd in (["put", small, "t"], ["mkdir", "e"], ["rm", "s"], ["rmdir", "d"],
                ["truncate", "s", 0], ["chmod", "600", "s"], ["put", small, "s"],
                ["symlink", "x", "l"], ["ln", "s", "s2"], ["mv", "s", "s3"]):
        _, err, status = tool(img, cmd, ok=False)
        assert status == 1 and err.strip().endswith("EROFS"), cmd
    assert sha(img.read_bytes()) == before
    fsck(img)


def test_bad_superblocks_are_refused(ext2tool, tmp_path):
    img = tmp_path / "bad.img"
    mkfs(img, 1024)
    good = img.read_bytes()
    for offset, value, what in ((56, 0x1234, "magic"), (24, 7, "log_block_size"),
                                (4, 0x7fffffff, "blocks_count"), (40, 0, "inodes_per_group"),
                                (88, 100, "inode_size"), (32, 0, "blocks_per_group")):
        data = bytearray(good)
        size = 2 if offset in (56, 88) else 4
        data[1024 + offset:1024 + offset + size] = value.to_bytes(size, "little")
        img.write_bytes(bytes(data))
        _, err, status = tool(img, ["ls", "/"], ok=False)
        assert status == 2 and what in err, what


# ---- the fuzzer ----------------------------------------------------------------
def regions(img, bs):
    """(offset, length) of the superblock, group descriptors, inode
    tables, directory blocks and indirect blocks of an image."""
    data = img.read_bytes()
    first_data = 1 if bs == 1024 else 0
    inodes_per_group = struct.unpack_from("<I", data, 1024 + 40)[0]
    isize = struct.unpack_from("<H", data, 1024 + 88)[0]
    blocks, bpg = struct.unpack_from("<I", data, 1024 + 4)[0], struct.unpack_from("<I", data, 1024 + 32)[0]
    groups = (blocks - first_data + bpg - 1) // bpg
    gdt = (first_data + 1) * bs
    out = [(1024, 1024), (gdt, groups * 32)]
    for g in range(groups):
        table = struct.unpack_from("<I", data, gdt + 32 * g + 8)[0]
        out.append((table * bs, min(inodes_per_group * isize, 64 * isize)))
    text = debugfs(img, ["blocks /", "blocks a", "blocks a/b", "blocks many", "stat a/double",
                         "stat indirect"], write=False).decode()
    for line in text.splitlines():
        if re.fullmatch(r"[\d ]+", line.strip() or "x"):
            out += [(int(b) * bs, bs) for b in line.split()]
    for m in re.finditer(r"\((?:IND|DIND|TIND)\):(\d+)", text):
        out.append((int(m.group(1)) * bs, bs))
    return out


@pytest.mark.parametrize("bs", SIZES)
def test_fuzz_mutated_images(ext2tool, tmp_path, bs):
    """200 mutated copies in all (split over the block sizes): walking the
    tree, reading every file and then writing must end with status 0, 1 or
    2: never a signal, a sanitizer report or a timeout."""
    img, _, _ = filled_image(tmp_path, bs)
    good = img.read_bytes()
    where = regions(img, bs)
    rng = random.Random(1000 + bs)
    small, _ = host_file(tmp_path, "fz", 3 * bs, 8)
    copy = tmp_path / "mut.img"
    runs = 200 // len(SIZES) + 1
    for n in range(runs):
        data = bytearray(good)
        for _ in range(rng.randint(1, 8)):
            off, length = rng.choice(where)
            i = off + rng.randrange(length)
            data[i] = rng.choice([0, 0xff, rng.randrange(256), data[i] ^ (1 << rng.randrange(8))])
        copy.write_bytes(bytes(data))
        for cmds in ([["walk", "/"]],
                     [["put", small, "a/new"], ["mkdir", "many/d"], ["mv", "a/double", "many/d/x"],
                      ["truncate", "indirect", 5], ["rm", "small"], ["rmdir", "emptydir"],
                      ["walk", "/"]]):
            try:
                _, err, status = tool(copy, *cmds, ok=False, binary=ASAN_TOOL, timeout=10)
            except subprocess.TimeoutExpired:
                pytest.fail(f"mutation {n} ({bs}): ext2tool hangs")
            assert status in (0, 1, 2), f"mutation {n} ({bs}): status {status}\n{err[-3000:]}"
            assert "Sanitizer" not in err and "runtime error" not in err, err[-3000:]

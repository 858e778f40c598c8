#!/usr/bin/python3
"""mkcpio.py OUT STAGING [NODES] - write a cpio "newc" archive (the boot
ramdisk that servers/ramfs loads) from the folder STAGING, plus the device
nodes listed in the file NODES, so that no root rights or mknod are needed
on the host.

NODES: one node per line, '#' comments:  path type major minor mode
    /dev/console  c  4  0  0620
type is c (character) or b (block).  Hard links in STAGING stay hard
links: their entries share an inode number and carry nlink; the first
(in path order) carries the data, the others are empty, and
servers/ramfs/cpio.c links them.  Entries are written sorted by path,
so every directory comes before what it holds; owners are 0, times 0
(the archive depends only on the files' contents and modes).
"""
import os
import stat
import sys


def header(ino, mode, nlink, size, rmajor, rminor, namesize):
    fields = [ino, mode, 0, 0, nlink, 0, size, 0, 0, rmajor, rminor, namesize, 0]
    return b"070701" + b"".join(b"%08x" % f for f in fields)


def pad4(n):
    return b"\0" * (-n % 4)


def entry(ino, name, mode, nlink=1, data=b"", rdev=(0, 0)):
    raw = name.encode() + b"\0"
    h = header(ino, mode, nlink, len(data), rdev[0], rdev[1], len(raw))
    return h + raw + pad4(len(h) + len(raw)) + data + pad4(len(data))


def staged(root):
    """(path in the archive, mode, data) for everything under root."""
    out = []
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            st = os.lstat(full)
            if stat.S_ISDIR(st.st_mode):
                out.append((rel, stat.S_IFDIR | (st.st_mode & 0o7777), None, None))
            elif stat.S_ISREG(st.st_mode):
                with open(full, "rb") as f:
                    out.append((rel, stat.S_IFREG | (st.st_mode & 0o7777), f.read(),
                                (st.st_dev, st.st_ino) if st.st_nlink > 1 else None))
            else:
                sys.exit(f"mkcpio: {full}: only directories and regular files")
    return out


def nodes(path):
    out = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if len(words) != 5 or words[1] not in ("c", "b"):
                sys.exit(f"mkcpio: {path}:{n}: want 'path c|b major minor mode'")
            kind = stat.S_IFCHR if words[1] == "c" else stat.S_IFBLK
            out.append((words[0].lstrip("/"), kind | int(words[4], 8),
                        (int(words[2]), int(words[3]))))
    return out


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    out, root = sys.argv[1], sys.argv[2]
    items = [(p, m, d, (0, 0), key) for p, m, d, key in staged(root)]
    if len(sys.argv) == 4:
        items += [(p, m, None, rdev, None) for p, m, rdev in nodes(sys.argv[3])]
    items.sort(key=lambda it: it[0].split("/"))
    names = {}                          # hard-link key -> how many names
    for it in items:
        if it[4]:
            names[it[4]] = names.get(it[4], 0) + 1
    archive = b""
    first = {}                          # hard-link key -> its inode number
    for ino, (path, mode, data, rdev, key) in enumerate(items, 1):
        nlink = 2 if stat.S_ISDIR(mode) else 1
        if key and names[key] > 1:
            nlink = names[key]
            if key in first:
                ino, data = first[key], b""
            else:
                first[key] = ino
        archive += entry(ino, path, mode, nlink, data or b"", rdev)
    archive += entry(0, "TRAILER!!!", 0)
    with open(out + ".tmp", "wb") as f:
        f.write(archive)
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()

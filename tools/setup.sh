#!/bin/sh
# setup.sh - install every host dependency of Stabilix from Debian packages.
# Idempotent: does nothing (and prints nothing with --quiet) when all are
# present; uses sudo when not root.  Nothing is downloaded from elsewhere.
set -eu

# newlib-source: the newlib tarball (tools/newlib.sh); xz-utils unpacks it.
# newlib's build needs nothing else (no bison, flex or makeinfo).
# libc6-dev-i386: static -m32 glibc for the Linux guest of make bench (its
# kernel is fetched by tools/linux_kernel.sh with apt-get download, not installed).
# python3-matplotlib: the campaign's plot (tools/inject/report.py).
# dpkg-dev, patch, debian-archive-keyring: apt-get source (tools/debsrc.sh)
# unpacks BusyBox with dpkg-source, checks it against the archive key, and
# tools/busybox.sh applies user/busybox/patches.
PACKAGES="make gcc gcc-multilib binutils nasm grub-pc-bin grub-common xorriso mtools
qemu-system-x86 e2fsprogs python3 python3-pytest python3-pytest-xdist python3-pexpect
newlib-source xz-utils libc6-dev-i386 python3-matplotlib dpkg-dev patch debian-archive-keyring"

quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1

missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done

if [ -z "$missing" ]; then
    [ $quiet -eq 1 ] || echo "setup: all dependencies are installed"
    exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
echo "setup: done"

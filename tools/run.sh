#!/bin/sh
# run.sh ISO [DISK] - boot Stabilix in QEMU (TCG), with DISK (default
# build/disk.img: made on first use, a 64 MiB ext2 by the host's
# mkfs.ext2, kept between runs) as the first IDE disk, mounted on /home.
# With a display ($DISPLAY or
# $WAYLAND_DISPLAY) a VGA window opens and the serial console stays in
# this terminal; without one, the serial console is this terminal
# (leave QEMU with Ctrl-A x).  No -no-reboot: a warm restart or a reset by
# the locked hardware watchdog (i6300esb) boots Stabilix again.
set -eu
PATH=$PATH:/sbin:/usr/sbin
iso=${1:-build/stabilix.iso}
disk=${2:-build/disk.img}
if [ ! -e "$disk" ]; then
    echo "Stabilix: making $disk (64 MiB, ext2, kept between runs)"
    mkfs.ext2 -q -F -L home -E root_owner=0:0 "$disk" 64M
fi
common="-m 128 -cdrom $iso -boot order=d -drive file=$disk,format=raw,if=ide,index=0"
common="$common -device isa-debug-exit,iobase=0xf4,iosize=0x04 -device i6300esb"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Stabilix: VGA window + serial console here; close the window to quit."
    exec qemu-system-i386 $common -serial mon:stdio
else
    echo "Stabilix: serial console (no display). Leave QEMU with Ctrl-A x."
    exec qemu-system-i386 $common -nographic
fi

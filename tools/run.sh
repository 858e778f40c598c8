#!/bin/sh
# run.sh ISO - boot Stabilix in QEMU (TCG).  With a display ($DISPLAY or
# $WAYLAND_DISPLAY) a VGA window opens and the serial console stays in
# this terminal; without one, the serial console is this terminal
# (leave QEMU with Ctrl-A x).  No -no-reboot: a warm restart or a reset by
# the locked hardware watchdog (i6300esb) boots Stabilix again.
set -eu
iso=${1:-build/stabilix.iso}
common="-m 128 -cdrom $iso -boot order=d -device isa-debug-exit,iobase=0xf4,iosize=0x04 -device i6300esb"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Stabilix: VGA window + serial console here; close the window to quit."
    exec qemu-system-i386 $common -serial mon:stdio
else
    echo "Stabilix: serial console (no display). Leave QEMU with Ctrl-A x."
    exec qemu-system-i386 $common -nographic
fi

#!/bin/sh
# mkiso.sh ISO KERNEL MODULE... - build a hybrid (CD and USB stick) ISO
# with grub-mkrescue: the kernel plus every module, loaded in the order
# given, debug sections stripped.  The modules' own file names are their multiboot strings (a
# .cpio archive without its suffix: build/ramdisk.cpio is "ramdisk").
set -eu
iso=$1; kernel=$2; shift 2
root=$iso.root
rm -rf "$root"
mkdir -p "$root/boot/grub" "$root/boot/mod"
# Debug sections stay in build/ (for gdb); the ISO carries code, data and
# symbols only: less for the firmware to read at every boot.
strip --strip-debug -o "$root/boot/kernel.elf" "$kernel"
# the kernel again, as the module "kernel": the checker's pristine copy of
# its text and read-only data (kernel/check_rom.c)
lines="    module2 /boot/kernel.elf kernel
"
for m in "$@"; do
    name=$(basename "$m" .cpio)
    # ELF programs lose their debug sections; anything else is copied
    strip --strip-debug -o "$root/boot/mod/$name" "$m" 2>/dev/null ||
        cp "$m" "$root/boot/mod/$name"
    lines="$lines    module2 /boot/mod/$name $name
"
done
awk -v mods="$lines" '{ if ($0 == "@MODULES@") printf "%s", mods; else print }' \
    boot/grub.cfg.in > "$root/boot/grub/grub.cfg"
# Only the GRUB modules grub.cfg needs (and what they depend on), no fonts,
# locales or themes: GRUB loads less from the medium before the kernel.
grub-mkrescue --install-modules="normal multiboot2 serial terminal iso9660 biosdisk part_msdos" \
    --fonts= --locales= --themes= -o "$iso.tmp" "$root" >"$iso.log" 2>&1 ||
    { cat "$iso.log"; exit 1; }
mv "$iso.tmp" "$iso"
echo "built $iso ($(du -k "$iso" | cut -f1) KiB)"

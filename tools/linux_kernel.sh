#!/bin/sh
# linux_kernel.sh DIR - put Debian's i386 linux-image-686 kernel at DIR/vmlinuz
# for the Linux guest of `make bench` (docs/bench.md).
#
# The host is amd64, so the i386 package lists are fetched into a private
# apt state under DIR/apt (the host's apt configuration is not touched;
# only the sources it already lists are used).  The metapackage
# linux-image-686 is resolved to the real image package with apt-cache
# depends, the .deb fetched with apt-get download (cached in DIR) and
# extracted with dpkg-deb -x.  Nothing happens when DIR/vmlinuz exists.
set -eu
dir=$1
[ -f "$dir/vmlinuz" ] && exit 0
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial"
abs=$(cd "$dir" && pwd)
apt="-o APT::Architecture=i386 -o APT::Architectures::=i386 -o Dir::State::Lists=$abs/apt/lists
 -o Dir::Cache=$abs/apt/cache -o Dir::State::status=/dev/null -o Debug::NoLocking=1"

echo "bench: fetching Debian's linux-image-686 (i386) with apt-get download, once (cached in $dir)"
# One suite's list may fail (e.g. security mid-sync): the main suite is
# enough, so the log is shown only when the package cannot be resolved.
apt-get $apt -qq update >"$dir/apt-update.log" 2>&1 || true
pkg=$(apt-cache $apt depends linux-image-686 2>/dev/null |
      sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -1)
if [ -z "$pkg" ]; then
    cat "$dir/apt-update.log" >&2
    echo "linux_kernel.sh: cannot resolve linux-image-686 (i386) from the apt sources" >&2
    exit 1
fi
deb=$(ls "$dir"/"${pkg}"_*_i386.deb 2>/dev/null | head -1 || true)
if [ -z "$deb" ]; then
    (cd "$dir" && apt-get $apt -qq download "$pkg" 2>&1 | grep -v 'unsandboxed' >&2 || true)
    deb=$(ls "$dir"/"${pkg}"_*_i386.deb 2>/dev/null | head -1 || true)
fi
[ -n "$deb" ] || { echo "linux_kernel.sh: apt-get download $pkg failed" >&2; exit 1; }
rm -rf "$dir/pkg"
dpkg-deb -x "$deb" "$dir/pkg"
cp "$dir"/pkg/boot/vmlinuz-* "$dir/vmlinuz"
rm -rf "$dir/pkg"
echo "bench: kernel $pkg -> $dir/vmlinuz"

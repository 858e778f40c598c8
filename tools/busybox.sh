#!/bin/sh
# busybox.sh [--host|--linux] [BUILD_DIR] - build BusyBox from Debian's source
# package (fetched by tools/debsrc.sh into BUILD_DIR/busybox-src, cached),
# configured by user/busybox/applets.config.
#   (default)  for Stabilix: compiled against newlib and lib/libc, linked
#              like every Stabilix program (crt0, user/user.ld, libposix,
#              newlib, libsys): BUILD_DIR/busybox/busybox
#   --host     the same configuration for the Linux host (gcc, glibc), for
#              the host tests: BUILD_DIR/busybox-host/busybox
#   --linux    the same configuration for the i386 Linux guest of make bench
#              (gcc -m32, glibc, static): BUILD_DIR/busybox-linux/busybox
# Next to the binary, applets.list names the applets it has.
#
# Called by mk/busybox.mk, which makes it depend on the libraries; the
# object tree (BUILD_DIR/busybox) is incremental.  Third-party code is never
# committed; our patches to it are user/busybox/patches/*.patch, applied
# in name order to a fresh unpack.  The full log is BUILD_DIR/busybox.log.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
target=stabilix
[ "${1:-}" = "--host" ] && { target=host; shift; }
[ "${1:-}" = "--linux" ] && { target=linux; shift; }
B=${1:-$ROOT/build}
mkdir -p "$B"
B=$(cd "$B" && pwd)
SRC=$B/busybox-src
OUT=$B/busybox
[ $target = host ] && OUT=$B/busybox-host
[ $target = linux ] && OUT=$B/busybox-linux
LOG=$OUT.log
PORT=$ROOT/user/busybox
die() { echo "busybox: $*" >&2; exit 1; }

unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL GNUMAKEFLAGS \
      CC CFLAGS CPPFLAGS LDFLAGS LIBS 2>/dev/null || true
export LC_ALL=C
export KCONFIG_NOTIMESTAMP=1         # a banner without the build time: reproducible

# ---- source: Debian's, plus our patches ------------------------------------
# One build at a time: the host and Stabilix builds share the source tree.
exec 8>"$B/busybox.lock"
flock 8
"$ROOT/tools/debsrc.sh" busybox "$SRC" "$B"
patches=$(ls "$PORT"/patches/*.patch 2>/dev/null || true)
want=$(cat "$SRC/.debsrc"; [ -z "$patches" ] || cat $patches | md5sum)
if [ "$(cat "$SRC/.patched" 2>/dev/null)" != "$want" ]; then
    rm -f "$SRC/.debsrc"            # a patched tree is never patched again
    "$ROOT/tools/debsrc.sh" busybox "$SRC" "$B"
    for p in $patches; do
        echo "  PATCH   busybox $(basename "$p")"
        patch -d "$SRC" -p1 -s < "$p" || die "$(basename "$p") does not apply"
    done
    printf '%s\n' "$want" > "$SRC/.patched"
    rm -rf "$B/busybox" "$B/busybox-host" "$B/busybox-linux"
fi

# ---- compiler and libraries -------------------------------------------------
mkdir -p "$OUT/lib"
if [ $target = host ]; then
    CC_BB=gcc
    CFLAGS_BB=""
    LDFLAGS_BB=""
    LIBS_BB="m"
elif [ $target = linux ]; then
    CC_BB="gcc -m32"
    CFLAGS_BB="-march=i686"
    LDFLAGS_BB="-static"
    LIBS_BB="m"
else
    # The libraries a Stabilix program links with, under names -l finds.
    ln -sf "$B/libposix.a" "$OUT/lib/libposix.a"
    ln -sf "$B/newlib/i686-elf/lib/libc.a" "$OUT/lib/libc.a"
    ln -sf "$B/newlib/i686-elf/lib/libm.a" "$OUT/lib/libm.a"
    ln -sf "$B/nl/libsys-newlib.a" "$OUT/lib/libsys.a"
    ln -sf "$(gcc -m32 -print-libgcc-file-name)" "$OUT/lib/libgcc.a"
    for f in libposix.a libc.a libm.a libsys.a; do
        [ -f "$OUT/lib/$f" ] || die "$OUT/lib/$f is missing: build it first (make)"
    done
    GCC_INC=$(gcc -m32 -print-file-name=include)
    NOT_LINUX="-U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix"
    CC_BB="gcc -m32"
    CFLAGS_BB="-march=i686 -fno-pic -fno-pie -fno-stack-protector -fno-strict-aliasing
 -fno-asynchronous-unwind-tables $NOT_LINUX -D__stabilix__ -nostdinc
 -isystem $ROOT/lib/libc/include -isystem $B/newlib/i686-elf/include -idirafter $GCC_INC"
    # Kbuild hands LDFLAGS to "ld -r" too, without its -Wl, words: the script,
    # crt0 and main (in libbb's archive, wanted by libposix) go only to the link.
    LDFLAGS_BB="-nostdlib -static -no-pie -Wl,--build-id=none -Wl,-T,$ROOT/user/user.ld
 -Wl,$B/px/lib/libc/crt0.o -Wl,-u,main -Wl,--gc-sections -L$OUT/lib"
    LIBS_BB="posix c m sys gcc"
fi

# ---- configuration: allnoconfig plus our fragment ------------------------
cfg=$PORT/applets.config
if [ ! -f "$OUT/.config" ] || [ "$cfg" -nt "$OUT/.config" ] || [ "$0" -nt "$OUT/.config" ]; then
    echo "  CONFIG  busybox ($(basename "$cfg"))"
    make -C "$SRC" O="$OUT" allnoconfig >"$LOG" 2>&1 ||
        { tail -n 20 "$LOG" >&2; die "allnoconfig failed"; }
    # The fragment's values replace allnoconfig's; oldconfig then settles
    # what depends on them (new questions take their defaults).
    grep -E '^CONFIG_[A-Z0-9_]+=' "$cfg" > "$OUT/fragment.config"
    # On Linux, ash re-runs BusyBox for a script without "#!" through
    # /proc/self/exe; Stabilix has no /proc and names the binary itself.
    [ $target = host ] && sed -i 's|^CONFIG_BUSYBOX_EXEC_PATH=.*|CONFIG_BUSYBOX_EXEC_PATH="/proc/self/exe"|' \
        "$OUT/fragment.config"
    sed 's/=.*//' "$OUT/fragment.config" > "$OUT/fragment.names"
    { grep -v -w -F -f "$OUT/fragment.names" "$OUT/.config";
      sed 's/^\(CONFIG_[A-Z0-9_]*\)=n$/# \1 is not set/' "$OUT/fragment.config"; } > "$OUT/.config.new"
    mv "$OUT/.config.new" "$OUT/.config"
    yes "" | make -C "$SRC" O="$OUT" oldconfig >>"$LOG" 2>&1 ||
        { tail -n 20 "$LOG" >&2; die "oldconfig failed"; }
    # Every option the fragment sets must have taken (a misspelt or
    # dependent option is dropped silently by kconfig).
    while IFS= read -r line; do
        name=${line%%=*}; val=${line#*=}
        if [ "$val" = n ]; then
            grep -q "^$name=" "$OUT/.config" && die "$name is still set"
        else
            grep -qxF "$line" "$OUT/.config" || die "$line did not take (see its dependencies)"
        fi
    done < "$OUT/fragment.config"
fi

# ---- build ---------------------------------------------------------------
echo "  MAKE    busybox for $target (log: $LOG)"
# BusyBox's make does not know our libraries: link again every time.
rm -f "$OUT/busybox_unstripped"
jobs=$(nproc 2>/dev/null || echo 2)
if ! make -C "$SRC" O="$OUT" -j"$jobs" CC="$CC_BB" HOSTCC=gcc \
        CONFIG_EXTRA_CFLAGS="$CFLAGS_BB" CONFIG_EXTRA_LDFLAGS="$LDFLAGS_BB" \
        CONFIG_EXTRA_LDLIBS="$LIBS_BB" SKIP_STRIP=y ${BB_MAKE_ARGS:-} busybox >"$LOG" 2>&1; then
    grep -E 'error|undefined reference' "$LOG" | sort | uniq | head -n 40 >&2
    die "the build failed (the whole log: $LOG)"
fi
# Replace the binary only when it changed, and by a rename: tests may be
# running the old one (a copy onto a running program fails).
if ! cmp -s "$OUT/busybox_unstripped" "$OUT/busybox"; then
    cp "$OUT/busybox_unstripped" "$OUT/busybox.new" && mv -f "$OUT/busybox.new" "$OUT/busybox"
else
    touch "$OUT/busybox"                # up to date for make
fi
# The applets built: the names of applet_tables.h (generated by the build).
sed -n '/applet_names\[\]/,/^;/s/^"\([^"]*\)" "\\0"$/\1/p' "$OUT/include/applet_tables.h" \
    > "$OUT/applets.list"
[ -s "$OUT/applets.list" ] || die "no applet names in $OUT/include/applet_tables.h"
echo "  BUSYBOX $(wc -l < "$OUT/applets.list") applets, $(stat -c %s "$OUT/busybox") bytes"

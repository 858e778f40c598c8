#!/bin/sh
# newlib.sh [BUILD_DIR] - build newlib (libc.a, libm.a and its headers) for
# Stabilix user programs from the tarball of Debian's newlib-source package.
#
# Idempotent and cached: the result is installed under BUILD_DIR/newlib
# (default: build/newlib) with
#     BUILD_DIR/newlib/i686-elf/include   headers
#     BUILD_DIR/newlib/i686-elf/lib       libc.a libm.a (libg.a)
#     BUILD_DIR/newlib/.stamp             package version + configuration key
# A second run with the same package version and configuration prints one
# line and does nothing; a new package version (or a change of the flags
# below, or of the host gcc) rebuilds from scratch.  Work directories:
# BUILD_DIR/newlib-src (the unpacked source, kept: the debug information
# points there), BUILD_DIR/newlib-obj (the object tree, removed after the
# install); the full log is BUILD_DIR/newlib.log, its tail is printed on
# failure.  Third-party code is never committed: see docs/newlib.md.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-$ROOT/build}
mkdir -p "$B"
B=$(cd "$B" && pwd)
PREFIX=$B/newlib
SRC=$B/newlib-src
OBJ=$B/newlib-obj
LOG=$B/newlib.log
STAMP=$PREFIX/.stamp
TARGET=i686-elf

# The host's gcc -m32 stands in for an i686-elf cross compiler: it must
# not see the host's headers (-nostdinc; gcc's own stddef.h, stdarg.h,
# float.h come after newlib's) and must not claim to target Linux (with
# __linux__ newlib's sys/config.h turns on 64-bit stdio that an ELF target
# does not build, with __unix__ another jmp_buf).  mk/newlib.mk compiles
# programs with the same -U flags (NEWLIB_CFLAGS): the headers must see
# the same configuration as the library.  Only newlib's own build sees
# these flags (no -Werror there: it is not our code).
GCC_INC=$(gcc -m32 -print-file-name=include)
NOT_LINUX="-U__linux__ -U__linux -Ulinux -U__gnu_linux__ -U__unix__ -U__unix -Uunix"
CC_FOR_TARGET="gcc -m32 -ffreestanding -fno-pic -fno-pie -fno-stack-protector $NOT_LINUX -nostdinc -idirafter $GCC_INC"
CFLAGS_FOR_TARGET="-march=i686 -O2 -g -fno-asynchronous-unwind-tables"
CONFIGURE_ARGS="--target=$TARGET --disable-multilib --disable-nls
 --disable-newlib-supplied-syscalls --enable-newlib-io-long-long
 --enable-newlib-io-c99-formats --disable-libgloss"

# Keep the parent make (flags, jobserver, command-line variables such as
# CC=...) and the caller's compiler environment out of newlib's build.
unset MAKEFLAGS MFLAGS MAKEOVERRIDES MAKELEVEL GNUMAKEFLAGS \
      CC CFLAGS CPPFLAGS LDFLAGS LIBS CPP CXX CXXFLAGS 2>/dev/null || true
export LC_ALL=C

die() { echo "newlib: $*" >&2; exit 1; }

# ---- which tarball, which version -------------------------------------------
status=$(dpkg-query -W -f='${db:Status-Status} ${Version}' newlib-source 2>/dev/null) || status=""
case $status in
    "installed "?*) version=${status#installed } ;;
    *) die "the package newlib-source is not installed: run tools/setup.sh" ;;
esac
tarball=$(dpkg -L newlib-source | grep -E '^/usr/src/newlib[^/]*/.*\.tar\.(xz|gz|bz2)$' | head -n 1)
if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
    die "no newlib tarball in the package newlib-source (dpkg -L newlib-source)"
fi

key=$(printf '%s\n' "$CC_FOR_TARGET" "$CFLAGS_FOR_TARGET" "$CONFIGURE_ARGS" \
      "$(gcc -dumpfullversion)" | md5sum | cut -c1-12)
want="newlib-source $version $(basename "$tarball") config $key"

# One build at a time (make -j, or a test invoking make while make runs).
exec 9>"$B/newlib.lock"
flock 9

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] &&
   [ -f "$PREFIX/$TARGET/lib/libc.a" ] && [ -f "$PREFIX/$TARGET/lib/libm.a" ]; then
    echo "  NEWLIB  up to date ($version, $PREFIX)"
    exit 0
fi

# ---- the build ----------------------------------------------------------------
jobs=$(nproc 2>/dev/null || echo 2)
start_all=$(date +%s)
: >"$LOG"
echo "newlib: $want" >>"$LOG"

phase() {   # phase NAME COMMAND...: run, log, one line with the elapsed time
    name=$1; shift
    t0=$(date +%s)
    echo "==== $name: $*" >>"$LOG"
    if ! "$@" >>"$LOG" 2>&1; then
        echo "newlib: $name failed; the last lines of $LOG:" >&2
        tail -n 40 "$LOG" >&2
        exit 1
    fi
    t1=$(date +%s)
    printf '  NEWLIB  %-9s %4d s  (%d s total)\n' "$name" $((t1 - t0)) $((t1 - start_all))
}

# The steps are && chains: "set -e" does not apply inside a function whose
# status is tested (phase's "if").
do_unpack() {
    rm -rf "$SRC" "$SRC.tmp" &&
    mkdir -p "$SRC.tmp" &&
    tar -xf "$tarball" -C "$SRC.tmp" --strip-components=1 &&
    mv "$SRC.tmp" "$SRC"
}

# shellcheck disable=SC2086 # CONFIGURE_ARGS is a word list
do_configure() {
    rm -rf "$OBJ" &&
    mkdir -p "$OBJ" &&
    (cd "$OBJ" && "$SRC/configure" --prefix="$PREFIX" $CONFIGURE_ARGS \
        CC_FOR_TARGET="$CC_FOR_TARGET" CFLAGS_FOR_TARGET="$CFLAGS_FOR_TARGET" \
        AS_FOR_TARGET="as --32" LD_FOR_TARGET="ld -m elf_i386" \
        AR_FOR_TARGET=ar RANLIB_FOR_TARGET=ranlib NM_FOR_TARGET=nm \
        OBJDUMP_FOR_TARGET=objdump OBJCOPY_FOR_TARGET=objcopy \
        STRIP_FOR_TARGET=strip READELF_FOR_TARGET=readelf)
}

do_build() {
    make -C "$OBJ" -j"$jobs" all-target-newlib
}

do_install() {
    rm -rf "$PREFIX" &&
    make -C "$OBJ" install-target-newlib &&
    echo "$want" >"$STAMP" &&   # written last: an interrupted run builds again
    rm -rf "$OBJ"               # 30 MB; the source stays (debug info points there)
}

echo "  NEWLIB  building $(basename "$tarball") ($version) with $jobs jobs, log in $LOG"
phase unpack do_unpack
phase configure do_configure
phase build do_build
phase install do_install
echo "  NEWLIB  libc.a $(du -k "$PREFIX/$TARGET/lib/libc.a" | cut -f1) KiB, libm.a" \
     "$(du -k "$PREFIX/$TARGET/lib/libm.a" | cut -f1) KiB in $PREFIX/$TARGET/lib"

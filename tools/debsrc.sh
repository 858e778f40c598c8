#!/bin/sh
# debsrc.sh PACKAGE DEST [BUILD_DIR] - fetch and unpack Debian's source
# package PACKAGE into DEST with apt-get source, through a private apt
# configuration under BUILD_DIR/apt (default: build/apt): the host's
# sources list, lists and cache are never read or written.
#
# Idempotent: when DEST/.debsrc names the same package and version, it
# prints one line and does nothing.  The deb-src line is the host's first
# Debian archive (from /etc/apt, deb.debian.org when none), signed by
# debian-archive-keyring.  Third-party code is never committed: DEST lives
# under build/.  Used by tools/busybox.sh (and later lwIP).
set -eu

pkg=$1
dest=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${3:-$ROOT/build}
mkdir -p "$B"
B=$(cd "$B" && pwd)
APT=$B/apt
die() { echo "debsrc: $*" >&2; exit 1; }

mirror=$(grep -rhoE 'https?://[^ ]*/debian/?( |$)' /etc/apt/sources.list \
         /etc/apt/sources.list.d 2>/dev/null | head -n 1 | tr -d ' ') || true
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "no $keyring: run tools/setup.sh"

mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/dl"
printf 'deb-src [signed-by=%s] %s %s main\ndeb-src [signed-by=%s] %s %s-updates main\n' \
    "$keyring" "$mirror" "$suite" "$keyring" "$mirror" "$suite" > "$APT/sources.list"
opts="-o Dir::Etc::SourceList=$APT/sources.list -o Dir::Etc::SourceParts=/dev/null
 -o Dir::State::Lists=$APT/lists -o Dir::Cache=$APT/cache -o APT::Get::List-Cleanup=0
 -o Debug::NoLocking=1"

exec 9>"$APT/lock"
flock 9

# shellcheck disable=SC2086
if ! ls "$APT/lists/"*Sources* >/dev/null 2>&1; then
    echo "  APT     update (private lists in $APT)"
    apt-get $opts -qq update || die "apt-get update failed (network, or the mirror $mirror)"
fi
# shellcheck disable=SC2086
version=$(apt-cache $opts showsrc "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -n 1)
[ -n "$version" ] || die "no source package $pkg in $mirror $suite"

if [ -f "$dest/.debsrc" ] && [ "$(cat "$dest/.debsrc")" = "$pkg $version" ]; then
    echo "  DEBSRC  $pkg $version up to date ($dest)"
    exit 0
fi
echo "  DEBSRC  $pkg $version -> $dest"
rm -rf "$APT/dl" && mkdir -p "$APT/dl"
# shellcheck disable=SC2086
(cd "$APT/dl" && apt-get $opts -qq source "$pkg=$version" >"$APT/dl.log" 2>&1) ||
    { tail -n 20 "$APT/dl.log" >&2; die "apt-get source $pkg=$version failed"; }
dir=$(find "$APT/dl" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$dir" ] || die "apt-get source $pkg unpacked nothing"
rm -rf "$dest"
mkdir -p "$(dirname "$dest")"
mv "$dir" "$dest"
echo "$pkg $version" > "$dest/.debsrc"
rm -rf "$APT/dl"

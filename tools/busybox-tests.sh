#!/bin/sh
# busybox-tests.sh SRC BUILD DEST - install the parts of BusyBox's test
# suite (SRC/testsuite, from the Debian source package) that test the
# applets of BUILD (BUILD/applets.list, BUILD/.config) into DEST, with
# user/busybox/testsuite.sh, the runner: DEST/testsuite/{testing.sh,
# <applet>.tests, <applet>/, the data files the tests read}, DEST/.config,
# DEST/applets.list.  The ramdisk has it at /usr/share/busybox.
set -eu
src=$1/testsuite build=$2 dest=$3
rm -rf "$dest"
mkdir -p "$dest/testsuite"
cp "$build/.config" "$build/applets.list" "$dest/"
cp "$(dirname "$0")/../user/busybox/testsuite.sh" "$dest/"
cp "$src/testing.sh" "$dest/testsuite/"
for a in $(cat "$build/applets.list"); do
	[ -f "$src/$a.tests" ] && cp "$src/$a.tests" "$dest/testsuite/"
	[ -d "$src/$a" ] && cp -R "$src/$a" "$dest/testsuite/"
done
# data files: every plain file that is not a test or a test's result
for f in "$src"/*; do
	case ${f##*/} in
	*.tests|bc_*|dc_*|dcx_*|README|TODO|runtest|umlwrapper.sh) continue ;;
	esac
	[ -f "$f" ] && cp "$f" "$dest/testsuite/"
done
exit 0

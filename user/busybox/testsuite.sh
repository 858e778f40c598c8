#!/bin/sh
# testsuite.sh - run BusyBox's own test suite (the testsuite/ directory of
# the same Debian source package, installed by tools/busybox-tests.sh) on
# the applets Stabilix has, inside Stabilix:
#     sh /usr/share/busybox/testsuite.sh [applet...]
# For each applet: its old-style tests (testsuite/<applet>/<case>, each run
# with "sh -x -e" in a fresh directory; a "# FEATURE: CONFIG_X" the build
# lacks makes it UNTESTED) and its new-style <applet>.tests (testing.sh's
# PASS:/FAIL:/SKIPPED: lines), as BusyBox's runtest runs them, but with the
# applets' links in /bin (runtest makes a directory of symbolic links),
# /bin first in PATH, and each .tests read by a subshell of this one.
# Output, one line per applet that has tests (0 of each: its tests need
# what the build lacks and say nothing, as ash's need "script") and a total:
#     testsuite: <applet> <p> passed <f> failed <s> skipped
#     testsuite: FAIL <applet>: <test name>
#     testsuite: total <p> passed <f> failed <s> skipped
# Exit status: 0 when nothing failed, else 1.
share=/usr/share/busybox
ts=$share/testsuite
export bindir=$share                    # the tests read $bindir/.config
export ECHO=echo                        # BusyBox's echo takes -n and -e
export SKIP_KNOWN_BUGS=1                # the tests BusyBox marks as its own known bugs
# testing.sh's "optional" reads OPTIONFLAGS, the build's options (about
# 4 KB in every test program's environment, as upstream's runtest has it)
export OPTIONFLAGS=:$(sed -n 's/^CONFIG_\([A-Z0-9_]*\)=.*/\1/p' $share/.config | tr '\n' ':')
export PATH=/bin:$ts
cd $ts || exit 1
work=/tmp/testsuite.$$
total_p=0 total_f=0 total_s=0

# One old-style case: 0 passed, 1 failed, 2 untested.
old_case() {
	for feature in $(sed -n 's/^# FEATURE: //p' "$2"); do
		grep -q "^# $feature is not set" $share/.config && return 2
	done
	rm -rf "$work" && mkdir -p "$work" && cd "$work" || return 1
	d=$ts sh -x -e "$2" > "$work.log" 2>&1
	r=$?
	cd $ts
	rm -rf "$work"
	return $(( r != 0 ))
}

for applet in ${*:-$(cat $share/applets.list)}; do
	p=0 f=0 s=0
	if [ -d "$applet" ]; then
		for t in "$applet"/*; do
			old_case "$applet" "$ts/$t"
			case $? in
			0) p=$((p + 1)) ;;
			1) f=$((f + 1)); echo "testsuite: FAIL $applet: ${t#*/}" ;;
			*) s=$((s + 1)) ;;
			esac
		done
	fi
	if [ -f "$applet.tests" ]; then
		(. "./$applet.tests") > "$work.out" 2>&1
		p=$((p + $(grep -c '^PASS: ' "$work.out")))
		f=$((f + $(grep -c '^FAIL: ' "$work.out")))
		s=$((s + $(grep -c '^SKIPPED: \|^UNTESTED: ' "$work.out")))
		sed -n "s/^FAIL: /testsuite: FAIL $applet: /p" "$work.out"
	fi
	[ -d "$applet" ] || [ -f "$applet.tests" ] || continue
	echo "testsuite: $applet $p passed $f failed $s skipped"
	total_p=$((total_p + p)) total_f=$((total_f + f)) total_s=$((total_s + s))
done
rm -f "$work.out" "$work.log"
echo "testsuite: total $total_p passed $total_f failed $total_s skipped"
[ $total_f -eq 0 ]

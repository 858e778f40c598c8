# steps.sh - the shell-script benchmark of make bench (docs/bench.md), run
# by /bin/sh (BusyBox ash) on both guests: 1,000 steps, each an expr (a
# command substitution: a forked subshell runs the expr applet), a test
# (ash's builtin) and a pipe into cat (two more processes).  Exit status
# 0 only when every step ran.
i=0
even=0
while [ $i -lt 1000 ]; do
	i=$(expr $i + 1)
	if test $((i % 2)) -eq 0; then
		even=$((even + 1))
	fi
	echo $i | cat > /dev/null
done
[ $i -eq 1000 ] && [ $even -eq 500 ]

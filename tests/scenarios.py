"""scenarios.py - what /bin/sh and the utilities must do, as data.

Each scenario is one shell command line run as `sh -c CMD` in a fresh,
empty current directory, with PATH naming only the directory of our
programs (build/host on the Linux host, /bin on Stabilix), HOME set to
that directory and umask 022.  It expects:

    out     exact standard output (str), or a compiled regex that must
            match all of it (re.fullmatch)
    err     exact standard error (str) or a regex; "" means nothing at all
    status  exit status of sh -c

tests/host/test_sh.py and tests/host/test_utils.py run them on the host
(SHELL and UTILS, plus HOST_ONLY).  A system test can run the same lists
over Stabilix's serial console (SHELL, UTILS, plus STABILIX_ONLY); to get
the streams apart there (the console merges them, and "[n] pid" on stderr
would interleave with stdout), guest_lines() gives the lines to type into
Stabilix's shell for one scenario and parse_guest() reads the result back
out of everything the console showed (echo, prompts and \r\n included);
tests/host/test_sh.py checks this round trip with the host build.
Messages use the C library's strerror texts; glibc and newlib agree on
every one used here.  Some scenarios assume file-system semantics:
permission bits and umask 022 ("ls -l file", "cp keeps the permission
bits", "not executable is 126"), "." and ".." from readdir ("ls -a shows
them"), and link counts ("ls -l file" shows 1).
"""
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    name: str
    cmd: str
    out: object = ""          # str or re.Pattern
    err: object = ""          # str or re.Pattern
    status: int = 0


def S(name, cmd, out="", err="", status=0):
    return Scenario(name, cmd, out, err, status)


def matches(expected, actual):
    """True when actual is expected (a str) or fully matches it (a regex)."""
    if isinstance(expected, re.Pattern):
        return expected.fullmatch(actual) is not None
    return expected == actual


def usage(prog, args):
    return "usage: %s%s\n" % (prog, " " + args if args else "")


def BG_DEATH(word):
    """What ash may say on stderr when a background job it waits for was
    killed: the signal's name, or nothing when the job was reaped before
    the wait (its SIGCHLD came first; timing decides)."""
    return re.compile("(?:%s\n)?" % word)


def ls_l(*files):
    """What ls -l prints for files, each (mode string, size, name): the
    link count 1, any owner and group, any date and time."""
    return re.compile("".join(r"%s +1 \S+ +\S+ +%d [A-Z][a-z]{2} [ \d]\d \d\d:\d\d %s\n"
                              % (re.escape(m), n, re.escape(f)) for m, n, f in files))


def bb_usage(prog, before=""):
    """A BusyBox applet's usage text on stderr (after the message before):
    its banner, then "Usage: prog ..." and the option list."""
    return re.compile(re.escape(before) + r"BusyBox v1\.35\.0 \(.*\) multi-call binary\.\n\n"
                      r"Usage: " + re.escape(prog) + r" .*", re.S)


# ---- the shell ------------------------------------------------------------------
SHELL = [
    S("simple command", "echo hello world", "hello world\n"),
    S('three-stage pipeline', "echo one two three | grep two | wc -w", '3\n'),
    S("long pipeline", "echo x | cat | cat | cat | cat | cat | cat | cat | cat | cat", "x\n"),
    S("pipeline status is the last command's", "false | true; echo $?; true | false", "0\n", status=1),
    S('pipeline carries more than a pipe buffer', "echo 0123456789abcdef > a; cat a a a a a a a a > b; cat b b b b b b b b > a; "
      "cat a a a a a a a a > b; cat b b b b b b b b > a; cat a | cat | wc -c", '69632\n'),
    S("output redirection creates and truncates", "echo first > f; echo second > f; cat f", "second\n"),
    S("append redirection", "echo a > f; echo b >> f; cat f", "a\nb\n"),
    S("stderr append redirection", "ls x 2> e; ls y 2>> e; cat e",
      "ls: x: No such file or directory\nls: y: No such file or directory\n"),
    S("explicit input descriptor", "echo data > f; cat 0< f", "data\n"),
    S('input redirection', "echo data > f; wc -c < f", '5\n'),
    S("stderr redirection", "ls nosuch 2> e; echo $?; cat e",
      "1\nls: nosuch: No such file or directory\n"),
    S('2>&1 joins stderr to a pipe', "ls nosuch 2>&1 | wc -l", '1\n'),
    S("> f 2>&1 sends both to the file", "ls nosuch > f 2>&1; echo x >> f; cat f",
      "ls: nosuch: No such file or directory\nx\n"),
    S(">&2 writes to stderr", "echo oops >&2", "", "oops\n"),
    S("redirection before the command word", "> f echo hi; cat f", "hi\n"),
    S("redirection alone creates the file", "> empty; ls", "empty\n"),
    S('failed input redirection skips the command', "cat < nosuch; echo $?", '1\n', "sh: can't open nosuch: no such file\n"),
    S('builtin redirection is undone', "pwd > f; echo after; cat f | wc -l", 'after\n1\n'),
    S("&& runs on success", "true && echo yes", "yes\n"),
    S("&& skips on failure", "false && echo yes; echo $?", "1\n"),
    S("|| runs on failure", "false || echo no", "no\n"),
    S("|| skips on success", "true || echo no; echo $?", "0\n"),
    S("&& || chain", "false && echo a || echo b && echo c", "b\nc\n"),
    S("; sequences", "echo a; echo b ; echo c", "a\nb\nc\n"),
    S("newline separates commands", "echo a\necho b", "a\nb\n"),
    S("$? after a failing command", "false; echo $?; true; echo $?", "1\n0\n"),
    S("$? from a child's exit status", "sh -c 'exit 3'; echo $?", "3\n"),
    S("$$ is the shell's pid, also in pipeline children",
      "a=$$; echo $$ | grep -c \"^$a\\$\"", "1\n"),
    S("variables", "x=1; echo $x ${x}2 \"$x\"", "1 12 1\n"),
    S("unset variable is empty", "echo a${nosuch}b$nosuch.", "ab.\n"),
    S("unset builtin", "x=1; unset x; echo [$x]", "[]\n"),
    S("plain variable is not exported", "x=5; sh -c 'echo [$x]'", "[]\n"),
    S("export NAME=value", "export x=5; sh -c 'echo [$x]'", "[5]\n"),
    S("export NAME then assign", "export y; y=7; sh -c 'echo $y'", "7\n"),
    S("assignment before a command is for that command only",
      "z=9 sh -c 'echo $z'; echo [$z]", "9\n[]\n"),
    S('export of a bad name', "export 1x=2; echo $?", '', 'sh: export: line 0: 1x: bad variable name\n', status=2),
    S("single quotes keep everything", "echo 'a  b $x \\ \"'", "a  b $x \\ \"\n"),
    S("double quotes expand variables", "x=v; echo \"[$x] [\\$x] ['x']\"", "[v] [$x] ['x']\n"),
    S("backslash escapes", "echo a\\ \\ b \\$x \\\\", "a  b $x \\\n"),
    S("unquoted expansion is split, quoted is not", "x='a   b'; echo $x; echo \"$x\"", "a b\na   b\n"),
    S("empty quoted argument is kept", "sh -c 'echo $#' name \"\" a ''", "3\n"),
    S("quotes join words", "echo \"a\"'b'c", "abc\n"),
    S("operators inside quotes are text", "echo 'a|b' \"c;d\" 'e&&f' '>g'", "a|b c;d e&&f >g\n"),
    S("glob *", "echo > b.c; echo > a.c; echo > c.h; echo *.c; echo *", "a.c b.c\na.c b.c c.h\n"),
    S("glob ? and [set]", "echo > a1; echo > b2; echo > c3; echo ?2 [ac]* [!a]?", "b2 a1 c3 b2 c3\n"),
    S("glob in a directory path", "mkdir d e; echo > d/x.c; echo > e/y.c; echo */*.c", "d/x.c e/y.c\n"),
    S('glob: * skips dot files, .* matches them and . ..', "echo > .h; echo > v; echo * .*", 'v . .. .h\n'),
    S("glob without a match stays", "echo *.none 'x'*", "*.none x*\n"),
    S("quoted glob characters are literal", "echo > a.c; echo '*.c' \"*\" \\*", "*.c * *\n"),
    S("glob on an unquoted expansion", "echo > a.c; x='*.c'; echo $x \"$x\"", "a.c *.c\n"),
    S("rm with a glob", "echo > a.c; echo > b.c; echo > k; rm *.c; ls", "k\n"),
    S("comment", "echo a # not this\n# whole line\necho b#c", "a\nb#c\n"),
    S("sh -c name and arguments", "sh -c 'echo $0 $1 $2 $#' zero one two", "zero one two 2\n"),
    S("\"$@\" keeps arguments apart", "sh -c 'sh -c \"echo \\$#\" x \"$@\"' n 'a b' c", "2\n"),
    S("$@ unquoted is split", "sh -c 'sh -c \"echo \\$#\" x $@' n 'a b' c", "3\n"),
    S('background job and wait', "sleep 0.3 > f & echo started; wait; echo done", 'started\ndone\n'),
    S("wait $! returns the job's status", "sh -c 'exit 5' & wait $!; echo $?", '5\n'),
    S('wait %n', "false & wait %1; echo $?", '1\n'),
    S('background job runs while the shell goes on', "sleep 1 & echo a; ls; wait; echo b", 'a\nb\n'),
    S('background job output', "echo bg > f & wait; cat f", 'bg\n'),
    S('two background jobs, one wait', "sleep 0.1 & sleep 0.1 & wait", ''),
    S('$! is the last background pid', "true & echo $! | grep -c '^[0-9][0-9]*$'; wait", '1\n'),
    S('background and-or list', "false && echo no || echo yes & wait", 'yes\n'),
    S('wait for an unknown job', "wait 12345; echo $?", '127\n'),
    S("script file with arguments", "echo 'echo in script $1 $#' > s; sh s a b", "in script a 2\n"),
    S("script exit status", "echo 'exit 4' > s; sh s; echo $?", "4\n"),
    S("multi-line script", "echo 'x=1\necho one $x\necho two' > s; sh s", "one 1\ntwo\n"),
    S('missing script', "sh nosuch; echo $?", '2\n', "sh: can't open 'nosuch': No such file or directory\n"),
    S('commands from a non-terminal stdin', "echo 'echo from stdin; echo $((1))x' | sh", 'from stdin\n1x\n'),
    S('command not found is 127', "nosuchcmd; echo $?", '127\n', 'sh: nosuchcmd: not found\n'),
    S('missing path is 127', "./nosuch; echo $?", '127\n', 'sh: ./nosuch: not found\n'),
    S("not executable is 126", "echo x > f; ./f; echo $?", "126\n", "sh: ./f: Permission denied\n"),
    S("not executable in PATH is 126", "mkdir d; echo x > d/prog; PATH=$HOME/d; prog", "",
      "sh: prog: Permission denied\n", 126),
    S("directory is not executable", "mkdir d; ./d; echo $?", "126\n", "sh: ./d: Permission denied\n"),
    S('killed by a signal is 128+n', "sh -c 'kill -9 $$'; echo $?", '137\n', 'Killed\n'),
    S('killed by SIGTERM is 143', "sleep 5 & kill $!; wait $!; echo $?", '143\n', BG_DEATH('Terminated')),
    S("cd and relative paths", "mkdir d; cd d; echo x > f; cd ..; cat d/f", "x\n"),
    S("cd without argument goes to $HOME", "HOME=/; cd; pwd", "/\n"),
    S('cd without HOME stays', "mkdir d; cd d; unset HOME; cd; pwd | sed 's,.*/,,'", 'd\n'),
    S('cd to a missing directory', "cd nosuch; echo $?", '2\n', "sh: cd: line 0: can't cd to nosuch: No such file or directory\n"),
    S("cd in a pipeline changes nothing", "mkdir d; cd d | cat; ls", "d\n"),
    S("exit in a pipeline ends only its process", "exit 3 | cat; echo after $?", "after 0\n"),
    S("cd sets PWD", "cd /; echo $PWD", "/\n"),
    S("exit with a status", "exit 3", "", "", 3),
    S("exit keeps $?", "false; exit", "", "", 1),
    S("exit stops the script", "echo a; exit 0; echo b", "a\n"),
    S('exit with a bad number', "exit abc", '', 'sh: exit: line 0: Illegal number: abc\n', status=2),
    S('PATH search uses $PATH', "PATH=/nonexistent; ls", '', 'sh: ls: not found\n', status=127),
    S("PATH with several directories", "mkdir d; PATH=$HOME/d:$PATH; echo x", "x\n"),
    S('syntax error: unterminated quote', "echo \"abc", '', 'sh: syntax error: unterminated quoted string\n', status=2),
    S('syntax error: unterminated single quote', "echo 'abc", '', 'sh: syntax error: unterminated quoted string\n', status=2),
    S('syntax error: leading pipe', "| foo", '', 'sh: syntax error: unexpected "|"\n', status=2),
    S('syntax error: redirection without file', "echo >", '', 'sh: syntax error: unexpected end of file\n', status=2),
    S('syntax error: redirection to an operator', "echo > | cat", '', 'sh: syntax error: unexpected "|"\n', status=2),
    S('syntax error: trailing &&', "echo a &&", '', 'sh: syntax error: unexpected end of file\n', status=2),
    S('syntax error: double semicolon', "echo a;; echo b", '', 'sh: syntax error: unexpected ";;"\n', status=2),
    S('syntax error stops a script after the good lines', "echo first\n| bad\necho never", 'first\n', 'sh: syntax error: unexpected "|"\n', status=2),
    S("line continuation after a pipe", "echo a |\n cat", "a\n"),
    S("backslash-newline joins lines", "echo a \\\nb", "a b\n"),
    S("quote spanning lines", "echo 'a\nb'", "a\nb\n"),
    S('bad sh option', "sh -Z", '', 'sh: illegal option -Z\n', status=2),
    # control flow, functions, substitutions, here-documents
    S("if elif else", "for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; "
      "then echo two; else echo other; fi; done", "one\ntwo\nother\n"),
    S("for over words and a glob", "touch b a; for f in x y *; do echo $f; done", "x\ny\na\nb\n"),
    S("while with a counter", "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n"),
    S("until", "i=3; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i", "0\n"),
    S("break and continue", "for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; "
      "echo $i; done", "1\n3\n"),
    S("case with patterns", "for w in apple berry cherry x; do case $w in a*) echo A;; b*|c*) "
      "echo BC;; *) echo other;; esac; done", "A\nBC\nBC\nother\n"),
    S("function with arguments and return", "f() { echo \"$# $1 $2\"; return 3; }; f a 'b c'; echo $?",
      "2 a b c\n3\n"),
    S("function local variable", "x=1; f() { local x=2; echo $x; }; f; echo $x", "2\n1\n"),
    S("recursive function", "fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) ));"
      " fi; }; fact 10", "3628800\n"),
    S("command substitution", "x=$(echo hi; echo there); echo \"[$x]\" `echo old`", "[hi\nthere] old\n"),
    S("nested command substitution", "echo $(echo $(echo deep))", "deep\n"),
    S("arithmetic", "echo $((1 + 2 * 3)) $((7 / 2)) $((7 % 3)) $((2 ** 10)) $((0x10)) $(( (1<<40) ))",
      "7 3 1 1024 16 1099511627776\n"),
    S("arithmetic on variables", "a=5; b=7; echo $((a * b - 1)); : $((a += 10)); echo $a", "34\n15\n"),
    S("division by zero", "echo $((1 / 0))", "", "sh: divide by zero\n", status=2),
    S("here-document", "cat <<EOF\nline $((1+1))\n  two\nEOF", "line 2\n  two\n"),
    S("here-document, quoted delimiter", "x=1; cat <<'E'\n$x `no`\nE", "$x `no`\n"),
    S("here-document with tabs stripped", "cat <<-E\n\tindented\n\tE", "indented\n"),
    S("parameter expansion forms", "x=abc.tar.gz; echo ${x%.gz} ${x%%.*} ${x#*.} ${#x} ${y:-def} ${x:+set}",
      "abc.tar abc tar.gz 10 def set\n"),
    S("set -- and shift", "set -- a b c; shift; echo $# $1 $@", "2 b b c\n"),
    S("test and [ ]", "[ -d / ] && [ ! -f / ] && test abc != abd && [ 3 -gt 2 ] && echo yes", "yes\n"),
    S("read from a pipe", "echo 'a b c' | { read x y; echo \"$y|$x\"; }", "b c|a\n"),
    S("subshell keeps the parent's variables", "x=1; (x=2; echo $x); echo $x", "2\n1\n"),
    S("trap on EXIT", "trap 'echo bye' EXIT; echo hi", "hi\nbye\n"),
    S("eval", "cmd='echo evaluated'; eval $cmd", "evaluated\n"),
    S("printf builtin", "printf '%s=%d %x|%5s|\\n' a 10 255 r", "a=10 ff|    r|\n"),
]


# ---- the utilities ---------------------------------------------------------------
UTILS = [
    # cat
    S("cat files in order", "echo a > f; echo b > g; cat f g", "a\nb\n"),
    S("cat stdin", "echo in | cat", "in\n"),
    S("cat - means stdin", "echo a > f; echo b > g; echo x | cat f - g", "a\nx\nb\n"),
    S('cat missing file goes on', "echo a > f; cat nosuch f; echo $?", 'a\n1\n', "cat: can't open 'nosuch': No such file or directory\n"),
    S('cat bad option', "cat -z", '', bb_usage('cat', "cat: invalid option -- 'z'\n"), status=1),
    # echo, true, false
    S("echo -n", "echo -n a; echo b c", "ab c\n"),
    S("echo without arguments", "echo", "\n"),
    S("echo -n only as first argument", "echo a -n", "a -n\n"),
    S("true and false", "true; echo $?; false; echo $?", "0\n1\n"),
    # mkdir
    S("mkdir", "mkdir d e; ls", "d\ne\n"),
    S('mkdir existing', "mkdir d; mkdir d; echo $?", '1\n', "mkdir: can't create directory 'd': File exists\n"),
    S("mkdir -p parents", "mkdir -p a/b/c; ls a/b", "c\n"),
    S("mkdir -p existing is fine", "mkdir -p a; mkdir -p a/; echo $?", "0\n"),
    S('mkdir without parent', "mkdir x/y; echo $?", '1\n', "mkdir: can't create directory 'x/y': No such file or directory\n"),
    S('mkdir usage', "mkdir", '', bb_usage('mkdir'), status=1),
    # rm
    S("rm file", "echo a > f; echo b > g; rm f; ls", "g\n"),
    S('rm missing', "rm nosuch; echo $?", '1\n', "rm: can't remove 'nosuch': No such file or directory\n"),
    S("rm -f missing is quiet", "rm -f nosuch; echo $?", "0\n"),
    S('rm directory needs -r', "mkdir d; rm d; echo $?; ls", '1\nd\n', "rm: 'd' is a directory\n"),
    S("rm -r tree", "mkdir -p d/e/f; echo x > d/e/g; echo y > d/h; rm -r d; ls; echo $?", "0\n"),
    S("rm -rf", "mkdir -p d/e; echo x > d/e/f; rm -rf d nosuch; echo $?; ls", "0\n"),
    S('rm refuses ..', "rm -rf ..; echo $?", '1\n', "rm: can't remove '.' or '..'\n"),
    S('rm usage', "rm", '', bb_usage('rm'), status=1),
    # cp
    S("cp file to file", "echo data > f; cp f g; cat g", "data\n"),
    S("cp overwrites", "echo new > f; echo old-old > g; cp f g; cat g", "new\n"),
    S("cp files to directory", "echo a > f; echo b > g; mkdir d; cp f g d; ls d; cat d/g", "f\ng\nb\n"),
    S('cp missing source', "cp nosuch g; echo $?", '1\n', "cp: can't stat 'nosuch': No such file or directory\n"),
    S('cp directory source', "mkdir d; cp d e; echo $?", '1\n', "cp: omitting directory 'd'\n"),
    S('cp several files to a non-directory', "echo a > f; cp f f g; echo $?", '1\n', "cp: can't create 'g/f': No such file or directory\ncp: can't create 'g/f': No such file or directory\n"),
    S('cp onto itself keeps the file', "echo data > f; cp f f; echo $?; cat f; mkdir d; cp d/../f d/..; echo $?", '1\ndata\n1\n', "cp: 'f' and 'f' are the same file\ncp: 'd/../f' and 'd/../f' are the same file\n"),
    S('cp keeps the permission bits', "echo a > f; cp f g; ls -l g", ls_l(('-rw-r--r--', 2, 'g'))),
    S('cp usage', "cp f", '', bb_usage('cp'), status=1),
    # mv
    S("mv renames", "echo a > f; mv f g; ls; cat g", "g\na\n"),
    S("mv into directory", "echo a > f; mkdir d; mv f d; ls d; ls", "f\nd\n"),
    S("mv directory", "mkdir d; echo x > d/f; mv d e; cat e/f; ls", "x\ne\n"),
    S('mv missing', "mv nosuch g; echo $?", '1\n', "mv: can't rename 'nosuch': No such file or directory\n"),
    S('mv usage', "mv", '', bb_usage('mv'), status=1),
    # ls
    S("ls sorted", "echo > b; echo > a; mkdir c; ls", "a\nb\nc\n"),
    S("ls hides dot files", "echo > .hidden; echo > v; ls", "v\n"),
    S("ls -a shows them", "echo > .hidden; ls -a", ".\n..\n.hidden\n"),
    S('ls -l file', "echo hello > f; ls -l f", ls_l(('-rw-r--r--', 6, 'f'))),
    S('ls -l directory mode', "mkdir d; ls -l | grep -c '^drwxr-xr-x  *[0-9][0-9]* .* d$'", '1\n'),
    S('ls -la combined', "echo > f; ls -la | wc -l", '3\n'),
    S("ls a directory", "mkdir d; echo > d/x; ls d", "x\n"),
    S("ls files then directories", "mkdir d; echo > d/x; echo > f; ls d f",
      "f\n\nd:\nx\n"),
    S("ls missing", "ls nosuch; echo $?", "1\n", "ls: nosuch: No such file or directory\n"),
    S('ls usage', "ls -z", '', bb_usage('ls', "ls: invalid option -- 'z'\n"), status=1),
    # archives, disk use, which
    S("tar and gzip round trip", "mkdir d; echo hello > d/a; tar czf t.tgz d; rm -r d; tar xzf t.tgz; "
      "cat d/a", "hello\n"),
    S("gzip through a pipe", "echo data | gzip | gunzip; echo more | gzip > z.gz; zcat z.gz",
      "data\nmore\n"),
    S("cpio round trip", "echo x > f; echo f | cpio -o -H newc > a.cpio 2> /dev/null; rm f; "
      "cpio -i < a.cpio 2> /dev/null; cat f", "x\n"),
    S("du names what it measured", "mkdir d; echo x > d/f; du -s d | cut -f2; du d/f | cut -f2",
      "d\nd/f\n"),
    S("which finds a program", "which ls | sed 's,.*/,,'; which nosuch; echo $?", "ls\n1\n"),
    # kill
    S('kill -l', "kill -l | grep -c '^ 9) KILL$'; kill -l 9", '1\nKILL\n'),
    S('kill default TERM', "sleep 5 & kill $!; wait $!; echo $?", '143\n', BG_DEATH('Terminated')),
    S('kill -9', "sleep 5 & kill -9 $!; wait $!; echo $?", '137\n', BG_DEATH('Killed')),
    S('kill -s KILL', "sleep 5 & kill -s KILL $!; wait $!; echo $?", '137\n', BG_DEATH('Killed')),
    S('kill -SIGHUP', "sleep 5 & kill -SIGHUP $!; wait $!; echo $?", '129\n', BG_DEATH('Hangup')),
    S('kill a non-number', "kill abc; echo $?", '1\n', "sh: invalid number 'abc'\n"),
    S('kill unknown signal', "kill -s FOO 1", '', "sh: bad signal name 'FOO'\n", status=1),
    S('kill usage', "kill", '', 'sh: you need to specify whom to kill\n', status=1),
    # sleep
    S("sleep", "sleep 0.1; echo $?", "0\n"),
    S('sleep usage', "sleep", '', bb_usage('sleep'), status=1),
    S('sleep bad number', "sleep 1x", '', "sleep: invalid number '1x'\n", status=1),
    # wc
    S('wc all counts', "echo 'one two' > f; echo three >> f; wc f", '        2         3        14 f\n'),
    S('wc -l -w -c', "echo 'a b c' > f; wc -l f; wc -w f; wc -c f", '1 f\n3 f\n6 f\n'),
    S('wc stdin', "echo 'a b' | wc", '        1         2         4\n'),
    S('wc total', "echo a > f; echo b c > g; wc -lw f g", '        1         1 f\n        1         2 g\n        2         3 total\n'),
    S("wc missing", "wc nosuch; echo $?", "1\n", "wc: nosuch: No such file or directory\n"),
    S('wc usage', "wc -x", '', bb_usage('wc', "wc: invalid option -- 'x'\n"), status=1),
    # grep
    S("grep fixed string", "echo foo > t; echo bar >> t; echo food >> t; grep foo t", "foo\nfood\n"),
    S("grep -v", "echo foo > t; echo bar >> t; grep -v foo t", "bar\n"),
    S("grep -c", "echo foo > t; echo bar >> t; echo foo >> t; grep -c foo t", "2\n"),
    S("grep -i", "echo FOO > t; echo bar >> t; grep -i foo t", "FOO\n"),
    S("grep -n", "echo a > t; echo b >> t; echo ab >> t; grep -n b t", "2:b\n3:ab\n"),
    S("grep anchors", "echo ab > t; echo ba >> t; echo b >> t; grep '^b' t; grep 'b$' t",
      "ba\nb\nab\nb\n"),
    S("grep . and *", "echo ac > t; echo abbbc >> t; echo axc >> t; echo c >> t; grep 'ab*c' t; grep '^a.c$' t",
      "ac\nabbbc\naxc\n"),
    S("grep .* matches everything", "echo x > t; echo >> t; grep -c '.*' t", "2\n"),
    S("grep escaped dot", "echo a.c > t; echo abc >> t; grep 'a\\.c' t", "a.c\n"),
    S("grep bracket sets", "echo a1 > t; echo b >> t; echo ']x' >> t; grep '[0-9]' t; grep -c '^[^0-9]*$' t; grep '[]]' t",
      "a1\n2\n]x\n"),
    S("grep no match is 1", "echo a | grep b; echo $?", "1\n"),
    S("grep several files", "echo x > f; echo y > g; echo x > h; grep x f g h", "f:x\nh:x\n"),
    S("grep stdin with -vn", "echo 'a\nb\nc' > t; cat t | grep -vn b", "1:a\n3:c\n"),
    S("grep missing file is 2", "grep x nosuch; echo $?", "2\n", "grep: nosuch: No such file or directory\n"),
    S('grep usage', "grep", '', bb_usage('grep'), status=2),
    # hexdump
    S("hexdump -C", "echo hello world > f; hexdump -C f",
      "00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|\n0000000c\n"),
    S("hexdump squeezes repeated lines",
      "echo aaaaaaaaaaaaaaa > f; cat f f f f > g; hexdump g",
      "00000000  61 61 61 61 61 61 61 61  61 61 61 61 61 61 61 0a  |aaaaaaaaaaaaaaa.|\n*\n00000040\n"),
    S("hexdump stdin, non-printing bytes", "echo -n 'a\tb' | hexdump",
      "00000000  61 09 62                                          |a.b|\n00000003\n"),
    S("hexdump empty input", "echo -n | hexdump", ""),
    S("hexdump missing", "hexdump nosuch; echo $?", "1\n", "hexdump: nosuch: No such file or directory\n"),
    S("hexdump usage", "hexdump -x", "", "hexdump: unknown option -x\n" + usage("hexdump", "[-C] [file...]"), 2),
    # the Stabilix-specific utilities: argument checks (same everywhere)
    S("uptime usage", "uptime now", "", usage("uptime", ""), 2),
    S("free usage", "free -x", "", "free: unknown option -x\n" + usage("free", "[-m]"), 2),
    S("mem is free", "mem extra", "", usage("mem", "[-m]"), 2),
    S("dmesg usage", "dmesg -c", "", usage("dmesg", ""), 2),
    S("ps usage", "ps aux", "", usage("ps", ""), 2),
    S("poweroff usage", "poweroff now", "", usage("poweroff", ""), 2),
    S("reboot usage", "reboot now", "", usage("reboot", ""), 2),
    S("service usage", "service", "",
      usage("service", "list | service up|down|restart <label> | service fi <label> crash|hang|exception|corrupt|midway"), 2),
    S("service unknown command", "service start tty", "",
      usage("service", "list | service up|down|restart <label> | service fi <label> crash|hang|exception|corrupt|midway"), 2),
    S("service fi unknown fault", "service fi tty melt", "",
      usage("service", "list | service up|down|restart <label> | service fi <label> crash|hang|exception|corrupt|midway"), 2),
    S("service label too long", "service up abcdefghijklmnopq", "",
      usage("service", "list | service up|down|restart <label> | service fi <label> crash|hang|exception|corrupt|midway"), 2),    # cksum (the POSIX CRC; GNU cksum prints the same)
    S("cksum of stdin", "echo hello | cksum", "3015617425 6\n"),
    S("cksum of a file names it", "echo hello > f; cksum f", "3015617425 6 f\n"),
    S("cksum of nothing", "cksum < /dev/null", "4294967295 0\n"),
    S('cksum missing file', "cksum nosuch; echo $?", '1\n', "cksum: can't open 'nosuch': No such file or directory\n"),
    S('cksum bad option', "cksum -x", '', "cksum: can't open '-x': No such file or directory\n", status=1),
    # id and su (the user database is /etc/passwd: the host's own on the host)
    S("id of no such user", "id nosuchuser", "", "id: unknown user nosuchuser\n", 1),
    S("id -u of root", "id -u root", "0\n"),
    S("su usage", "su -x", "", "su: unknown option -x\n" + usage("su", "[user] [-c command]"), 2),
    S("su unknown user", "su nosuchuser -c true", "", "su: unknown user nosuchuser\n", 1),
    # chmod and chown (ls -l shows the mode; owners are tested on Stabilix)
    S('chmod sets the bits', "echo x > f; chmod 640 f; ls -l f", ls_l(('-rw-r-----', 2, 'f'))),
    S('chmod several files', "echo x > f; echo y > g; chmod 700 f g; ls -l f g", ls_l(('-rwx------', 2, 'f'), ('-rwx------', 2, 'g'))),
    S("chmod missing file", "chmod 600 nosuch; echo $?", "1\n",
      "chmod: nosuch: No such file or directory\n"),
    S('chmod bad mode', "chmod 9x f", '', 'chmod: f: No such file or directory\n', status=1),
    S('chmod usage', "chmod 600", '', bb_usage('chmod'), status=1),
    S("chown unknown user", "echo x > f; chown nosuchuser f", "", "chown: unknown user nosuchuser\n", 1),
    S("chown usage", "chown root", "", bb_usage("chown"), 1),
    # symbolic links (newlib's strerror says "Too many symbolic links" for
    # ELOOP, glibc's "Too many levels of symbolic links")
    S("ln -s and cat through the link", "echo hello > f; ln -s f l; cat l", "hello\n"),
    S("cd through a link to a directory", "mkdir d; echo x > d/f; ln -s d l; cd l; cat f; cd ..; ls",
      "x\nd\nl\n"),
    S("a relative target is resolved from the link's directory",
      "mkdir d; echo top > f; ln -s ../f d/up; cat d/up", "top\n"),
    S("a link in the middle of a path", "mkdir -p a/b; echo deep > a/b/f; ln -s a/b c; cat c/f; ls c",
      "deep\nf\n"),
    S("readlink prints the target as given", "ln -s some/where l; readlink l", "some/where\n"),
    S("readlink of a file that is no link", "echo > f; readlink f; echo $?", "1\n"),
    S("readlink -f and realpath resolve links", "mkdir -p a/b; ln -s a/b c; readlink -f c/.. | sed 's,.*/,,'; "
      "realpath c | sed 's,.*/\\(.*/.*\\),\\1,'", "a\na/b\n"),
    S("ls -l shows the link and its target", "echo x > f; ln -s f l; ls -l l",
      re.compile(r"lrwxrwxrwx +1 \S+ +\S+ +1 [A-Z][a-z]{2} [ \d]\d \d\d:\d\d l -> f\n")),
    S("stat: a link's own type and size, -L its target's", "echo abc > f; ln -s f l; "
      "stat -c '%F %s' l; stat -L -c '%F %s' l", "symbolic link 1\nregular file 4\n"),
    S("a dangling link: cat fails, ls -l lists it",
      "ln -s nowhere l; cat l; echo $?; ls -l l | grep -c ' l -> nowhere$'", "1\n1\n",
      "cat: can't open 'l': No such file or directory\n"),
    S("writing through a dangling link creates its target", "ln -s new l; echo made > l; cat new",
      "made\n"),
    S("a link loop is ELOOP", "ln -s a b; ln -s b a; cat a", "",
      re.compile(r"cat: can't open 'a': Too many (levels of )?symbolic links\n"), 1),
    S("ln of a symbolic link links the link itself", "echo x > f; ln -s f s; ln s h; readlink h; cat h",
      "f\nx\n"),
    S("rm of a link keeps the target", "echo x > f; ln -s f l; rm l; ls; cat f", "f\nx\n"),
    S("ln -s onto an existing name", "echo > f; ln -s x f; echo $?; readlink f; echo $?", "1\n1\n",
      "ln: f: File exists\n"),
    S("mv renames the link, not the target", "echo x > f; ln -s f l; mv l m; ls; readlink m",
      "f\nm\nf\n"),
    # file times
    S("touch -d sets the date", "echo > f; touch -d '2001-02-03 04:05:06' f; ls -l --full-time f",
      re.compile(r"-rw-r--r-- +1 \S+ +\S+ +1 2001-02-03 04:05:06 [+-]\d{4} f\n")),
    S("touch -t sets the date", "echo > f; touch -t 199912312359.30 f; stat -c %y f | cut -c1-19",
      "1999-12-31 23:59:30\n"),
    S("touch of an existing file makes its time now",
      "echo > f; touch -d 2001-01-01 f; touch f; t=$(stat -c %Y f); n=$(date +%s); "
      "[ $((n - t)) -ge 0 ] && [ $((n - t)) -lt 120 ] && echo recent", "recent\n"),
    S("touch -a leaves the modification time", "echo > f; touch -d '2001-02-03 04:05:06' f; touch -a f; "
      "date -r f '+%Y-%m-%d %H:%M:%S'", "2001-02-03 04:05:06\n"),
    S("touch -c does not create", "touch -c nosuch; echo $?; ls", "0\n"),
    # stabilize
    S("stabilize with arguments", "stabilize now", "", usage("stabilize", ""), 2),
    # init takes no arguments (it is started by PM, never by hand)
    S("init with arguments", "init now", "",
      usage("init", "(no arguments: init is started by the system)"), 2),
]

# On the host the Stabilix calls fail with ENOSYS (tests/host/host_stabilix.c).
NOSYS = "Function not implemented"
HOST_ONLY = [
    S("uptime without the system", "uptime", "", "uptime: %s\n" % NOSYS, 1),
    S("free without the system", "free", "", "free: %s\n" % NOSYS, 1),
    S("free -m without the system", "free -m", "", "free: %s\n" % NOSYS, 1),
    S("mem without the system", "mem", "", "mem: %s\n" % NOSYS, 1),
    S("dmesg without the system", "dmesg", "", "dmesg: %s\n" % NOSYS, 1),
    S("ps without the system", "ps", "", "ps: %s\n" % NOSYS, 1),
    S("service list without the system", "service list", "", "service: %s\n" % NOSYS, 1),
    S("service up without the system", "service up tty", "", "service: tty: %s\n" % NOSYS, 1),
    S("service fi without the system", "service fi tty crash", "", "service: tty: %s\n" % NOSYS, 1),
    S("poweroff without the system", "poweroff", "", "poweroff: %s\n" % NOSYS, 1),
    S("reboot without the system", "reboot", "", "reboot: %s\n" % NOSYS, 1),
    S("stabilize without the system", "stabilize", "", "stabilize: %s\n" % NOSYS, 1),
]

# Only meaningful on Stabilix (not run on the host): the real calls.
STABILIX_ONLY = [
    S("uname names the system", "uname -s; uname -m; uname -o", "Stabilix\ni686\nStabilix\n"),
    S("uptime", "uptime", re.compile(r"up \d+:\d\d:\d\d\.\d{3}\n")),
    S("free", "free", re.compile(r"total: +\d+ KiB\nused: +\d+ KiB\nfree: +\d+ KiB\n")),
    S("ps lists init", "ps | grep -c ' init$'", "1\n"),
    S("ps header", "ps | grep -c '^  PID  PPID    EP STATE'", "1\n"),
    S("ps lists itself, the newest process", "ps | grep -c ' ps$'", "1\n"),
    S("ps counts a service's pages", "ps | grep ' pm$'",
      re.compile(r" +- +-1 +\d+ \S+ +[1-9]\d* pm\n")),
    S("service list shows ds", "service list | grep -c '^ds '", "1\n"),
    S("id of the console shell", "id", "uid=0(root) gid=0(root) groups=0(root)\n"),
    S("su runs a command as user", "su user -c id", "uid=1000(user) gid=1000(user) groups=1000(user)\n"),
    S("id -un, groups and whoami as user", "su user -c 'id -un; groups; whoami'", "user\nuser\nuser\n"),
    S("df lists the root file system", "df",
      re.compile(r"Filesystem +1K-blocks +Used Available Use% Mounted on\nramfs +16384 +\d+ +\d+ +\d+% /\n")),
    S("df / names its mount", "df / | awk 'NR == 2 { print $1, $2 - $3 - $4, $6 }'", "ramfs 0 /\n"),
    S("df -i counts inodes", "df -i / | awk 'NR == 2 { print $1, $2 }'", "ramfs 2048\n"),
    S("df sees a file's blocks", "u=$(df / | awk 'NR == 2 { print $3 }'); seq 1 100000 > big; "
      "v=$(df / | awk 'NR == 2 { print $3 }'); rm big; "
      "w=$(df / | awk 'NR == 2 { print $3 }'); echo $((v - u)) $((w - u))", "576 0\n"),
    S("a user may touch a file it may write, not set its date", "echo > f; chmod 666 f; "
      "touch -d 2001-01-01 f; su user -c 'touch f'; date -r f +%Y | grep -vc 2001; "
      "su user -c 'touch -d 2002-01-01 f'; echo $?", "1\n1\n",
      "touch: f: Not owner\n"),          # newlib's text for EPERM
    S("a user may not touch a file it may not write", "echo > f; su user -c 'touch f'; echo $?", "1\n",
      "touch: f: Permission denied\n"),
    S("a user's symlink is its own", "mkdir d; chmod 777 d; su user -c 'ln -s x d/l'; "
      "ls -l d/l | awk '{ print $1, $3 }'; su user -c 'ln -s x l'", "lrwxrwxrwx user\n",
      "ln: l: Permission denied\n", 1),
    S("dmesg has the boot banner", "dmesg | grep -c 'Stabilix kernel booting'", "1\n"),
    S("stabilize: every mechanism on",
      "stabilize | grep -c '^mechanisms: checker on, rom on, nmi on, watchdog on$'", "1\n"),
    S("stabilize lists the repair counters", "stabilize | grep -c '^idt  *[0-9][0-9]*$'", "1\n"),
    S("stabilize reports the checker's cost",
      "stabilize | grep -c '^checker: [0-9]*[.][0-9][0-9]% of kernel time ([0-9]* of [0-9]* tsc in [0-9]* slices, longest [0-9]*), nmi'",
      "1\n"),
]


# ---- running a scenario through an interactive shell (Stabilix's console) ----
def sh_quote(s):
    """s as one shell word: single-quoted, or $'...' (ash's bash
    extension) when s holds a tab or a newline, which a person cannot type
    into the line editor as they are (a tab completes, a newline ends the
    line)."""
    if "\t" in s or "\n" in s:
        return "$'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t") \
            .replace("\n", "\\n") + "'"
    return "'" + s.replace("'", "'\\''") + "'"


def guest_lines(sc, n, base="/tmp"):
    """Lines to type into a shell (/bin/sh) to run scenario sc as number n:
    in a fresh directory base/sc<n>.d with HOME there, the streams into
    base/sc<n>.o and .e, then markers around their contents.  The markers
    are typed with '' inside so that the echoed command never contains
    them."""
    d, o, e = "%s/sc%d.d" % (base, n), "%s/sc%d.o" % (base, n), "%s/sc%d.e" % (base, n)
    m = "sc%d" % n
    return [
        "mkdir %s && cd %s && HOME=%s sh -c %s > %s 2> %s; echo %s''-status=$?; cd /"
        % (d, d, d, sh_quote(sc.cmd), o, e, m),
        "echo %s''-out; cat %s; echo %s''-err; cat %s; echo %s''-end" % (m, o, m, e, m),
    ]


def parse_guest(text, n):
    """(stdout, stderr, status) of scenario n from the console text, or
    None if its markers are not (yet) all there."""
    text = text.replace("\r\n", "\n")
    m = "sc%d" % n
    st = re.search(r"%s-status=(\d+)\n" % m, text)
    out_at = text.find(m + "-out\n")
    err_at = text.find(m + "-err\n", out_at + 1)
    end_at = text.find(m + "-end\n", err_at + 1)
    if not st or min(out_at, err_at, end_at) < 0:
        return None
    out = text[out_at + len(m) + 5:err_at]
    err = text[err_at + len(m) + 5:end_at]
    return out, err, int(st.group(1))

"""shell.py - drive Stabilix's shell on the serial console (ttyS0).

boot_shell() boots the release ISO (the real system: rs, ds, tty, ramfs,
vfs, pm, init) in a Console session and waits for the first prompt.
run() types one command line and returns what came back before the next
prompt; run_scenario() runs a tests/scenarios.py scenario with the
guest recipe (streams to files, markers around them) and returns
(stdout, stderr, status) exactly as the guest produced them.
"""
import re
import sys
from pathlib import Path

from qemu import Console, ISO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import scenarios  # noqa: E402

# ash's prompt is "\w \$ ": the directory ("~" for $HOME), then "# " for
# root and "$ " for the others.  PROMPT matches its end.
PROMPT = r"[$#] "


def boot_shell(extra=(), cmdline="", reboot=False):
    c = Console().start(cmdline, iso=ISO, extra=extra, reboot=reboot)
    try:
        c.expect(r"init: Stabilix user land up", timeout=60)
        c.expect(PROMPT, timeout=30)         # the serial shell's first prompt
    except BaseException:
        c.close()                           # a boot that fails leaves no QEMU behind
        raise
    return c


def echo_end(text, typed):
    """Where the last echo of the typed line ends in text, or -1.  ash's
    line editor breaks a line longer than the terminal with a newline,
    so one may come between any two characters of the echo."""
    pattern = re.compile("\n?".join(re.escape(ch) for ch in typed))
    start = max(0, len(text) - 2 * len(typed) - 4096)     # the echo is near the end
    ends = [m.end() for m in pattern.finditer(text, start)]
    return ends[-1] if ends else -1


def run(c, line, timeout=60):
    """Type line, wait for the command to finish (a unique marker echoed
    after it) and for the next prompt, return the output in between.
    Waiting for the prompt keeps the next line's echo from interleaving
    with it."""
    run.n = getattr(run, "n", 0) + 1
    tag = "done%d" % run.n
    # after "cmd &" the marker follows without ";" (ash takes "&;" for an error)
    sep = " " if line.rstrip().endswith("&") else "; "
    typed = line + sep + "echo " + tag[:2] + "''" + tag[2:] + "=$?"
    c.send(typed + "\r")
    m = c.expect(re.escape(tag) + r"=(\d+)\n", timeout=timeout)
    # type the next line after the prompt; its "$" only: a kernel log line
    # (a restart's) may come between the "$" and the space
    c.expect(r"[$#]", timeout=timeout)
    text = c.output[:m.start()]
    end = echo_end(text, typed)         # the line's echo, not a word of the output
    body = text[end:] if end >= 0 else text
    body = body.split("\n", 1)[1] if "\n" in body else ""
    late = re.match(r"(?:\S* [$#] )+", body)     # a prompt that came late
    if late:
        body = body[late.end():]
    return body, int(m.group(1))


def run_scenario(c, sc, n, timeout=60):
    """Type scenario sc as number n; (stdout, stderr, status).  The second
    line is typed only when the first has finished: a line typed ahead is
    echoed at once (the tty echoes on input, as Linux's does), into the
    middle of the running command's output and its markers."""
    first, second = scenarios.guest_lines(sc, n)
    c.send(first + "\r")
    c.expect(r"sc%d-status=\d+\n" % n, timeout=timeout)
    c.expect(PROMPT, timeout=timeout)
    c.send(second + "\r")
    c.expect(r"sc%d-end\n" % n, timeout=timeout)
    c.expect(PROMPT, timeout=timeout)
    got = scenarios.parse_guest(c.output, n)
    if got is None:
        raise AssertionError("scenario %d (%s): its markers came back incomplete; the console "
                             "ends:\n%s" % (n, sc.name, c.output[-1500:]))
    return got

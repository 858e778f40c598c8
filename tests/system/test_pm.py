"""test_pm.py - the process manager, driven by user/tests/pmtest.

pmtest talks to PM with raw messages (no libc) and prints one line per
check; every expected line must be there with "ok", so a check that
silently disappears fails the test as surely as a wrong result.
"""
from qemu import boot, start

CHECKS = [
    "fork: the child writes its own copy of memory; exit status 42",
    "getpid: the child's ppid is the parent",
    "waitpid WNOHANG: 0 while the child lives",
    "waitpid: the status of exit(7)",
    "waitpid without children: ECHILD",
    "waitpid with unknown options: EINVAL",
    "divide error ends the child with SIGFPE",
    "page fault ends the child with SIGSEGV",
    "invalid opcode ends the child with SIGILL",
    "kill SIGTERM: OK",
    "a sleeping child killed with SIGTERM: status SIGTERM",
    "kill of no such pid: ESRCH",
    "kill with signal 99: EINVAL",
    "kill with signal 0 checks existence",
    "SIGUSR1 handler runs once with signo 30; sleep ends with EINTR",
    "a masked signal stays pending and arrives when unmasked",
    "SIGCHLD handler; sigsuspend ends with EINTR; the status is kept",
    "alarm: SIGALRM after 300 ms ends a 2 s sleep with EINTR, 1.7 s left",
    "alarm 0 cancels it and returns the ms that were left",
    "an alarm's default action ends the process",
    "a fork's child does not inherit the alarm",
    "brk: the break starts at &end",
    "brk grows the heap by 64 KiB, writable",
    "brk shrinks it back",
    "brk far beyond memory: ENOMEM",
    "a page given back with brk is gone (SIGSEGV)",
    "1000 fork/exit/wait cycles; free memory back to its start",
    "forking until the table is full: EAGAIN",
    "every child killed and reaped; memory back",
]


def test_pm_semantics():
    b = boot(start("pm", "pmtest"), timeout=240)
    results = {}
    for line in b.output.splitlines():
        for verdict in ("ok - ", "not ok - "):
            if line.startswith(verdict):
                results[line[len(verdict):].rsplit(" (got", 1)[0]] = verdict == "ok - "
    missing = [c for c in CHECKS if c not in results]
    failed = [c for c in CHECKS if results.get(c) is False]
    assert not missing and not failed, f"missing {missing}\nfailed {failed}\n{b.tail(60)}"
    assert "pmtest: PASS" in b.output and b.status == 0, b.tail()

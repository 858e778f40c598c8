"""verdict.py - how a campaign trial is judged, from the serial lines the
host saw (tools/inject/inject.py; host-tested in tests/host/
test_inject_verdicts.py).  Pure functions of a timeline: no QEMU here.

A heartbeat (workload.judge) is good if it parses, carries the values the
host computes, and its round number is one more than the previous one's
(any number may start the workload again after a machine reset).  Bad
events: a wrong value (silent wrong output), a garbled line, a round
skipped or repeated, a machine reset, and a pause: no good heartbeat for
more than GAP seconds.  The trial has converged once good heartbeats have
come, on time and without a bad event, for WINDOW seconds after the last
fault; TTC is the time from the (last) fault to the first heartbeat of
that final good run (0 if the fault disturbed nothing).

Outcomes, each counted in every rate:
  no-effect   converged; nothing was repaired or restarted
  repaired    converged; the kernel or a server logged a repair
  service     converged; a service (or RS, or init) was restarted
  reset       converged after a machine reset (warm restart or watchdog)
  wrong       a heartbeat carried a wrong value: silent wrong output
  hang        no WINDOW of good heartbeats by the bound
  harness     the harness failed (its cause is kept with the trial)
"""
import re

import workload

OUTCOMES = ["no-effect", "repaired", "service", "reset", "wrong", "hang", "harness"]
CONVERGED = ("no-effect", "repaired", "service", "reset")
VERSION = 2                         # of these rules; recorded with every result
WINDOW = 10.0
GAP = 1.5
BOOT = "Stabilix kernel booting"
SERVICE_RE = re.compile(r"rs: \S+ died|rs: restarted by the kernel|rs: restarting |"
                        r"pm: init died|pm: init has not come back")
REPAIR_RE = re.compile(r"stab: repaired|self-check: .*(repaired|fixed|rebuilt)")


def events(lines, last_n=None):
    """[(time, kind)] with kind 'good', 'wrong', 'garbled', 'sequence' or
    'reset', from lines [(time, text)]; last_n is the round of the last
    heartbeat before them (None: any first round is in sequence)."""
    out, prev = [], last_n
    for t, text in lines:
        if BOOT in text:
            out.append((t, "reset"))
            prev = None
            continue
        j = workload.judge(text)
        if j is None:
            continue
        n, right = j
        if n is None:
            out.append((t, "garbled"))
            continue
        if not right:
            out.append((t, "wrong"))
        elif prev is not None and n != prev + 1:
            out.append((t, "sequence"))
        else:
            out.append((t, "good"))
        prev = n
    return out


def final_run(evs, t_start, t_end, gap=GAP):
    """The start of the last unbroken run of good heartbeats that lasts
    until t_end (None if the timeline ends in a bad event or a pause)."""
    start, last = None, t_start
    for t, kind in evs:
        if kind != "good":
            start, last = None, t
            continue
        if start is None or t - last > gap:
            start = t
        last = t
    if start is None or t_end - last > gap:
        return None
    return start


def judge(lines, t_start, t_fault, t_end, last_n=None, window=WINDOW, gap=GAP):
    """(outcome, ttc or None, converged) from the timed lines [(t, text)]
    of a trial: t_start is the injection's start, t_fault the end of its
    last fault, t_end the end of the observation; lines from the 2 s
    before t_start show the steady state (so a fault that disturbed
    nothing has TTC 0).  converged says whether a window of good
    heartbeats followed (for 'wrong' too: silent wrong output that later
    healed is still wrong output)."""
    lines = [(t, l) for t, l in lines if t >= t_start - 2.0]
    evs = events(lines, last_n)
    start = final_run(evs, t_start - 2.0, t_end, gap)
    converged = start is not None and t_end - max(start, t_fault) >= window
    ttc = max(0.0, start - t_fault) if converged else None
    after = [k for t, k in evs if t >= t_start]
    text = "\n".join(l for t, l in lines if t >= t_start)
    if "wrong" in after:
        return "wrong", ttc, converged
    if not converged:
        return "hang", None, False
    if "reset" in after:
        return "reset", ttc, True
    if SERVICE_RE.search(text):
        return "service", ttc, True
    if REPAIR_RE.search(text):
        return "repaired", ttc, True
    return "no-effect", ttc, True

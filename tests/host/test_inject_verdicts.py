"""test_inject_verdicts.py - the host side of `make inject` judges trials
from serial lines alone; these tests feed it made-up serial timelines and
check the verdicts and the campaign arithmetic (tools/inject/inject.py),
since every published convergence number rests on them."""
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "inject"))

import inject  # noqa: E402
from guest import Guest, expected_crc  # noqa: E402


class Timeline:
    """What a Guest exposes to classify(): timed serial lines."""
    heartbeats = Guest.heartbeats

    def __init__(self, end):
        self.lines, self.lock, self.end = [], threading.Lock(), end

    def now(self):
        return self.end

    def beat(self, start, stop, first=10, wrong_at=None):
        n, t = first, start
        while t < stop:
            crc = expected_crc(n) ^ (1 if n == wrong_at else 0)
            self.lines.append((t, f"stabwork: hb {n} crc {crc:08x} repairs 0"))
            n, t = n + 1, t + 0.1
        return n

    def say(self, t, text):
        self.lines.append((t, text))
        self.lines.sort()


def test_steady_heartbeats_are_no_effect():
    g = Timeline(4.0)
    g.beat(0.0, 4.0)
    assert inject.classify(g, 1.0, 1.0) == ("no-effect", 0.0)


def test_one_bad_crc_is_wrong_output():
    g = Timeline(4.0)
    g.beat(0.0, 4.0, wrong_at=25)
    assert inject.classify(g, 1.0, 1.0)[0] == "wrong"


def test_wrong_output_then_right_heartbeats_is_right_after():
    g = Timeline(4.0)
    g.beat(0.0, 4.0, wrong_at=25)
    assert inject.right_after(g, 1.0)


def test_wrong_output_at_the_end_is_not_right_after():
    g = Timeline(4.0)
    g.beat(0.0, 4.0, wrong_at=47)           # among the last five heartbeats
    assert not inject.right_after(g, 1.0)
    g = Timeline(6.0)
    g.beat(0.0, 3.0, wrong_at=25)           # right again, but no heartbeat since 3.0
    assert not inject.right_after(g, 1.0)


def test_wrong_then_right_trials_are_counted_in_the_table():
    rs = [{"mode": "on", "target": "regs", "cls": "wrong", "ttc": None, "right_after": True},
          {"mode": "on", "target": "regs", "cls": "wrong", "ttc": None, "right_after": False}]
    row = inject.summary(rs, ["on"]).splitlines()[1].split()
    assert row[-1] == "1"


def test_the_workloads_alarm_line_is_wrong_output():
    g = Timeline(4.0)
    g.beat(0.0, 4.0)
    g.say(2.05, "stabwork: WRONG round 31: 1234abcd != 1234abce")
    assert inject.classify(g, 1.0, 1.0)[0] == "wrong"


def test_its_format_string_in_a_memory_dump_is_not():
    g = Timeline(4.0)
    g.beat(0.0, 4.0)
    g.say(2.05, "\x8b\x45\x08\0\0stabwork: WRONG round %u: %08x != %08x\0stabwork: hb %u")
    assert inject.classify(g, 1.0, 1.0) == ("no-effect", 0.0)


def test_a_pause_then_a_repair_is_repaired_with_its_length():
    g = Timeline(6.0)
    n = g.beat(0.0, 1.0)
    g.say(1.5, "stab: repaired idt: vector 14 rebuilt")
    g.beat(3.0, 6.0, first=n)
    cls, ttc = inject.classify(g, 1.0, 1.0)
    assert cls == "repaired"
    assert abs(ttc - 2.0) < 0.01


def test_heartbeats_that_stop_are_a_hang():
    g = Timeline(6.0)
    g.beat(0.0, 3.0)
    assert inject.classify(g, 1.0, 1.0) == ("hang", None)


def test_a_reboot_is_a_restart():
    g = Timeline(12.0)
    g.beat(0.0, 1.0)
    g.say(4.0, "Stabilix kernel booting")
    g.beat(6.0, 12.0, first=0)
    cls, ttc = inject.classify(g, 1.0, 1.0)
    assert cls == "restart" and abs(ttc - 5.0) < 0.01


def test_what_happens_during_a_burst_counts():
    g = Timeline(6.0)
    n = g.beat(0.0, 1.0)
    g.say(1.2, "stab: repaired dfault: double fault at eip=0x00107049; kernel restarted")
    g.beat(1.3, 6.0, first=n, wrong_at=n + 1)
    assert inject.classify(g, 1.0, 2.0)[0] == "wrong"
    g = Timeline(6.0)
    n = g.beat(0.0, 1.0)
    g.say(1.2, "stab: repaired dfault: double fault at eip=0x00107049; kernel restarted")
    g.beat(1.3, 6.0, first=n)
    assert inject.classify(g, 1.0, 2.0) == ("repaired", 0.0)


def test_harness_errors_are_kept_out_of_the_rates():
    rs = [{"mode": "on", "target": "data", "cls": "no-effect", "ttc": 0.0},
          {"mode": "on", "target": "data", "cls": "hang", "ttc": None},
          {"mode": "on", "target": "data", "cls": "harness-error", "ttc": None}]
    row = inject.summary(rs, ["on"]).splitlines()[1].split()
    assert row[1] == "2"            # judged trials
    assert row[8] == "50.0%"        # 1 of 2 converged
    assert row[-2] == "1"           # harness problems, counted apart
    assert "50.0% (    2)" in inject.by_target(rs, ["on"])


def test_the_plot_curve_ends_below_one_by_the_hang_share():
    import report
    rs = [{"cls": "no-effect", "ttc": 0.0}, {"cls": "repaired", "ttc": 2.0},
          {"cls": "hang", "ttc": None}]
    pts = report.curve(rs, 10.0)
    assert pts[-1] == (10.0, 2 / 3)
    assert (2.0, 1 / 3) in pts and (2.0, 2 / 3) in pts

"""test_campaign_verdicts.py - the rules that judge a `make inject` trial
on the release system (tools/inject/verdict.py), fed made-up serial
timelines of /test/loadwork heartbeats: every published rate rests on
them, so each way a trial can go wrong has its case."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools" / "inject"))

import verdict  # noqa: E402
import workload  # noqa: E402


def hb(n, wrong=False):
    crc, size = workload.expected(n)
    return f"lw: hb {n} {crc ^ wrong} {size} /tmp/lw/f = {crc} {size}"


class Timeline:
    def __init__(self):
        self.lines, self.n = [], 1

    def beat(self, start, stop, period=0.2, wrong_at=None, skip_at=None):
        t = start
        while t < stop - 1e-9:
            if self.n == skip_at:
                self.n += 1
            self.lines.append((round(t, 3), hb(self.n, wrong=self.n == wrong_at)))
            self.n, t = self.n + 1, t + period
        return self

    def say(self, t, text):
        self.lines.append((t, text))
        self.lines.sort(key=lambda x: x[0])
        return self

    def judge(self, t_fault=3.0, t_end=None):
        end = t_end if t_end is not None else max(t for t, _ in self.lines) + 0.1
        return verdict.judge(self.lines, t_fault, t_fault, end)


def test_the_host_computes_what_loadwork_prints():
    # a line copied from the guest (round 3 of the release ISO)
    assert workload.judge("lw: hb 3 3409119793 2291 /tmp/lw/f = 3409119793 2291") == (3, True)
    assert workload.judge("lw: hb 3 3409119793 2291 /tmp/lw/f = 3409119792 2291") == (3, False)


def test_undisturbed_heartbeats_are_no_effect_with_ttc_0():
    assert Timeline().beat(0, 14).judge() == ("no-effect", 0.0, True)


def test_too_short_a_window_after_the_fault_is_a_hang():
    assert Timeline().beat(0, 12).judge()[0] == "hang"      # 9 s after the fault


def test_a_wrong_value_is_silent_wrong_output_even_if_it_heals():
    out, ttc, converged = Timeline().beat(0, 16, wrong_at=20).judge()
    assert out == "wrong" and converged


def test_a_wrong_value_before_the_fault_is_not_the_fault_s():
    assert Timeline().beat(0, 14, wrong_at=2).judge()[0] == "no-effect"


def test_a_pause_then_steady_heartbeats_converges_after_the_pause():
    out, ttc, converged = Timeline().beat(0, 3).beat(5, 16).judge()
    assert out == "no-effect" and converged and abs(ttc - 2.0) < 0.01


def test_a_garbled_line_breaks_the_run():
    t = Timeline().beat(0, 16).say(4.05, "lw: hb 23 12")
    out, ttc, converged = t.judge()
    assert out == "no-effect" and abs(ttc - 1.2) < 0.01


def test_a_garbled_line_late_in_the_window_is_a_hang():
    assert Timeline().beat(0, 14).say(12.05, "lw: h? 3").judge()[0] == "hang"


def test_a_skipped_round_breaks_the_run():
    out, ttc, converged = Timeline().beat(0, 16, skip_at=21).judge()
    assert converged and abs(ttc - 1.2) < 0.01


def test_stutter_resumes_then_stops_again_is_a_hang():
    t = Timeline().beat(0, 3).beat(4, 6).beat(8, 9)
    assert t.judge(t_end=20.0)[0] == "hang"


def test_a_late_second_failure_restarts_the_window():
    t = Timeline().beat(0, 11).beat(13, 20)          # a pause 8 s after the fault
    assert t.judge()[0] == "hang"
    t = Timeline().beat(0, 11).beat(13, 24)
    out, ttc, converged = t.judge()
    assert converged and abs(ttc - 10.0) < 0.01


def test_heartbeats_that_stop_at_the_end_are_a_hang():
    assert Timeline().beat(0, 14).judge(t_end=16.0)[0] == "hang"


def test_a_reset_then_a_window_of_heartbeats_is_reset():
    t = Timeline().beat(0, 3).say(3.5, "Stabilix kernel booting")
    t.n = 1000                                      # the harness starts it again
    assert t.beat(5, 16).judge()[0] == "reset"


def test_a_boot_loop_is_a_hang():
    t = Timeline().beat(0, 3)
    for k in range(5):
        t.say(3.5 + 3 * k, "Stabilix kernel booting")
        t.n = 1000 * (k + 1)
        t.beat(5 + 3 * k, 6 + 3 * k)
    assert t.judge(t_end=20.0)[0] == "hang"


def test_a_restart_or_a_repair_is_named():
    t = Timeline().beat(0, 16).say(3.2, "rs: vfs died (exception 14); restart 1 in 0 ticks")
    assert t.judge()[0] == "service"
    t = Timeline().beat(0, 16).say(3.2, "ramfs: self-check: a block the hash table cannot find: "
                                        "block map rebuilt")
    assert t.judge()[0] == "repaired"
    t = Timeline().beat(0, 16).say(3.2, "stab: repaired 1 (proc)")
    assert t.judge()[0] == "repaired"

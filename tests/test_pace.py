"""The pace guard: a round's burst is taken, beyond it answers are flagged, refilled by time."""

from __future__ import annotations

from feedback.rounds import pace
from tests.support.rounds import answered, open_round


def test_the_settings_give_the_pace_and_a_codes_round_is_left_out(plan_db, monkeypatch):
    monkeypatch.setenv("FEEDBACK_PACE_BURST", "6")
    monkeypatch.setenv("FEEDBACK_PACE_PER_MINUTE", "2")
    round_ = open_round(plan_db, action_id="mini:a1")
    flagged = [pace.too_fast(plan_db, round_, now=50.0) for _ in range(8)]
    assert flagged == [False] * 6 + [True] * 2
    assert not pace.too_fast(plan_db, round_, now=80.0)  # one answer a half minute
    with_codes = open_round(plan_db, action_id="mini:a1", codes=3)
    assert not any(pace.too_fast(plan_db, with_codes, now=50.0) for _ in range(20))


def test_staff_see_their_own_actors_rounds_with_flagged_answers_the_most_first(plan_db):
    quiet = open_round(plan_db, action_id="mini:a1")
    some = open_round(plan_db, action_id="mini:a1")
    most = open_round(plan_db, action_id="mini:a1")
    answered(plan_db, quiet, 3, 3)
    answered(plan_db, some, 1, flagged=True)
    answered(plan_db, most, 1, 2, 1, flagged=True)
    answered(plan_db, most, 5)
    found = pace.flagged_rounds(plan_db, actors=None)
    assert [(f.code, f.answers) for f in found] == [(most.code, 3), (some.code, 1)]
    assert found[0].subjects == most.subjects
    assert pace.flagged_rounds(plan_db, actors=("mini:kotka",)) == []
    assert len(pace.flagged_rounds(plan_db, actors=("mini:hamina",))) == 2

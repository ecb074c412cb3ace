"""One-time answer codes: each answers once, a guess never, and no answer says which code."""

from __future__ import annotations

from datetime import datetime

import pytest

from feedback import storage
from feedback.rounds import answers, codes
from tests.support.rounds import open_round
from tests.support.stores import stored_answers


def test_codes_are_short_distinct_and_free_of_look_alikes():
    made = codes.new_codes(500)
    assert len(set(made)) == 500
    assert all(len(code) == codes.LENGTH for code in made)
    assert not set("".join(made)) & set("0O1lIi")
    for wrong in (0, -1, codes.MAX_CODES + 1, True):
        with pytest.raises(ValueError):
            codes.new_codes(wrong)


def test_a_code_is_read_as_a_child_may_type_it():
    assert codes.normalise(" abc-def2 ") == "ABCDEF2"
    for wrong in ("ABCDEF", "ABCDEF22", "ABCDEF0", "ABCDEFO", None, 5, "A" * 100):
        assert codes.normalise(wrong) is None


def test_a_codes_round_stores_one_answer_per_code_and_none_for_a_guess(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", codes=3)
    assert round_.uses_codes
    first, second, third = codes.unused(plan_db, round_.id)
    now = datetime(2026, 3, 2, 10, 15)

    def record(sid: str, code: object) -> bool:
        answer = answers.Answer(scores=(4,))
        return answers.record(
            plan_db, round_, answer, submission_id=sid, one_time_code=code, now=now
        )

    assert record("a" * 32, first.lower())
    assert not record("a" * 32, first)  # the resend after a lost reply: stored once, thanked
    for sid, code in (("b" * 32, first), ("c" * 32, "ABCDEFG"), ("d" * 32, None)):
        with pytest.raises(codes.CodeRefused):
            record(sid, code)
    assert record("e" * 32, second)
    assert stored_answers(plan_db, round_.code, "submission_id") == [("a" * 32,), ("e" * 32,)]
    assert codes.unused(plan_db, round_.id) == [third]
    with storage.reading(plan_db) as db:  # nothing ties a code to the answer it let in
        answer_columns = db.columns("answers")
        assert not any("code" in column for column in answer_columns)
        assert db.columns("answer_codes") == ["round_id", "code", "used"]


def test_a_round_without_codes_needs_none(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1")
    assert not round_.uses_codes
    answer = answers.Answer(scores=(3,))
    assert answers.record(plan_db, round_, answer, submission_id="f" * 32)
    assert codes.unused(plan_db, round_.id) == []

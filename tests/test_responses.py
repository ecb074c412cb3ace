from datetime import datetime

import pytest

from feedback import db as dbm
from feedback import responses, surveys
from feedback.scales import Scale


def stored(db_path):
    with dbm.reading(db_path) as db:
        return list(db["responses"].rows)


def test_an_answer_is_stored_with_day_and_hour_only(plan_db, survey):
    sid = responses.new_submission_id()
    when = datetime(2026, 3, 4, 10, 37, 12)
    assert responses.record(plan_db, survey, score=5, submission_id=sid, now=when) is True
    [row] = stored(plan_db)
    assert row["score"] == 5
    assert row["answered_on"] == "2026-03-04"
    assert row["answered_hour"] == 10
    assert row["respondent_group"] == survey.audience
    assert row["channel"] == "link"


def test_the_answer_table_has_no_place_for_personal_data(plan_db):
    with dbm.reading(plan_db) as db:
        columns = set(db["responses"].columns_dict)
    assert columns == {
        "id",
        "submission_id",
        "survey_id",
        "score",
        "respondent_group",
        "channel",
        "answered_on",
        "answered_hour",
        "synthetic",
    }


def test_sending_the_same_submission_twice_stores_it_once(plan_db, survey):
    sid = responses.new_submission_id()
    assert responses.record(plan_db, survey, score=4, submission_id=sid) is True
    assert responses.record(plan_db, survey, score=4, submission_id=sid) is False
    assert responses.count(plan_db, survey) == 1


@pytest.mark.parametrize("score", [0, 6, "5", None, True, 2.5])
def test_a_score_outside_the_scale_is_refused(plan_db, survey, score):
    with pytest.raises(responses.InvalidAnswer):
        responses.record(plan_db, survey, score=score, submission_id=responses.new_submission_id())
    assert stored(plan_db) == []


def test_three_faces_are_the_first_third_and_fifth_of_five(plan_db):
    round_ = surveys.create(plan_db, action_id="mini:a2", scale=Scale.FACES3)
    with pytest.raises(responses.InvalidAnswer):
        responses.record(plan_db, round_, score=2, submission_id=responses.new_submission_id())
    for score in (1, 3, 5):
        responses.record(plan_db, round_, score=score, submission_id=responses.new_submission_id())
    assert sorted(r["score"] for r in stored(plan_db)) == [1, 3, 5]


def test_a_malformed_submission_id_is_refused(plan_db, survey):
    with pytest.raises(responses.InvalidAnswer):
        responses.record(plan_db, survey, score=3, submission_id="'; DROP TABLE responses; --")


def test_an_answer_to_a_closed_round_is_not_stored(plan_db, survey):
    surveys.set_status(plan_db, survey.code, "closed")
    with pytest.raises(responses.SurveyClosed):
        responses.record(plan_db, survey, score=3, submission_id=responses.new_submission_id())
    assert stored(plan_db) == []

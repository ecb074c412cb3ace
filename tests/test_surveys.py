import pytest

from feedback import surveys
from feedback.scales import Scale


def test_a_new_round_has_a_code_and_a_full_link(plan_db, monkeypatch):
    monkeypatch.setenv("FEEDBACK_BASE_URL", "https://palaute.example.fi/")
    created = surveys.create(
        plan_db, action_id="mini:a1", scale=Scale.FACES3, audiences=("grades-1-3",)
    )
    assert surveys.is_code(created.code)
    assert surveys.link(created.code) == f"https://palaute.example.fi/respond?s={created.code}"
    assert created.scale is Scale.FACES3
    assert created.action_text["fi"] == "Lasten parlamentti"


def test_a_round_for_an_unknown_action_is_refused(plan_db):
    with pytest.raises(surveys.UnknownAction):
        surveys.create(plan_db, action_id="mini:nope")
    assert surveys.list_surveys(plan_db) == []


@pytest.mark.parametrize("code", [None, "", "TESTCODE", "testcod", "testcase1", "x' OR 1=1", 5])
def test_malformed_codes_find_nothing(plan_db, survey, code):
    assert surveys.open_by_code(plan_db, code) is None


def test_a_closed_round_cannot_be_opened_for_answering(plan_db, survey):
    assert surveys.open_by_code(plan_db, "testcase") == survey
    surveys.set_status(plan_db, "testcase", "closed")
    assert surveys.open_by_code(plan_db, "testcase") is None
    [listed] = surveys.list_surveys(plan_db)
    assert (listed.code, listed.status, listed.answers) == ("testcase", "closed", 0)

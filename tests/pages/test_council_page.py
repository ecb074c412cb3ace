"""The youth council's page (/council): the year's evaluation and proposals."""

import pytest

from feedback import storage
from feedback.staff import auth
from tests.support.pages import page, press
from tests.support.rounds import open_round
from tests.support.stores import write_locked
from tests.support.users import signed_in


def test_a_council_member_evaluates_the_years_actions_once(app_env):
    for action in ("mini:a1", "mini:a2"):
        open_round(app_env, action_id=action, audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    at = page("council", session=member, lang="en")
    assert not at.exception
    assert len(at.radio) == 2 + 3, "two actions and three questions about the council itself"
    press(at, "Send the evaluation")
    assert at.warning[0].value == "Choose a face for every action and for your own activity."
    for radio in at.radio:
        radio.set_value(4)
    at.text_area[1].input("Open the youth centre on Sundays")
    press(at, "Send the evaluation")
    assert at.success[0].value == "Thank you! Your evaluation has been saved."
    again = page("council", session=member, lang="en")
    assert again.success[0].value.startswith("You have already given your evaluation")
    assert [t.value for t in again.text] == ["Open the youth centre on Sundays"]


@pytest.mark.sqlite_only  # write_locked holds SQLite's lock; PostgreSQL's is the answers' table
def test_an_evaluation_that_cannot_be_stored_keeps_the_choices_and_is_logged(
    app_env, monkeypatch, caplog
):
    open_round(app_env, action_id="mini:a1", audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)  # fail fast instead of waiting
    at = page("council", session=member, lang="en")
    for radio in at.radio:
        radio.set_value(2)
    with write_locked(app_env):
        press(at, "Send the evaluation")
    assert at.error[0].value == "The evaluation was not saved. Your choices are kept: try again."
    assert [r.value for r in at.radio] == [2, 2, 2, 2], "the faces chosen stay on screen"
    assert "could not store the youth council's evaluation of plan mini" in caplog.text
    press(at, "Send the evaluation")
    assert at.success[0].value == "Thank you! Your evaluation has been saved."


def test_staff_cannot_open_the_council_page_but_answer_proposals(app_env, admin):
    from feedback.rounds import council

    round_ = open_round(app_env, action_id="mini:a1", audiences=("youth-council",))
    member = signed_in(app_env, "nuva", role=auth.Role.COUNCIL)
    council.submit(
        app_env,
        username="nuva",
        plan_id="mini",
        ratings=[council.Rating(round_.code, 5, "", "Lisää lautapelejä")],
        self_scores={q: 4 for q in council.SELF_QUESTIONS},
    )
    del member
    staff = signed_in(app_env, "kotka", role=auth.Role.STAFF, actors=("mini:kotka",))
    assert page("council", session=staff).error[0].value == "Sinulla ei ole oikeutta tälle sivulle."
    at = page("comments", session=admin, lang="en")
    answer = next(t for t in at.text_area if t.label == "Answer to the youth council")
    answer.input("We buy new games in May.")
    press(at, "Save the answer")
    assert at.success[0].value == "Answer saved."
    assert council.proposals(app_env, "mini")[0].answer == "We buy new games in May."

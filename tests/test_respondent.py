"""The one respondent flow both answer pages use: what a link says about the visit, and what
sending comes to, each outcome told in the respondent's language and nothing stored twice."""

from datetime import date, timedelta

import pytest

from feedback import rounds, storage
from feedback.rounds import answers, changes, respondent
from feedback.rounds.respondent import Outcome, Visit
from tests.support.rounds import open_round
from tests.support.stores import write_locked


def visit(featherweight=False, kiosk_id=None, **link):
    return Visit.from_link(link.get, featherweight=featherweight, kiosk_id=kiosk_id)


def test_the_link_says_the_channel_the_wording_and_whether_staff_are_looking():
    assert visit() == Visit(channel="link", plain=False, preview=False)
    assert visit(ch="qr", plain="1") == Visit(channel="qr", plain=True)
    assert visit(preview="1").preview
    assert visit(ch="<script>", plain="yes") == Visit()


def test_only_an_enrolled_kiosk_is_a_kiosk_whatever_the_link_says():
    assert visit(kiosk="1") == Visit(channel="link")
    assert visit(kiosk="1", ch="qr") == Visit(channel="qr")
    assert visit(kiosk_id="k7m2q9xak7m2", ch="qr") == Visit(
        channel="kiosk", kiosk_id="k7m2q9xak7m2"
    )
    # The featherweight page has no kiosk mode and no preview: there they mean nothing.
    assert visit(featherweight=True, kiosk_id="k7m2q9xak7m2", preview="1", ch="qr") == Visit(
        channel="qr"
    )


def test_a_question_is_worded_for_the_group_and_in_plain_language_when_asked(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", audiences=("guardians", "grades-1-3"))
    assert respondent.group(round_, "guardians") == "guardians"
    assert respondent.group(round_, "teachers") is None, "only the round's own audiences"
    asked = {
        (group, plain): respondent.question_text(round_, 0, group, Visit(plain=plain), "fi")
        for group in ("guardians", "grades-1-3")
        for plain in (False, True)
    }
    assert asked == {
        ("guardians", False): "Mitä mieltä olet tästä?",
        ("guardians", True): "Millainen tämä oli?",
        ("grades-1-3", False): "Millainen tämä oli?",  # the youngest always in plain words
        ("grades-1-3", True): "Millainen tämä oli?",
    }
    one_group = open_round(plan_db, action_id="mini:a1", audiences=("grades-7-9",))
    assert respondent.group(one_group, None) == "grades-7-9"


def send(db_path, round_, answer, *, submission_id=None, **how):
    return respondent.send(
        db_path,
        round_,
        answer,
        submission_id=submission_id or answers.new_submission_id(),
        visit=Visit(**how),
    )


def test_a_stored_answer_is_thanked_with_what_was_done_last_time(plan_db):
    earlier = open_round(plan_db, action_id="mini:a1", today=date.today() - timedelta(30))
    changes.record(
        plan_db,
        action_id="mini:a1",
        round_id=earlier.id,
        you_said="Liian vähän iltoja",
        we_did="Kerho on nyt auki torstaisin",
        status="done",
        language="fi",
    )
    round_ = open_round(plan_db, action_id="mini:a1")
    sid = answers.new_submission_id()
    for _ in range(2):  # a resend after a lost reply is the same answer
        sent = send(plan_db, round_, answers.Answer(scores=(4,)), submission_id=sid)
        assert sent.outcome is Outcome.STORED and sent.says("fi") is None
        assert sent.last_time.we_did == "Kerho on nyt auki torstaisin"
    assert answers.count(plan_db, round_) == 1


def test_a_preview_stores_nothing_and_says_so(plan_db, round_):
    sent = send(plan_db, round_, answers.Answer(scores=(5,)), preview=True)
    assert sent.outcome is Outcome.PREVIEW
    assert sent.says("sv") == "Förhandsgranskning: svaret sparades inte."
    assert answers.count(plan_db, round_) == 0


@pytest.mark.parametrize(
    ("answer", "outcome", "swedish"),
    [
        (answers.Answer(scores=(9,)), Outcome.NOT_CHOSEN, "Välj först ett alternativ."),
        (
            answers.Answer(scores=(3,), text="x" * 501),
            Outcome.TOO_LONG,
            "Texten är för lång: högst 500 tecken.",
        ),
    ],
)
def test_an_answer_the_round_cannot_take_is_told_why_and_not_stored(
    plan_db, answer, outcome, swedish
):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    sent = send(plan_db, round_, answer)
    assert (sent.outcome, sent.says("sv")) == (outcome, swedish)
    assert answers.count(plan_db, round_) == 0


def test_a_round_closed_meanwhile_says_so_kindly(plan_db, round_):
    rounds.set_status(plan_db, round_.code, "closed")
    sent = send(plan_db, round_, answers.Answer(scores=(4,)))
    assert sent.outcome is Outcome.CLOSED
    assert sent.says("en").startswith("This survey has just closed")


@pytest.mark.sqlite_only  # write_locked holds SQLite's lock; PostgreSQL's is in test_storage
def test_a_store_that_cannot_take_it_now_is_logged_and_the_retry_stores_once(
    plan_db, round_, monkeypatch, caplog
):
    monkeypatch.setattr(storage.base, "BUSY_TIMEOUT_MS", 100)  # fail fast
    sid = answers.new_submission_id()
    with write_locked(plan_db):
        sent = send(plan_db, round_, answers.Answer(scores=(2,)), submission_id=sid)
    assert sent.outcome is Outcome.FAILED
    assert sent.says("fi").startswith("Vastausta ei voitu tallentaa")
    assert f"could not store an answer to round {round_.code}" in caplog.text
    assert send(plan_db, round_, answers.Answer(scores=(2,)), submission_id=sid).outcome is (
        Outcome.STORED
    )
    assert answers.count(plan_db, round_) == 1

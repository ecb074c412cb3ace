"""What children see of a round or an action (feedback/figures/published.py): published figures
that change only in steps of at least k answers of earlier days."""

import time
from datetime import date, datetime, timedelta

import pytest

from feedback import rounds
from feedback.figures import published
from feedback.rounds.scales import Scale
from tests.support.rounds import answered, open_round
from tests.support.stores import write_locked

K = 10
TODAY = date(2026, 3, 10)
YESTERDAY = datetime(2026, 3, 9, 12)
LAST_WEEK = datetime(2026, 3, 3, 12)


def seen(cell):
    """What the results page shows: nothing, or the count and the faces."""
    return None if cell.hidden else (cell.n, cell.distribution)


def test_an_actions_figure_is_exactly_its_shown_rounds(plan_db):
    small = open_round(plan_db, action_id="mini:a1")
    large = open_round(plan_db, action_id="mini:a1")
    answered(plan_db, small, 1, 2, 2, now=LAST_WEEK)
    answered(plan_db, large, *[1] * 6, *[2] * 5, *[3] * 4, *[4] * 4, *[5] * 4, now=LAST_WEEK)
    assert seen(published.round_figure(plan_db, small.id, k=K, today=TODAY)) is None
    shown = seen(published.round_figure(plan_db, large.id, k=K, today=TODAY))
    assert shown == (23, (6, 5, 4, 4, 4))
    assert seen(published.action_figure(plan_db, "mini:a1", k=K, today=TODAY)) == shown, (
        "the action minus its round is nothing: the 3 withheld answers are in neither"
    )


def test_one_more_answer_today_does_not_move_the_figure(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, *[4] * 10, now=YESTERDAY)
    before = seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY))
    answered(plan_db, round_, 1, now=datetime.combine(TODAY, datetime.min.time()))
    after = seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY))
    assert before == after == (10, (0, 0, 0, 10, 0))
    tomorrow = TODAY + timedelta(days=1)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=tomorrow)) == after, (
        "the next day adds only 1 answer: fewer than k, no new step"
    )


def test_the_figure_moves_after_k_answers_of_an_earlier_day(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, *[4] * 10, now=LAST_WEEK)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY))[0] == 10
    answered(plan_db, round_, *[5] * 9, now=YESTERDAY)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY))[0] == 10
    answered(plan_db, round_, 5, now=datetime(2026, 3, 10, 9))
    next_day = TODAY + timedelta(days=1)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=next_day)) == (
        20,
        (0, 0, 0, 10, 10),
    )


def test_nothing_is_published_before_k_answers_of_earlier_days(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, *[3] * 9, now=YESTERDAY)
    answered(plan_db, round_, *[3] * 5, now=datetime(2026, 3, 10, 8))
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY)) is None


def test_a_small_group_of_a_round_stays_out_of_its_published_figure(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3", audiences=("grades-4-6", "grades-7-9"))
    answered(plan_db, round_, *[5] * 12, group="grades-4-6", now=YESTERDAY)
    answered(plan_db, round_, 1, 1, 1, group="grades-7-9", now=YESTERDAY)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY)) == (
        12,
        (0, 0, 0, 0, 12),
    )


def test_closing_a_round_publishes_todays_answers_when_they_add_k(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, round_, *[4] * 10, now=YESTERDAY)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY))[0] == 10
    answered(plan_db, round_, *[2] * 10, now=datetime(2026, 3, 10, 9))
    rounds.set_status(plan_db, round_.code, "closed")
    published.publish(plan_db, round_.id, k=K, today=TODAY, closing=True)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=TODAY)) == (
        20,
        (0, 10, 0, 10, 0),
    )


def test_an_archived_round_is_left_out_of_its_actions_figure(plan_db):
    kept = open_round(plan_db, action_id="mini:a3")
    archived = open_round(plan_db, action_id="mini:a3")
    answered(plan_db, kept, *[5] * 10, now=YESTERDAY)
    answered(plan_db, archived, *[1] * 10, now=YESTERDAY)
    rounds.set_status(plan_db, archived.code, "archived")
    assert seen(published.action_figure(plan_db, "mini:a3", k=K, today=TODAY)) == (
        10,
        (0, 0, 0, 0, 10),
    )


def test_a_step_never_takes_out_answers_published_before(plan_db):
    round_ = open_round(plan_db, action_id="mini:a3", audiences=("grades-4-6", "grades-7-9"))

    def on(day: int) -> datetime:
        return datetime(2026, 3, day, 12)

    answered(plan_db, round_, *[4] * 9, group="grades-4-6", now=on(1))
    answered(plan_db, round_, 1, 1, 1, group="grades-7-9", now=on(1))
    first = seen(published.round_figure(plan_db, round_.id, k=K, today=date(2026, 3, 2)))
    assert first == (12, (3, 0, 0, 9, 0)), "the pool of 9 + 3 is a block"
    # One more grades 4–6 answer makes that cell a block of its own, and twelve by kiosk a
    # new block: the 3 grades 7–9 answers would be a pool under k, out of the figure, and the
    # step (22 − 12 answers) would give their faces away. It is not taken.
    answered(plan_db, round_, 4, group="grades-4-6", now=on(2))
    answered(plan_db, round_, *[5] * 12, group="grades-4-6", channel="kiosk", now=on(2))
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=date(2026, 3, 3))) == first
    # Once the grades 7–9 answers are a block themselves, the figure grows with all of them.
    answered(plan_db, round_, *[2] * 7, group="grades-7-9", now=on(3))
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=date(2026, 3, 4))) == (
        32,
        (3, 7, 0, 10, 12),
    )


@pytest.mark.sqlite_only  # the file's write lock is what a reader must not wait for
def test_reading_a_round_off_the_faces_never_waits_for_the_write_lock(plan_db):
    nps = open_round(plan_db, action_id="mini:a1", scale=Scale.NPS)
    answered(plan_db, nps, *[9] * 12, now=LAST_WEEK)
    started = time.monotonic()
    with write_locked(plan_db):  # a stranger reading /results?s=CODE again and again
        figure = published.round_figure(plan_db, nps.id, k=K, today=TODAY)
    assert figure.hidden and time.monotonic() - started < 2


def test_public_choice_questions_step_with_the_figure_and_by_k_who_answered_them(plan_db):
    from dataclasses import replace

    from feedback.rounds import answers
    from tests.support.rounds import own_questions

    liked = replace(own_questions()[2], required=False)  # public, a multiple choice
    round_ = open_round(plan_db, action_id="mini:a3", own=(liked,))

    def answer(when, *chosen):
        own = {0: chosen} if chosen else {}
        answers.record(
            plan_db,
            round_,
            answers.Answer(scores=(4,), own=own),
            submission_id=answers.new_submission_id(),
            now=when,
        )

    def seen_choices(today):
        return [
            (f.respondents, {c.value: c.share for c in f.choices})
            for f in published.public_questions(plan_db, round_, k=K, today=today)
        ]

    for n in range(12):
        answer(LAST_WEEK, "games", *(("music",) if n < 2 else ()))
    first = [("12", {"games": 1.0, "music": None, "snacks": 0.0})]  # 2 chose music: withheld
    assert seen_choices(TODAY) == first
    for n in range(10):  # the figure steps by 10; only 3 of them answered the question
        answer(YESTERDAY, *(("music",) if n < 3 else ()))
    answer(datetime(2026, 3, 11, 9), "music")  # today's answers wait for tomorrow
    tomorrow = TODAY + timedelta(days=1)
    assert seen(published.round_figure(plan_db, round_.id, k=K, today=tomorrow))[0] == 22
    assert seen_choices(tomorrow) == first, "3 more who answered it: fewer than k, no step"
    for _ in range(10):
        answer(datetime(2026, 3, 11, 10), "snacks")
    later = TODAY + timedelta(days=2)  # 14 more answered it, with the figure's step of 11
    assert seen_choices(later) == [("26", {"games": 12 / 26, "music": None, "snacks": 10 / 26})]

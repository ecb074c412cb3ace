from datetime import datetime

import pytest

from feedback.rounds import answers, comments
from feedback.rounds.answers import Answer
from feedback.staff import scope
from tests.support.rounds import open_round


def comment_on(db_path, action_id, n, text="Kiva paikka"):
    round_ = open_round(db_path, action_id=action_id, free_text=True)
    for i in range(n):
        answers.record(
            db_path,
            round_,
            Answer(scores=(4,), text=text if i == 0 else ""),
            submission_id=answers.new_submission_id(),
        )
    return round_


def test_comments_of_small_rounds_are_withheld_from_staff(plan_db):
    comment_on(plan_db, "mini:a1", 12, "Ohjaajat kuuntelevat")
    comment_on(plan_db, "mini:a3", 3, "Vain kolme vastaajaa")
    review = comments.for_review(plan_db, actors=None, k=10)
    assert [c.text for c in review.comments] == ["Ohjaajat kuuntelevat"]
    assert review.withheld == 1


def test_staff_see_and_change_only_their_own_actors_comments(plan_db):
    comment_on(plan_db, "mini:a1", 12, "Hamina")
    comment_on(plan_db, "mini:a2", 12, "Kotka")
    hamina = comments.for_review(plan_db, actors=("mini:hamina",), k=10).comments
    assert [c.text for c in hamina] == ["Hamina"]
    kotka_id = comments.for_review(plan_db, actors=("mini:kotka",), k=10).comments[0].id
    with pytest.raises(scope.OutOfScope):
        comments.set_status(plan_db, kotka_id, "hidden", actors=("mini:hamina",))
    comments.set_status(plan_db, kotka_id, "personal", actors=("mini:kotka",))
    [kotka] = comments.for_review(plan_db, actors=("mini:kotka",), k=10).comments
    assert kotka.status == "personal"


def test_comments_are_listed_newest_day_first_and_in_no_order_of_writing_within_a_day(plan_db):
    """Issue #24: listed by id, the comments said in what order children wrote them."""
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    written = [(day, f"{day}. {n:02d}") for day in (2, 3) for n in range(30)]
    for day, text in written:
        answers.record(
            plan_db,
            round_,
            Answer(scores=(4,), text=text),
            submission_id=answers.new_submission_id(),
            now=datetime(2026, 3, day, 10),
        )
    listed = [c.text for c in comments.for_review(plan_db, actors=None, k=10).comments]
    assert sorted(listed[:30]) == [text for day, text in written if day == 3]
    assert sorted(listed[30:]) == [text for day, text in written if day == 2]
    in_writing_order = sorted(listed[:30])
    # Random ids list a day's 30 comments as written, or reversed, with probability 2/30!.
    assert listed[:30] not in (in_writing_order, in_writing_order[::-1])

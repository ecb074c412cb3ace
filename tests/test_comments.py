import pytest

from feedback.rounds import answers, comments
from feedback.rounds.answers import Answer
from feedback.staff import scope
from tests.conftest import open_round


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

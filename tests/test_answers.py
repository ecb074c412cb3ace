from datetime import datetime

import pytest

from feedback import rounds, storage
from feedback.rounds import answers
from feedback.rounds.answers import Answer
from feedback.rounds.scales import Scale
from tests.support.rounds import open_round

#: The rows in an order of their own: ids are random (storage.random_id), not numbered in turn.
_ORDER = {
    "answers": "submission_id, question",
    "answer_choices": "submission_id, choice",
    "comments": "submission_id",
}


def stored(db_path, table="answers"):
    with storage.reading(db_path) as db:
        return list(db.query(f"SELECT * FROM {table} ORDER BY {_ORDER[table]}"))


def send(db_path, round_, answer, **options):
    return answers.record(
        db_path, round_, answer, submission_id=answers.new_submission_id(), **options
    )


def test_an_answer_is_stored_with_day_and_hour_only(plan_db, round_):
    when = datetime(2026, 3, 4, 10, 37, 12)
    assert send(plan_db, round_, Answer(scores=(5,)), now=when) is True
    [row] = stored(plan_db)
    assert row["score"] == 5
    assert row["answered_on"] == "2026-03-04"
    assert row["answered_hour"] == 10
    assert row["respondent_group"] == "grades-4-6"
    assert (row["channel"], row["flagged"], row["synthetic"]) == ("link", 0, 0)


def test_the_answer_tables_have_no_place_for_personal_data(plan_db):
    with storage.reading(plan_db) as db:
        columns = {t: set(db.columns(t)) for t in ("answers", "answer_choices", "comments")}
    assert columns == {
        "answers": {
            "id",
            "submission_id",
            "round_id",
            "question",
            "score",
            "respondent_group",
            "channel",
            "answered_on",
            "answered_hour",
            "flagged",
            "synthetic",
        },
        "answer_choices": {"submission_id", "round_id", "choice"},
        "comments": {"id", "submission_id", "round_id", "text", "status", "answered_on"},
    }


def test_sending_the_same_submission_twice_stores_it_once(plan_db, round_):
    sid = answers.new_submission_id()
    assert answers.record(plan_db, round_, Answer(scores=(4,)), submission_id=sid) is True
    assert answers.record(plan_db, round_, Answer(scores=(4,)), submission_id=sid) is False
    assert answers.count(plan_db, round_) == 1


@pytest.mark.parametrize("score", [0, 6, "5", None, True, 2.5])
def test_a_score_outside_the_scale_is_refused(plan_db, round_, score):
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(score,)))
    assert stored(plan_db) == []


@pytest.mark.parametrize(
    ("scale", "valid", "invalid"),
    [
        (Scale.FACES3, (1, 3, 5), (2, 4)),
        (Scale.THUMBS, (1, 5), (0, 3)),
        (Scale.STARS, (1, 2, 3, 4, 5), (0, 6)),
        (Scale.GRADE, (4, 7, 10), (3, 11)),
        (Scale.NPS, (0, 5, 10), (-1, 11)),
    ],
)
def test_every_scale_keeps_its_own_numbers(plan_db, scale, valid, invalid):
    round_ = open_round(plan_db, action_id="mini:a2", scale=scale)
    for score in invalid:
        with pytest.raises(answers.InvalidAnswer):
            send(plan_db, round_, Answer(scores=(score,)))
    for score in valid:
        send(plan_db, round_, Answer(scores=(score,)))
    assert sorted(r["score"] for r in stored(plan_db)) == sorted(valid)


def test_a_quick_survey_is_committed_together_once(plan_db):
    round_ = open_round(
        plan_db,
        action_id="mini:a2",
        audiences=("guardians", "grades-1-3"),
        extra_questions=("heard", "recommend"),
        follow_up=("friends", "fun"),
        free_text=True,
    )
    answer = Answer(scores=(4, 5, 9), choices=("fun",), text="Kiva kerho!", group="guardians")
    sid = answers.new_submission_id()
    assert answers.record(plan_db, round_, answer, submission_id=sid) is True
    assert answers.record(plan_db, round_, answer, submission_id=sid) is False
    rows = stored(plan_db)
    assert [(r["question"], r["score"], r["respondent_group"]) for r in rows] == [
        (0, 4, "guardians"),
        (1, 5, "guardians"),
        (2, 9, "guardians"),
    ]
    assert [r["choice"] for r in stored(plan_db, "answer_choices")] == ["fun"]
    assert [r["text"] for r in stored(plan_db, "comments")] == ["Kiva kerho!"]
    assert answers.count(plan_db, round_) == 1


def test_a_half_valid_quick_survey_stores_nothing(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", extra_questions=("recommend",))
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(4, 11)))
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(4,)))
    assert stored(plan_db) == []


def test_choices_and_groups_must_be_offered_by_the_round(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", follow_up=("friends",))
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(4,), choices=("food",)))
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(4,), group="staff"))
    assert stored(plan_db) == []


def test_a_comment_is_cleaned_before_it_is_stored(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    # A decomposed "ä", a bidi override, a NUL and a bell, and too many blank lines.
    raw = "Kiva\u0308\u202e kerho\x00\x07\n\n\n\nKiitos \u2066ohjaajat\u2069 "
    send(plan_db, round_, Answer(scores=(5,), text=raw))
    [comment] = stored(plan_db, "comments")
    assert comment["text"] == "Kivä kerho\n\nKiitos ohjaajat"


def test_a_comment_is_normalised_after_the_control_characters_are_gone(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    # Two combining marks kept apart by a backspace; once it is removed they must be reordered.
    send(plan_db, round_, Answer(scores=(5,), text="a\u0300\x08\u05ad"))
    [comment] = stored(plan_db, "comments")
    assert comment["text"] == "\u00e0\u05ad"  # à and the mark, in canonical order


def test_a_lone_surrogate_in_a_comment_is_dropped_not_a_crash(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    send(plan_db, round_, Answer(scores=(5,), text="Kiva\ud800 kerho"))
    assert [c["text"] for c in stored(plan_db, "comments")] == ["Kiva kerho"]


def test_a_comment_longer_than_500_characters_is_refused(plan_db):
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    with pytest.raises(answers.InvalidAnswer):
        send(plan_db, round_, Answer(scores=(5,), text="x" * 501))
    send(plan_db, round_, Answer(scores=(5,), text="x" * 500))
    assert len(stored(plan_db, "comments")[0]["text"]) == 500


def test_a_comment_to_a_round_without_free_text_is_dropped(plan_db, round_):
    send(plan_db, round_, Answer(scores=(5,), text="Should not be here"))
    assert stored(plan_db, "comments") == []


def test_a_flagged_answer_is_kept_and_marked(plan_db, round_):
    send(plan_db, round_, Answer(scores=(1,)), channel="kiosk", flagged=True)
    [row] = stored(plan_db)
    assert (row["channel"], row["flagged"]) == ("kiosk", 1)


@pytest.mark.parametrize("submission_id", ["'; DROP TABLE answers; --", "0" * 32 + "\n"])
def test_a_malformed_submission_id_is_refused(plan_db, round_, submission_id):
    with pytest.raises(answers.InvalidAnswer):
        answers.record(plan_db, round_, Answer(scores=(3,)), submission_id=submission_id)
    assert stored(plan_db) == []


def test_an_answer_to_a_closed_round_is_not_stored(plan_db, round_):
    rounds.set_status(plan_db, round_.code, "closed")
    with pytest.raises(answers.RoundClosed):
        send(plan_db, round_, Answer(scores=(3,)))
    assert stored(plan_db) == []


def test_paper_answers_are_stored_one_by_one_as_staff_entered_and_once(plan_db, round_):
    from datetime import date

    tally_id = answers.new_submission_id()
    stored_now = answers.record_tally(
        plan_db, round_, {5: 3, 4: 2, 1: 1}, tally_id=tally_id, day=date(2026, 4, 2)
    )
    assert stored_now == 6
    again = answers.record_tally(
        plan_db, round_, {5: 3, 4: 2, 1: 1}, tally_id=tally_id, day=date(2026, 4, 2)
    )
    assert again == 0
    rows = stored(plan_db)
    assert sorted(r["score"] for r in rows) == [1, 4, 4, 5, 5, 5]
    assert {(r["channel"], r["answered_on"]) for r in rows} == {("staff-entered", "2026-04-02")}


def test_a_tally_with_a_score_off_the_scale_stores_nothing(plan_db, round_):
    from datetime import date

    with pytest.raises(answers.InvalidAnswer):
        answers.record_tally(
            plan_db, round_, {5: 3, 7: 1}, tally_id=answers.new_submission_id(), day=date.today()
        )
    assert stored(plan_db) == []


def _rowids(db) -> dict[str, set[int]]:
    """Each rowid table's rowids (a table WITHOUT ROWID has none to number)."""
    found = {}
    for table in db.tables():
        try:
            found[table] = {r for (r,) in db.execute(f"SELECT rowid FROM {table}")}
        except storage.StoreError:
            continue
    return found


@pytest.mark.sqlite_only
def test_no_table_numbers_the_rows_written_per_answer_in_turn(plan_db):
    """Issue #24: a rowid counted up as answers come in would say their order to whoever
    reads the file, whatever the table (answers, choices, comments, proposals, evaluations)."""
    from feedback.rounds import council
    from feedback.staff import auth
    from tests.support.users import signed_in

    asked = open_round(plan_db, action_id="mini:a1", follow_up=("fun", "friends"), free_text=True)
    asked_council = open_round(plan_db, action_id="mini:a2", audiences=("youth-council",))
    names = [f"nuva{n}" for n in range(10)]
    for name in names:
        signed_in(plan_db, name, role=auth.Role.COUNCIL)
    with storage.reading(plan_db) as db:
        before = _rowids(db)
    for n in range(10):
        send(plan_db, asked, Answer(scores=(4,), choices=("fun", "friends"), text=f"kiva {n}"))
    answers.record_tally(
        plan_db,
        asked,
        {3: 5, 5: 5},
        tally_id=answers.new_submission_id(),
        day=datetime.now().date(),
    )
    for name in names:
        council.submit(
            plan_db,
            username=name,
            plan_id="mini",
            ratings=[council.Rating(asked_council.code, 4, "hyvä", "ehdotus")],
            self_scores={q: 1 + len(name) % 5 for q in council.SELF_QUESTIONS},
        )
    with storage.reading(plan_db) as db:
        after = _rowids(db)
    for table, rowids in after.items():
        new = sorted(rowids - before.get(table, set()))
        start = max(before.get(table, set()), default=0) + 1
        assert len(new) < 2 or new != list(range(start, start + len(new))), (
            f"{table} numbers its rows as they come in"
        )

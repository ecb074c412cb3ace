import random
from datetime import datetime, timedelta

from feedback import demo, storage
from feedback.rounds import aggregates, answers
from feedback.rounds.answers import Answer
from tests.support.rounds import open_round


def snapshot(db_path):
    with storage.reading(db_path) as db:
        return (
            sorted(db.execute("SELECT * FROM answer_counts").fetchall()),
            sorted(db.execute("SELECT * FROM answer_times").fetchall()),
            sorted(db.execute("SELECT * FROM answer_times_total").fetchall()),
            sorted(db.execute("SELECT * FROM answer_totals").fetchall()),
            sorted(db.execute("SELECT * FROM answer_months").fetchall()),
        )


def test_counts_kept_while_answering_equal_counts_rebuilt_from_the_answers(plan_db):
    rng = random.Random(3)
    opened = [
        open_round(plan_db, action_id="mini:a1"),
        open_round(
            plan_db,
            action_id="mini:a2",
            extra_questions=("recommend",),
            audiences=("guardians", "grades-7-9"),
        ),
    ]
    start = datetime(2026, 1, 1, 8)
    for _ in range(300):
        round_ = rng.choice(opened)
        scores = tuple(rng.choice(q.scale.values) for q in round_.questions)
        answers.record(
            plan_db,
            round_,
            Answer(scores=scores, group=rng.choice(round_.audiences)),
            submission_id=answers.new_submission_id(),
            channel=rng.choice(("link", "qr", "kiosk")),
            flagged=rng.random() < 0.1,
            now=start + timedelta(hours=rng.randrange(24 * 120)),
        )
    kept = snapshot(plan_db)
    with storage.writing(plan_db) as db:
        aggregates.rebuild(db)
    assert snapshot(plan_db) == kept
    counts, times, times_total, totals, months = kept
    assert sum(row[-1] for row in counts if row[1] == 0) == 300
    assert sum(row[-1] for row in times) == sum(
        row[-1] for row in counts if row[1] == 0 and row[5] == 0
    )
    assert sum(row[-1] for row in times_total) == sum(row[-1] for row in times)
    # Each smaller table is answer_counts summed over what it leaves out.
    by_group, by_month = {}, {}
    for round_id, question, month, group, _channel, flagged, score, scale, n in counts:
        key = (round_id, question, group, flagged, score, scale)
        by_group[key] = by_group.get(key, 0) + n
        key = (round_id, question, month, flagged, score, scale)
        by_month[key] = by_month.get(key, 0) + n
    assert totals == sorted((*key, n) for key, n in by_group.items())
    assert months == sorted((*key, n) for key, n in by_month.items())


def test_a_retried_submission_is_counted_once(plan_db, round_):
    sid = answers.new_submission_id()
    for _ in range(2):
        answers.record(plan_db, round_, Answer(scores=(4,)), submission_id=sid)
    assert [row[-1] for row in snapshot(plan_db)[0]] == [1]


def test_demo_answers_are_counted_too(plan_db):
    demo.fill(plan_db, answers=500, seed=1)
    counts, *_ = snapshot(plan_db)
    assert sum(row[-1] for row in counts) == 500

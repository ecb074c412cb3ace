"""The storage seam on both stores: durable, all or nothing, and safe under concurrent writers
— in threads here, in two app processes in tests/browser/test_replicas_browser.py."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from feedback import rounds, storage
from feedback.figures import Filters, goal_cells
from feedback.rounds import answers
from feedback.rounds.answers import Answer
from feedback.staff import auth
from feedback.storage import schema
from tests.conftest import new_store, store_before


@pytest.mark.sqlite_only
def test_every_connection_is_durable_and_checks_foreign_keys(db_path):
    with storage.reading(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


# The plan's required columns by name, so that a column added later does not break the tests.
PLAN_COLUMNS = (
    "(id, language, name, period_start, period_end, municipalities, source, content_hash)"
)
PLAN_VALUES = "'fi', '{}', 2021, 2025, '[]', 's', 'h'"


def test_a_failed_write_leaves_nothing_behind(db_path):
    try:
        with storage.writing(db_path) as db:
            db.execute(f"INSERT INTO plans {PLAN_COLUMNS} VALUES ('p', {PLAN_VALUES})")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    with storage.reading(db_path) as db:
        assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_concurrent_writers_queue_instead_of_failing(db_path):
    errors = []

    def write(worker):
        try:
            for i in range(25):
                with storage.writing(db_path) as db:
                    db.execute(
                        f"INSERT INTO plans {PLAN_COLUMNS} VALUES (?, {PLAN_VALUES})",
                        [f"p{worker}-{i}"],
                    )
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with storage.reading(db_path) as db:
        assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 200


def test_migrating_twice_applies_each_migration_once(db_path):
    schema.migrate(db_path)
    with storage.reading(db_path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
        assert schema.migrations.pending(db) == []
    assert len(names) == len(set(names)) > 0


def test_among_restricts_to_the_values_none_means_all_and_empty_means_nothing(db_path):
    with storage.writing(db_path) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [("a",), ("b",), ("c",)])
    with storage.reading(db_path) as db:

        def rows(values):
            where, params = storage.among("x", values)
            return [r[0] for r in db.execute(f"SELECT x FROM t WHERE {where} ORDER BY x", params)]

        assert rows(None) == ["a", "b", "c"]
        assert rows(("a", "c")) == ["a", "c"]
        assert rows(()) == []


def at_once(n: int, work, *, store=None) -> list:
    """Run `work(i)` for i in range(n) in n threads released together; their results. With a
    `store`, n of its connections are opened first, so that no thread waits for its own."""
    if store is not None:
        opened = min(n, 8)  # as many as a process keeps open (PostgreSQL's pool has 10)
        together = threading.Barrier(opened)

        def hold(_):
            with storage.reading(store):
                together.wait(timeout=30)

        at_once(opened, hold)
    start = threading.Barrier(n)

    def run(i):
        start.wait()
        return work(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def test_two_processes_migrating_a_new_store_at_once_apply_each_migration_once(
    store_kind, tmp_path
):
    location = new_store(store_kind, tmp_path, migrated=False)
    applied = at_once(4, lambda _: schema.migrate(location))
    assert sorted(name for names in applied for name in names) == sorted(
        name for name, _ in schema.migrations.steps
    )


def test_answers_and_their_resends_at_once_are_stored_once_and_counted_exactly(plan_db, round_):
    ids = [answers.new_submission_id() for _ in range(40)]

    def send(i):  # every submission arrives twice at the same moment, from two threads
        return answers.record(
            plan_db, round_, Answer(scores=(1 + i // 2 % 5,)), submission_id=ids[i // 2]
        )

    stored_now = at_once(80, send, store=plan_db)
    assert sum(stored_now) == 40, "of each pair, exactly one says it stored the answer"
    assert answers.count(plan_db, round_) == 40
    with storage.reading(plan_db) as db:
        for table in ("answer_counts", "answer_totals", "answer_months"):
            n = db.execute(f"SELECT sum(n) FROM {table} WHERE question = 0").fetchone()[0]
            assert n == 40, f"{table} keeps every answer once, no update lost"
        assert db.execute("SELECT sum(n) FROM answer_times_total").fetchone()[0] == 40
        by_score = db.execute(
            "SELECT score, sum(n) FROM answer_totals GROUP BY score ORDER BY score"
        ).fetchall()
    assert by_score == [(score, 8) for score in range(1, 6)]


def test_wrong_passwords_sent_at_once_get_no_more_guesses_than_one_at_a_time(db_path):
    auth.add_user(db_path, "arvattava", role=auth.Role.ADMIN)

    def guess(_):
        try:
            auth.login(db_path, "arvattava", "wrong password guess")
        except auth.TooManyAttempts:
            return "wait"
        except auth.WrongCredentials:
            return "wrong"
        return "in"

    outcomes = at_once(8, guess, store=db_path)
    assert sorted(outcomes) == ["wait"] * 5 + ["wrong"] * auth.FREE_ATTEMPTS
    with storage.reading(db_path) as db:
        assert db.execute("SELECT failures FROM login_attempts").fetchone()[0] == 3


def test_a_store_from_before_the_rename_keeps_every_round_answer_and_count(
    store_kind, tmp_path, plan_file
):
    """0016 renames surveys → rounds and responses → answers: a municipality's store at 0015
    keeps its rounds, answers, choices and comments, and the counts are made from them."""
    store = store_before(store_kind, tmp_path, "0016_rounds_and_answers", plan_file)
    with storage.writing(store) as db:  # what the code before the rename stored
        survey_id = db.insert(
            "surveys",
            {
                "code": "vanhakym",
                "action_id": "mini:a1",
                "scale": "faces5",
                "audiences": '["grades-4-6"]',
                "languages": '["fi"]',
                "subjects": '{"fi": "Kerho"}',
                "status": "open",
                "created_on": "2026-01-05",
            },
            returning="id",
        )
        for i, score in enumerate((5, 4, 4)):
            db.insert(
                "responses",
                {
                    "submission_id": f"s{i}",
                    "survey_id": survey_id,
                    "score": score,
                    "respondent_group": "grades-4-6",
                    "channel": "link",
                    "answered_on": "2026-02-03",
                    "answered_hour": 10,
                },
            )
        db.insert(
            "response_choices", {"submission_id": "s0", "survey_id": survey_id, "choice": "fun"}
        )
        db.insert(
            "comments",
            {
                "submission_id": "s0",
                "survey_id": survey_id,
                "text": "Kiva",
                "answered_on": "2026-02-03",
            },
        )
    assert schema.migrate(store)[0] == "0016_rounds_and_answers"  # then those made since
    kept = rounds.get_by_code(store, "vanhakym")
    assert (kept.id, kept.subject("fi")) == (survey_id, "Kerho")
    assert answers.count(store, kept) == 3
    with storage.reading(store) as db:
        assert db.execute("SELECT round_id, choice FROM answer_choices").fetchall() == [
            (survey_id, "fun")
        ]
        assert db.execute(
            "SELECT text FROM comments WHERE round_id = ?", [survey_id]
        ).fetchall() == [("Kiva",)]
        assert not {"surveys", "responses", "response_choices"} & set(db.tables())
    cell = next(c for c in goal_cells(store, "mini", Filters()) if c.key == "mini:a1")
    assert (cell.n, cell.distribution) == (3, (0, 0, 0, 2, 1)), (
        "the answers stored before are counted"
    )

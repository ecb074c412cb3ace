"""The storage seam on both stores: durable, all or nothing, and safe under concurrent writers
— in threads here, in two app processes in tests/browser/test_replicas_browser.py."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from feedback import rounds, storage
from feedback.figures import Filters, goal_cells
from feedback.rounds import answers, comments
from feedback.rounds.answers import Answer
from feedback.staff import auth, throttle
from feedback.storage import schema
from tests.support.stores import new_store, store_before


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
    assert sorted(outcomes) == ["wait"] * 5 + ["wrong"] * throttle.FREE_ATTEMPTS
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
    assert schema.migrate(store)[0] == "0016_rounds_and_answers"  # then any later ones
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
    # k = 3: the 3 answers stored before, one block, are counted in the figures.
    cell = next(c for c in goal_cells(store, "mini", Filters(), k=3) if c.key == "mini:a1")
    assert (cell.n, cell.distribution) == (3, (0, 0, 0, 2, 1)), (
        "the answers stored before are counted"
    )


def _not_in_either_order(values: list[int]) -> bool:
    # Random ids come out sorted one way or the other with probability 2/30! (< 1e-31).
    return values != sorted(values) and values != sorted(values, reverse=True)


def test_0017_gives_the_rows_written_per_answer_random_ids_and_keeps_them(
    store_kind, tmp_path, plan_file
):
    """Before 0017 answers, comments and proposals were numbered as they came in; afterwards
    each keeps its content and links, and the ids in arrival order are in no order."""
    store = store_before(store_kind, tmp_path, "0017_unordered_ids", plan_file)
    arrived = [f"{n:032x}" for n in range(1, 31)]
    with storage.writing(store) as db:  # what the code before 0017 stored: ids numbered
        round_id = db.insert(
            "rounds",
            {
                "code": "vanhakym",
                "action_id": "mini:a1",
                "scale": "faces5",
                "audiences": '["youth-council"]',
                "languages": '["fi"]',
                "created_on": "2026-01-05",
                "free_text": 1,
                "follow_up": '["fun"]',
            },
            returning="id",
        )
        for n, sid in enumerate(arrived):
            row = {"submission_id": sid, "round_id": round_id, "answered_on": "2026-02-03"}
            db.insert(
                "answers",
                {**row, "score": 1 + n % 5, "respondent_group": "youth-council"}
                | {"channel": "council", "answered_hour": 10},
            )
            db.insert(
                "answer_choices", {"submission_id": sid, "round_id": round_id, "choice": "fun"}
            )
            db.insert("comments", {**row, "text": f"comment {n:02d}"})
            db.insert(
                "proposals",
                {"action_id": "mini:a1", "year": 2026, "text": sid, "created_on": "2026-02-03"},
            )
        for name in ("nuva1", "nuva2"):
            db.insert(
                "users",
                {"username": name, "password_hash": "x", "role": "council", "created_on": "2026"},
            )
            db.insert("council_evaluations", {"username": name, "plan_id": "mini", "year": 2026})
        db.insert(
            "council_self",
            {"plan_id": "mini", "year": 2026, "question": "heard", "score": 4, "n": 2},
        )
    assert schema.migrate(store)[0] == "0017_unordered_ids"
    with storage.reading(store) as db:
        answer_ids = dict(db.execute("SELECT submission_id, id FROM answers").fetchall())
        comment_ids = dict(db.execute("SELECT submission_id, id FROM comments").fetchall())
        texts = dict(db.execute("SELECT id, text FROM comments").fetchall())
        proposal_ids = dict(db.execute("SELECT text, id FROM proposals").fetchall())
        place = "rowid" if db.dialect == "sqlite" else "ctid"  # where a row lies in the table
        laid_out = [
            sid for (sid,) in db.execute(f"SELECT submission_id FROM answers ORDER BY {place}")
        ]
        choices = db.execute("SELECT submission_id, round_id, choice FROM answer_choices")
        assert sorted(choices.fetchall()) == [(sid, round_id, "fun") for sid in arrived]
        assert db.execute("SELECT username FROM council_evaluations ORDER BY 1").fetchall() == [
            ("nuva1",),
            ("nuva2",),
        ]
        assert db.execute("SELECT question, score, n FROM council_self").fetchall() == [
            ("heard", 4, 2)
        ]
    assert sorted(answer_ids) == sorted(comment_ids) == sorted(proposal_ids) == arrived
    for ids in (answer_ids, comment_ids, proposal_ids):
        assert _not_in_either_order([ids[sid] for sid in arrived])
    assert _not_in_either_order([arrived.index(sid) for sid in laid_out])
    assert [texts[comment_ids[sid]] for sid in arrived] == [f"comment {n:02d}" for n in range(30)]
    # The /comments actions find a comment by its new id; a new answer gets one of its own.
    comments.set_status(store, comment_ids[arrived[0]], "hidden", actors=None)
    with storage.reading(store) as db:
        assert db.execute("SELECT text FROM comments WHERE status = 'hidden'").fetchall() == [
            ("comment 00",)
        ]
    kept = rounds.get_by_code(store, "vanhakym")
    assert answers.record(
        store, kept, Answer(scores=(5,), text="uusi"), submission_id=answers.new_submission_id()
    )
    assert answers.count(store, kept) == 31


@pytest.mark.sqlite_only
def test_0017_leaves_no_rowid_numbered_in_turn_in_the_tables_without_an_id(tmp_path, plan_file):
    """A rowid would number answer choices and council evaluations as they came in; the tables
    given random ids keep their columns, constraints and indexes."""
    store = store_before("sqlite", tmp_path, "0017_unordered_ids", plan_file)
    remade = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?) ORDER BY name"
    with storage.reading(store) as db:
        before = db.execute(remade, ["answers", "comments", "proposals"]).fetchall()
    schema.migrate(store)
    with storage.reading(store) as db:
        after = db.execute(remade, ["answers", "comments", "proposals"]).fetchall()
        assert after == before, "the tables given random ids are made again as they were"
        for table in ("answer_choices", "council_evaluations", "council_self"):
            with pytest.raises(storage.StoreError, match="no such column: rowid"):
                db.execute(f"SELECT rowid FROM {table}")

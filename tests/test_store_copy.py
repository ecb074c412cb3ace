"""`feedback store copy`: a municipality's SQLite file moved into another store (PostgreSQL in
production), with every row and every figure the same afterwards."""

import subprocess

import pandas as pd
import pytest
from click.testing import CliRunner

from feedback import demo, plans, rounds, storage
from feedback.cli import cli
from feedback.figures import Filters, exports, goal_overview, measures
from feedback.rounds import answers, changes, recordings
from feedback.rounds.answers import Answer
from feedback.staff import auth
from feedback.storage import backup, copy
from tests.support.rounds import open_round
from tests.support.stores import POSTGRESQL, STORES, available, new_store

ADMIN = auth.User("ada", auth.Role.ADMIN, (), False)

#: The smallest WAV file: a RIFF header and no samples.
WAV = (
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"
    b"\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00"
)


@pytest.fixture
def source(tmp_path, plan_file):
    """A municipality's SQLite file in use: answers with comments and choices, a user, a
    change, demo data."""
    store = new_store("sqlite", tmp_path)
    plans.import_file(store, plan_file)
    open_round(store, action_id="mini:a1", code="testcase")
    round_ = rounds.create(
        store,
        action_id="mini:a3",
        follow_up=("friends",),
        free_text=True,
        audiences=("grades-1-3",),
        languages=("fi", "sv"),
        subjects={"fi": "Aamukerho", "sv": "Morgonklubben"},
    )
    recordings.save(store, round_, "sv", WAV)
    for score in (1, 4, 5, 5):
        answers.record(
            store,
            round_,
            Answer(scores=(score,), choices=("friends",), text=f"kiva {score}"),
            submission_id=answers.new_submission_id(),
        )
    auth.add_user(store, "anna", role=auth.Role.ADMIN)
    changes.record(
        store,
        action_id="mini:a3",
        round_id=round_.id,
        you_said="Lisää",
        we_did="Tehty",
        status="done",
        language="fi",
    )
    demo.fill(store, answers=300, seed=3)
    return store


@pytest.fixture(params=STORES)
def target(request, tmp_path):
    """An empty store of each kind, not migrated yet (the copy migrates it)."""
    folder = tmp_path / "target"
    folder.mkdir()
    return new_store(available(request.param), folder, migrated=False)


def figures_of(store, *, answer_export: bool = True) -> list[pd.DataFrame]:
    """The figures; with `answer_export` also the admin's answer-level export, whose every
    download is recorded in the store (a row that the store's source then lacks)."""
    everything = Filters()
    shown = [
        goal_overview(store, "mini", k=5, lang="fi"),
        measures.monthly_trend(store, "mini", everything, k=5),
        measures.weekday_hour(store, "mini", everything, k=5),
    ]
    if answer_export:
        shown.append(exports.answers(store, "mini", filters=everything, k=5, user=ADMIN))
    return shown


def test_the_copy_has_every_row_and_the_same_figures(source, target):
    report = copy.copy_store(source, target)
    assert report.rows["answers"] > 300
    assert report.rows["comments"] == 4
    assert report.rows["users"] == 1
    for mine, theirs in zip(figures_of(source), figures_of(target), strict=True):
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
    with storage.reading(target) as db:
        assert db.execute("SELECT text FROM comments ORDER BY text").fetchall() == [
            (f"kiva {s}",) for s in (1, 4, 5, 5)
        ]


def test_the_copy_keeps_a_rounds_subjects_and_its_recording(source, target):
    report = copy.copy_store(source, target)
    assert report.rows["round_recordings"] == 1
    [copied] = [
        found
        for listed in rounds.list_rounds(target)
        if (found := rounds.get_by_code(target, listed.code)).recordings
    ]
    assert copied.subjects == {"fi": "Aamukerho", "sv": "Morgonklubben"}
    assert copied.recordings == ("sv",)
    assert recordings.load(target, copied.code, "sv") == ("audio/wav", WAV)


def test_answers_after_the_copy_get_new_ids_and_are_counted(source, target):
    copy.copy_store(source, target)
    copied = rounds.get_by_code(target, "testcase")
    before = answers.count(target, copied)
    assert answers.record(
        target, copied, Answer(scores=(3,)), submission_id=answers.new_submission_id()
    )
    assert answers.count(target, copied) == before + 1
    with storage.reading(target) as db:
        ids = [i for (i,) in db.execute("SELECT id FROM answers")]
    assert len(ids) == len(set(ids))


def test_a_store_that_is_not_empty_is_refused_and_left_as_it_was(source, target):
    copy.copy_store(source, target)
    with pytest.raises(copy.CopyError, match="is not empty"):
        copy.copy_store(source, target)
    assert copy.compare(source, target).rows["answers"] > 300


def test_a_copy_that_differs_is_reported(source, target):
    copy.copy_store(source, target)
    with storage.writing(target) as db:
        db.execute("UPDATE answer_totals SET n = n + 1 WHERE score = 5")
    with pytest.raises(copy.CopyError, match="answer_totals differs"):
        copy.compare(source, target)


def test_the_command_copies_and_says_what_it_checked(source, target):
    result = CliRunner().invoke(cli, ["store", "copy", "--db", str(source), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "comments                      4 rows" in result.output
    assert "the figures' sums are identical in both" in result.output
    again = CliRunner().invoke(cli, ["store", "copy", "--db", str(source), "--to", str(target)])
    assert again.exit_code == 1
    assert again.output.startswith("Error: ") and "is not empty" in again.output
    assert "Traceback" not in again.output


def test_every_table_is_copied(db_path):
    with storage.reading(db_path) as db:
        assert set(copy.TABLES) == set(db.tables()) - {"_sqlite_migrations"}


def test_a_postgresql_store_is_dumped_by_pg_dump_and_restores_whole(source, tmp_path):
    store = new_store(available("postgresql"), tmp_path / "server", migrated=False)
    copy.copy_store(source, store)
    before = figures_of(store, answer_export=False)
    out = tmp_path / "feedback.dump"
    report = backup.backup(store, out)
    assert (report.comments, report.rounds) == (4, 6)  # two rounds and four of the demo
    with storage.reading(source) as db:
        respondents = db.execute("SELECT count(*) FROM answers WHERE question = 0").fetchone()
    assert report.answers == respondents[0]
    assert out.stat().st_mode & 0o777 == 0o600, "comments may name people: owner only"
    with storage.writing(store) as db:
        schema_name = db.execute("SELECT current_schema()").fetchone()[0]
        db.execute(f"DROP SCHEMA {schema_name} CASCADE")  # the store is lost …
    storage.close_all()
    restored = subprocess.run(
        ["pg_restore", "--no-owner", f"--dbname={POSTGRESQL}", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert restored.returncode == 0, restored.stderr  # … and comes back from the dump
    for mine, theirs in zip(before, figures_of(store, answer_export=False), strict=True):
        pd.testing.assert_frame_equal(mine, theirs)
    copy.compare(source, store)


def test_the_backup_command_says_what_the_dump_holds(source, tmp_path):
    store = new_store(available("postgresql"), tmp_path / "server", migrated=False)
    copy.copy_store(source, store)
    out = tmp_path / "feedback.dump"
    result = CliRunner().invoke(cli, ["backup", "--db", store, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "304 answers, 4 comments, 6 rounds" in result.output
    assert "pg_restore" in result.output

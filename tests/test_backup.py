import sqlite3
from datetime import datetime

import pytest
from click.testing import CliRunner

from feedback import storage
from feedback.cli import cli
from feedback.rounds import answers
from feedback.rounds.answers import Answer
from feedback.storage import backup
from tests.support.rounds import open_round

# A SQLite file copied and checked; the PostgreSQL way (pg_dump) is in test_store_copy.py.
pytestmark = pytest.mark.sqlite_only


def answer(db_path, round_, score, text=""):
    answers.record(
        db_path,
        round_,
        Answer(scores=(score,), text=text),
        submission_id=answers.new_submission_id(),
        now=datetime(2026, 3, 4, 10),
    )


def rows(db_path, table):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        conn.close()


@pytest.fixture
def answered(plan_db):
    """The tiny plan with a round that has three answers and one comment."""
    round_ = open_round(plan_db, action_id="mini:a2", free_text=True)
    for score in (5, 4, 2):
        answer(plan_db, round_, score)
    answer(plan_db, round_, 3, text="Kiva kerho")
    return plan_db, round_


def backup_cli(*args):
    return CliRunner().invoke(cli, ["backup", *map(str, args)])


def test_the_copy_holds_the_same_answers_comments_and_counts(answered, tmp_path):
    db_path, _ = answered
    out = tmp_path / "copy.db"
    report = backup.backup(db_path, out)
    for table in ("answers", "comments", "rounds", "answer_counts", "actions"):
        assert rows(out, table) == rows(db_path, table)
    assert (report.answers, report.comments, report.rounds) == (4, 1, 1)
    assert report.size == out.stat().st_size > 0


def test_the_copy_is_one_self_contained_file_for_the_owner_only(answered, tmp_path):
    db_path, _ = answered
    out = tmp_path / "copy.db"
    backup.backup(db_path, out)
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
    assert out.stat().st_mode & 0o777 == 0o600
    # The app opens a restored copy with its usual recipe and goes on writing.
    _, round_ = answered
    answer(out, round_, 1)
    assert answers.count(out, round_) == 5


def test_a_backup_during_an_open_write_gets_only_what_was_committed(answered, tmp_path):
    db_path, round_ = answered
    out = tmp_path / "copy.db"
    with storage.writing(db_path) as writer:  # the app, half-way through storing two answers
        for score in (1, 1):
            answers.insert(
                writer,
                round_,
                Answer(scores=(score,), group="grades-4-6"),
                answers.new_submission_id(),
                "link",
                False,
                datetime(2026, 3, 4, 11),
            )
        report = backup.backup(db_path, out)
    assert report.answers == 4
    assert sorted(r[4] for r in rows(out, "answers")) == [2, 3, 4, 5]
    assert answers.count(db_path, round_) == 6  # and the writer's commit was not disturbed


def test_the_cli_reports_what_it_copied(answered, tmp_path):
    db_path, _ = answered
    result = backup_cli("--db", db_path, "--out", tmp_path / "copy.db")
    assert result.exit_code == 0, result.output
    assert "4 answers, 1 comment, 1 round; integrity check ok" in result.output


def test_the_cli_refuses_to_overwrite_unless_forced(answered, tmp_path):
    db_path, _ = answered
    out = tmp_path / "copy.db"
    out.write_text("yesterday's backup")
    refused = backup_cli("--db", db_path, "--out", out)
    assert refused.exit_code == 1
    assert refused.output == f"Error: {out} exists; add --force to replace it\n"
    assert out.read_text() == "yesterday's backup"
    forced = backup_cli("--db", db_path, "--out", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert len(rows(out, "answers")) == 4


def test_the_cli_refuses_to_write_over_the_database_itself(answered):
    db_path, _ = answered
    result = backup_cli("--db", db_path, "--out", db_path, "--force")
    assert result.exit_code == 1
    assert "is the database itself" in result.output
    assert len(rows(db_path, "answers")) == 4


def test_a_missing_database_is_one_friendly_line_and_is_not_created(tmp_path):
    missing = tmp_path / "nothing.db"
    result = backup_cli("--db", missing, "--out", tmp_path / "copy.db")
    assert result.exit_code == 1
    assert result.output == f"Error: no database at {missing}\n"
    assert not missing.exists() and not (tmp_path / "copy.db").exists()


def test_an_unwritable_destination_is_one_friendly_line(answered, tmp_path):
    db_path, _ = answered
    result = backup_cli("--db", db_path, "--out", tmp_path / "no-such-folder" / "copy.db")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot write ")
    assert result.output.count("\n") == 1


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    source = tmp_path / "notes.db"
    source.write_text("these are not the answers you are looking for\n" * 200)
    result = backup_cli("--db", source, "--out", tmp_path / "copy.db")
    assert result.exit_code == 1
    assert result.output == f"Error: cannot copy {source}: file is not a database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db", "secrets.toml"]


def test_a_damaged_database_fails_the_integrity_check_and_writes_nothing(answered, tmp_path):
    db_path, _ = answered
    storage.close_all()  # the process's kept connections, so that the WAL is folded in below
    conn = sqlite3.connect(db_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'answers'").fetchone()
    conn.close()  # the last connection: the WAL is folded into the file
    with db_path.open("r+b") as file:  # scribble over the answers' table
        file.seek((root - 1) * page_size)
        file.write(b"\x0d\xff" * (page_size // 2))
    out = tmp_path / "copy.db"
    with pytest.raises(backup.IntegrityFailed, match="damaged, no backup written"):
        backup.backup(db_path, out)
    assert not out.exists()
    result = backup_cli("--db", db_path, "--out", out)
    assert result.exit_code == 1
    assert result.output.startswith("Error: the database is damaged, no backup written: ")
    assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir() if "copy" in p.name] == []

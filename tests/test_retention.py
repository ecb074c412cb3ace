"""`feedback retention`: old comments, ended sessions and old sign-in attempts are deleted,
the figures stay exactly as they were, and the deleted text is gone from the database file."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from feedback import figures, retention, settings, storage
from feedback.cli import cli
from feedback.rounds import comments
from feedback.rounds.answers import Answer, new_submission_id, record
from feedback.staff import auth
from tests.support.rounds import open_round
from tests.support.users import signed_in

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
OLD_TEXT = "Vanha kommentti, jonka pitää kadota kokonaan 7f3a"
NEW_TEXT = "Tuore kommentti, joka saa jäädä"


def comment_round(db_path, texts_by_day: dict[str, str], others: int = 10):
    """A round whose first respondents wrote the given comments on the given days, and
    `others` more answered without a comment (so that the round is big enough to show)."""
    round_ = open_round(db_path, action_id="mini:a1", free_text=True)
    for text in texts_by_day.values():
        record(db_path, round_, Answer(scores=(2,), text=text), submission_id=new_submission_id())
    for _ in range(others):
        record(db_path, round_, Answer(scores=(5,)), submission_id=new_submission_id())
    with storage.writing(db_path) as db:  # answered on those days (record stores today)
        for day, text in texts_by_day.items():
            db.execute("UPDATE comments SET answered_on = ? WHERE text = ?", [day, text])
    return round_


def shown_figures(db_path) -> list:
    """What the dashboard shows of the plan, and what is kept of every answer."""
    overview = figures.goal_overview(db_path, "mini", k=5, lang="fi")
    with storage.reading(db_path) as db:
        kept = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("answers", "answer_counts", "answer_totals", "answer_months")
        }
    return [overview.to_csv(index=False), kept]  # as text: a missing mean (NaN) equals itself


def test_comments_older_than_the_kept_months_go_and_every_figure_stays(plan_db):
    comment_round(plan_db, {"2024-12-02": OLD_TEXT, "2024-12-03": NEW_TEXT})
    before = shown_figures(plan_db)
    done = retention.run(plan_db, months=24, now=NOW)
    assert (done.comments, done.kept_months, done.ran_on) == (1, 24, "2026-12-03")
    left = comments.for_review(plan_db, actors=None, k=5).comments
    assert [c.text for c in left] == [NEW_TEXT], "the day 24 months back is still kept"
    assert shown_figures(plan_db) == before, "the scores of those who commented stay counted"
    assert retention.last_run(plan_db) == done
    again = retention.run(plan_db, months=24, now=NOW)
    assert again.comments == 0


@pytest.mark.sqlite_only
def test_the_deleted_text_is_not_in_the_database_files(plan_db: Path):
    comment_round(plan_db, {"2023-05-01": OLD_TEXT, "2026-11-30": NEW_TEXT})

    def on_disk() -> bytes:
        files = [plan_db, Path(f"{plan_db}-wal")]
        return b"".join(f.read_bytes() for f in files if f.exists())

    assert OLD_TEXT.encode() in on_disk(), "the test would prove nothing otherwise"
    retention.run(plan_db, months=24, now=NOW)
    disk = on_disk()
    assert OLD_TEXT.encode() not in disk
    assert b"7f3a" not in disk, "not even a piece of it in a free page"
    assert NEW_TEXT.encode() in disk
    with storage.reading(plan_db) as db:  # whatever the SQLite library's own default
        assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1


def test_ended_sessions_and_old_sign_in_attempts_go_and_live_ones_stay(plan_db):
    live = signed_in(plan_db, "voimassa", role=auth.Role.ADMIN)
    ended = signed_in(plan_db, "uloskirjautunut", role=auth.Role.ADMIN)
    auth.logout(plan_db, ended)
    expired = auth.login(
        plan_db, "voimassa", "correct horse battery staple", now=NOW - timedelta(days=8)
    )
    for name, when in (("vanha", NOW - timedelta(days=2)), ("tuore", NOW - timedelta(hours=1))):
        with pytest.raises(auth.AuthError):
            auth.login(plan_db, name, "wrong password of some length", now=when)
    with storage.reading(plan_db) as db:
        everyone = {row[0] for row in db.execute("SELECT id FROM sessions")}
    done = retention.run(plan_db, now=NOW)
    with storage.reading(plan_db) as db:
        sessions = {row[0] for row in db.execute("SELECT id FROM sessions")}
        attempts = [row[0] for row in db.execute("SELECT username FROM login_attempts")]
    assert live in sessions and not {ended, expired} & sessions
    assert all(auth.session_user(plan_db, s, now=NOW) for s in sessions), "only ended ones go"
    assert (done.sessions, done.sign_in_attempts, done.comments) == (len(everyone - sessions), 1, 0)
    assert attempts == ["tuore"], "a pause still running is kept"
    assert auth.session_user(plan_db, live, now=NOW).username == "voimassa"


def test_a_dry_run_counts_and_changes_nothing(plan_db):
    comment_round(plan_db, {"2020-01-01": OLD_TEXT})
    would = retention.run(plan_db, months=24, now=NOW, dry_run=True)
    assert would.comments == 1
    assert [c.text for c in comments.for_review(plan_db, actors=None, k=5).comments] == [OLD_TEXT]
    assert retention.last_run(plan_db) is None


@pytest.mark.parametrize(
    ("today", "months", "kept_from"),
    [
        (date(2026, 12, 3), 24, date(2024, 12, 3)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),  # February has no 31st
        (date(2024, 1, 15), 13, date(2022, 12, 15)),
    ],
)
def test_the_first_day_kept_is_the_same_day_months_back(today, months, kept_from):
    assert retention.oldest_kept(today, months) == kept_from


def test_the_months_come_from_the_setting_and_never_fall_below_one(monkeypatch):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "6")
    assert settings.comment_retention_months() == 6
    for odd in ("0", "-3", "kaksi"):
        monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", odd)
        assert settings.comment_retention_months() in (1, 24)
    monkeypatch.delenv("FEEDBACK_COMMENT_MONTHS")
    assert settings.comment_retention_months() == 24


@pytest.mark.sqlite_only
def test_the_command_prints_what_it_removed_and_refuses_a_database_that_is_not_there(
    plan_db, tmp_path
):
    comment_round(plan_db, {"2000-01-01": OLD_TEXT})
    runner = CliRunner()
    result = runner.invoke(cli, ["retention", "--db", str(plan_db), "--months", "12"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("removed: 1 comment from before ")
    assert "(kept 12 months), 0 ended sessions, 0 old sign-in attempts" in result.output
    missing = tmp_path / "mistyped" / "feedback.db"
    result = runner.invoke(cli, ["retention", "--db", str(missing)])
    assert result.exit_code == 1
    assert f"there is no database at {missing}" in result.output
    assert not missing.parent.exists(), "no new, empty database for a mistyped path"

"""Retention: children's comments (and short text answers) are kept for a set number of
months, and sessions and sign-in attempts only while they are of use; `feedback retention`
deletes the rest.

The kept counts (answers, scores, participation) are never touched: a comment is deleted with
its text and nothing else, so every figure stays as it was. A comment with a safeguarding alert
(`rounds.alerts`) is kept until the alert is handled; the alerts themselves hold no words of the
child and stay as the audit list of what was done. The deletion leaves nothing of the
text readable in the store's files (`storage.erasing`).
"""

from __future__ import annotations

import calendar
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from feedback import settings, storage

#: A sign-in attempt this long without another failure has done its work (the longest pause
#: it can cause is 15 minutes); after that its count starts again.
ATTEMPTS_KEPT = timedelta(days=1)


@dataclass(frozen=True)
class Run:
    """What one run removed, or would remove; `ran_on` is the day."""

    ran_on: str
    kept_months: int
    comments: int
    sessions: int
    sign_in_attempts: int
    #: Answers to own questions of the short-text kind (`rounds.own_questions`), kept as long
    #: as comments are.
    text_answers: int


def oldest_kept(today: date, months: int) -> date:
    """The first day whose comments are kept: the same day `months` months back (the month's
    last day where that month is shorter)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    shortest = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, shortest))


def run(
    db_path: str | Path,
    *,
    months: int | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> Run:
    """Delete comments older than `months` (default: the setting), ended sessions and
    attempts past their use; record the run. With `dry_run`, count only and change nothing.

    Raises `storage.NoStore` where there is no database: nothing to keep or to delete."""
    months = months or settings.comment_retention_months()
    now = now or datetime.now(UTC)
    cutoff = oldest_kept(now.date(), months).isoformat()
    stale_attempts = (now - ATTEMPTS_KEPT).isoformat()
    sql = {
        # A comment whose safeguarding alert nobody has handled yet is kept until it is.
        "comments": (
            """FROM comments WHERE answered_on < ? AND id NOT IN (
                   SELECT comment_id FROM safeguarding_alerts
                   WHERE handling IS NULL AND comment_id IS NOT NULL)""",
            [cutoff],
        ),
        "sessions": ("FROM sessions WHERE revoked = 1 OR expires_at <= ?", [now.isoformat()]),
        "sign_in_attempts": ("FROM login_attempts WHERE last_failure < ?", [stale_attempts]),
        # A short text answer likewise (it is checked for signals as a comment is).
        "text_answers": (
            """FROM question_texts WHERE answered_on < ? AND id NOT IN (
                   SELECT text_id FROM safeguarding_alerts
                   WHERE handling IS NULL AND text_id IS NOT NULL)""",
            [cutoff],
        ),
    }
    if dry_run:
        with storage.reading(db_path, create=False) as db:
            counts = {
                name: db.execute(f"SELECT count(*) {where}", params).fetchone()[0]
                for name, (where, params) in sql.items()
            }
        return Run(now.date().isoformat(), months, **counts)
    with storage.erasing(db_path, "comments", "sessions", "login_attempts", "question_texts") as db:
        counts = {
            name: db.execute(f"DELETE {where}", params).rowcount
            for name, (where, params) in sql.items()
        }
        done = Run(now.date().isoformat(), months, **counts)
        db.insert("retention_runs", asdict(done))
    return done


def last_run(db_path: str | Path) -> Run | None:
    """The latest recorded run, for staff to see that the deletion happens."""
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                "SELECT ran_on, kept_months, comments, sessions, sign_in_attempts, text_answers "
                "FROM retention_runs ORDER BY id DESC LIMIT 1"
            )
        )
    return Run(**rows[0]) if rows else None

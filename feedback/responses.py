"""Answers: stored once per submission, anonymously, durably before anyone says thank you."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from pathlib import Path

from feedback import db as dbm
from feedback.surveys import Survey

CHANNELS = ("link", "qr", "kiosk", "council", "staff-entered")
_SUBMISSION_PATTERN = re.compile(r"^[0-9a-f]{32}$")


class InvalidAnswer(ValueError):
    """The answer does not fit the round (a score outside its scale, a malformed id …)."""


class SurveyClosed(Exception):
    """The round closed between showing the question and sending the answer."""


def new_submission_id() -> str:
    """A fresh id for one respondent's submission; made when the question is shown."""
    return uuid.uuid4().hex


def record(
    db_path: str | Path,
    survey: Survey,
    *,
    score: int,
    submission_id: str,
    channel: str = "link",
    group: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Store one answer to `survey`. Returns True if stored now, False if this submission was
    already stored (a retry after a lost reply): either way it is stored exactly once.

    Only the day and the hour are kept, never the precise time, and nothing about the person.
    Raises `InvalidAnswer` or `SurveyClosed`; the caller keeps the answer on screen.
    """
    if not survey.scale.is_valid(score):
        raise InvalidAnswer(f"score {score!r} is not on the {survey.scale} scale")
    if not isinstance(submission_id, str) or not _SUBMISSION_PATTERN.match(submission_id):
        raise InvalidAnswer("malformed submission id")
    if channel not in CHANNELS:
        raise InvalidAnswer(f"unknown channel {channel!r}")
    now = now or datetime.now()
    with dbm.writing(db_path) as db:
        status = db.execute("SELECT status FROM surveys WHERE id = ?", [survey.id]).fetchone()
        if status is None or status[0] != "open":
            raise SurveyClosed(survey.code)
        cursor = db.execute(
            """INSERT INTO responses
                 (submission_id, survey_id, score, respondent_group, channel,
                  answered_on, answered_hour)
               VALUES (?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (submission_id) DO NOTHING""",
            [
                submission_id,
                survey.id,
                score,
                group or survey.audience,
                channel,
                now.date().isoformat(),
                now.hour,
            ],
        )
        return cursor.rowcount == 1


def count(db_path: str | Path, survey: Survey) -> int:
    """How many answers the round has."""
    with dbm.reading(db_path) as db:
        return db.execute(
            "SELECT count(*) FROM responses WHERE survey_id = ?", [survey.id]
        ).fetchone()[0]

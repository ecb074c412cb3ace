"""Feedback rounds: a survey attached to one action of a plan, answered through its code."""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from feedback import db as dbm
from feedback import settings
from feedback.scales import Scale

#: Respondent groups and age bands, aligned with the School Health Promotion study (DESIGN §4).
AUDIENCES = (
    "early-childhood",
    "grades-1-3",
    "grades-4-6",
    "grades-7-9",
    "upper-secondary",
    "vocational",
    "guardians",
    "youth-council",
    "staff",
)
DEFAULT_AUDIENCE = "grades-4-6"

# Codes are typed from posters: no 0/o, 1/l/i look-alikes.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 8
_CODE_PATTERN = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class UnknownAction(Exception):
    """No action has the given id."""


@dataclass(frozen=True)
class Survey:
    """An open or closed feedback round with what a respondent needs to see."""

    id: int
    code: str
    action_id: str
    plan_id: str
    plan_language: str
    scale: Scale
    audience: str
    title: str | None
    status: str
    action_text: dict[str, str]

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True)
class SurveySummary:
    """One line of `feedback survey list`."""

    code: str
    action_id: str
    scale: str
    audience: str
    status: str
    answers: int


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def is_code(value: object) -> bool:
    """Whether `value` has the form of a survey code (cheap check before any lookup)."""
    return isinstance(value, str) and bool(_CODE_PATTERN.match(value))


def link(code: str, *, lang: str | None = None) -> str:
    """The full respondent link of a round."""
    url = f"{settings.base_url()}/respond?s={code}"
    return f"{url}&lang={lang}" if lang else url


def create(
    db_path: str | Path,
    *,
    action_id: str,
    scale: Scale = Scale.FACES5,
    audience: str = DEFAULT_AUDIENCE,
    title: str | None = None,
    code: str | None = None,
    today: date | None = None,
) -> Survey:
    """Open a feedback round for an action and return it. Raises `UnknownAction`."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}; choose one of {', '.join(AUDIENCES)}")
    code = code or new_code()
    if not is_code(code):
        raise ValueError(f"a code is {CODE_LENGTH} characters from {CODE_ALPHABET!r}")
    with dbm.writing(db_path) as db:
        if not db.execute("SELECT 1 FROM actions WHERE id = ?", [action_id]).fetchone():
            raise UnknownAction(action_id)
        db["surveys"].insert(
            {
                "code": code,
                "action_id": action_id,
                "scale": Scale(scale).value,
                "audience": audience,
                "title": title,
                "status": "open",
                "created_on": (today or date.today()).isoformat(),
            }
        )
    survey = get_by_code(db_path, code)
    if survey is None:  # only if someone deleted it in the same instant
        raise RuntimeError(f"round {code} vanished right after being created")
    return survey


_SELECT = """
    SELECT v.id, v.code, v.action_id, m.plan_id, p.language, v.scale, v.audience, v.title,
           v.status, a.text
    FROM surveys v
    JOIN actions a ON a.id = v.action_id
    JOIN sub_goals s ON s.id = a.sub_goal_id
    JOIN main_goals m ON m.id = s.main_goal_id
    JOIN plans p ON p.id = m.plan_id
"""


def get_by_code(db_path: str | Path, code: str) -> Survey | None:
    """The round with this code, open or not, or None."""
    if not is_code(code):
        return None
    with dbm.reading(db_path) as db:
        row = db.execute(_SELECT + " WHERE v.code = ?", [code]).fetchone()
    if row is None:
        return None
    return Survey(
        id=row[0],
        code=row[1],
        action_id=row[2],
        plan_id=row[3],
        plan_language=row[4],
        scale=Scale(row[5]),
        audience=row[6],
        title=row[7],
        status=row[8],
        action_text=json.loads(row[9]),
    )


def open_by_code(db_path: str | Path, code: object) -> Survey | None:
    """The open round with this code; None for a malformed, unknown or closed code."""
    if not is_code(code):
        return None
    survey = get_by_code(db_path, code)  # type: ignore[arg-type]
    return survey if survey and survey.is_open else None


def list_surveys(db_path: str | Path) -> list[SurveySummary]:
    """Every round with its number of answers, newest first."""
    with dbm.reading(db_path) as db:
        rows = db.execute(
            """SELECT v.code, v.action_id, v.scale, v.audience, v.status,
                      (SELECT count(*) FROM responses r WHERE r.survey_id = v.id)
               FROM surveys v ORDER BY v.id DESC"""
        ).fetchall()
    return [SurveySummary(*row) for row in rows]


def set_status(db_path: str | Path, code: str, status: str) -> None:
    """Open or close a round."""
    if status not in ("open", "closed"):
        raise ValueError(f"unknown status {status!r}")
    with dbm.writing(db_path) as db:
        db.execute("UPDATE surveys SET status = ? WHERE code = ?", [status, code])

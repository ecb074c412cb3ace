""" "You said, we did": what staff changed because of feedback (or why not), shown back to
children on the results page and on the thank-you screen of the next round on the same action."""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from feedback import i18n, plaintext, storage
from feedback.staff import scope

log = logging.getLogger(__name__)

STATUSES = ("done", "planned", "not-possible")
MAX_TEXT = 400


class InvalidChange(ValueError):
    """A change that cannot be saved; `field` names the field ('you_said', 'we_did', 'status')."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Change:
    id: int
    action_id: str
    round_id: int | None
    you_said: str
    we_did: str
    status: str
    language: str
    created_on: str


#: The columns a `Change` is read from, by name (a new column in the table changes nothing here).
_COLUMNS = ", ".join(field.name for field in fields(Change))
_COLUMNS_OF_C = ", ".join(f"c.{field.name}" for field in fields(Change))


def record(
    db_path: str | Path,
    *,
    action_id: str,
    you_said: str,
    we_did: str,
    status: str,
    language: str,
    round_id: int | None = None,
    today: date | None = None,
    actors: tuple[str, ...] | None = None,
) -> int:
    """Save what was changed because of feedback on an action; return its id. A user of
    `actors` only on their own actors' actions (`scope.OutOfScope`)."""
    you_said, we_did = plaintext.one_line(you_said), plaintext.one_line(we_did)
    if not you_said or len(you_said) > MAX_TEXT:
        raise InvalidChange(f"1–{MAX_TEXT} characters", field="you_said")
    if not we_did or len(we_did) > MAX_TEXT:
        raise InvalidChange(f"1–{MAX_TEXT} characters", field="we_did")
    if status not in STATUSES:
        raise InvalidChange(f"one of {', '.join(STATUSES)}", field="status")
    if language not in i18n.LANGUAGES:
        raise InvalidChange("fi, sv or en", field="language")
    with storage.writing(db_path) as db:
        scope.check_action(db, action_id, actors)
        return db.execute(
            """INSERT INTO changes
                 (action_id, round_id, you_said, we_did, status, language, created_on)
               VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
            [
                action_id,
                round_id,
                you_said,
                we_did,
                status,
                language,
                (today or date.today()).isoformat(),
            ],
        ).fetchone()[0]


def for_action(db_path: str | Path, action_id: str) -> list[Change]:
    """The action's changes, newest first."""
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                f"SELECT {_COLUMNS} FROM changes WHERE action_id = ? ORDER BY id DESC", [action_id]
            )
        )
    return [Change(**row) for row in rows]


def for_plan(db_path: str | Path, plan_id: str, *, year: int) -> list[Change]:
    """The plan's changes recorded in `year`, oldest first (the yearly report's)."""
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                f"""SELECT {_COLUMNS_OF_C} FROM changes c
                    JOIN actions a ON a.id = c.action_id
                    JOIN sub_goals s ON s.id = a.sub_goal_id
                    JOIN main_goals m ON m.id = s.main_goal_id
                    WHERE m.plan_id = ? AND c.created_on BETWEEN ? AND ?
                    ORDER BY c.created_on, c.id""",
                [plan_id, f"{year}-01-01", f"{year}-12-31"],
            )
        )
    return [Change(**row) for row in rows]


def before_round(db_path: str | Path, round_id: int, action_id: str) -> Change | None:
    """The latest change on the same action recorded before this round was opened: what the
    thank-you screen tells as "last time you said …, so we …"."""
    with storage.reading(db_path) as db:
        row = next(
            db.query(
                f"""SELECT {_COLUMNS_OF_C} FROM changes c, rounds v
                    WHERE v.id = ? AND c.action_id = ?
                      AND (c.round_id IS NULL OR c.round_id != v.id)
                      AND c.created_on <= v.created_on
                    ORDER BY c.id DESC LIMIT 1""",
                [round_id, action_id],
            ),
            None,
        )
    return Change(**row) if row else None


def for_thank_you(db_path: str | Path, round_id: int, action_id: str) -> Change | None:
    """`before_round` for the thank-you screen. The answer is already stored then, so a store
    that fails now leaves out the sentence about last time, never the thank-you."""
    try:
        return before_round(db_path, round_id, action_id)
    except storage.StoreError:
        log.exception("the thank-you of round %s goes without last time's change", round_id)
        return None

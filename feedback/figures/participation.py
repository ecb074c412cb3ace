"""Participation next to feedback: participants and visits per action and month, the plans'
own meters ("Antalet deltagare", "Käyntimäärät")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from feedback import storage
from feedback.staff import scope

_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")  # with fullmatch; \d takes any digit


class InvalidCount(ValueError):
    """A month or count that cannot be stored; `field` says which ('month', 'count', 'action')."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class MonthCount:
    action_id: str
    month: str
    participants: int
    visits: int


def record(
    db_path: str | Path,
    *,
    action_id: str,
    month: str,
    participants: int,
    visits: int,
    actors: tuple[str, ...] | None = None,
) -> None:
    """Set the counts of one action for one month (a second entry for the month replaces it);
    a user of `actors` only for their own actors' actions (`scope.OutOfScope`)."""
    if not isinstance(month, str) or not _MONTH.fullmatch(month):
        raise InvalidCount("the month is written YYYY-MM, e.g. 2026-03", field="month")
    for name, value in (("participants", participants), ("visits", visits)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidCount(f"{name} must be a whole number, zero or more", field="count")
    with storage.writing(db_path) as db:
        if not db.execute("SELECT 1 FROM actions WHERE id = ?", [action_id]).fetchone():
            raise InvalidCount(f"no action {action_id!r}", field="action")
        scope.check_action(db, action_id, actors)
        db.execute(
            """INSERT INTO participation (action_id, month, participants, visits)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (action_id, month) DO UPDATE
               SET participants = excluded.participants, visits = excluded.visits""",
            [action_id, month, participants, visits],
        )


def list_counts(db_path: str | Path, *, actors: tuple[str, ...] | None = None) -> list[MonthCount]:
    """Every recorded month, newest first; only the actions of `actors` if given."""
    scope, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT p.action_id, p.month, p.participants, p.visits
                FROM participation p JOIN actions a ON a.id = p.action_id
                WHERE {scope} ORDER BY p.month DESC, p.action_id""",
            params,
        ).fetchall()
    return [MonthCount(*row) for row in rows]

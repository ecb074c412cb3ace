"""Whose things a staff member may change. A user's scope is the actors they work for
(`PLAN_ID:ACTOR_ID`), or None for an admin or the operator's command line (every actor).

Every staff write checks the scope itself, inside its own transaction, so that no page can
open a way around it by forgetting to check; the pages check too, to say so before the form.
"""

from __future__ import annotations

from collections.abc import Sequence

from feedback.storage import Connection, among


class OutOfScope(PermissionError):
    """The thing to change belongs to an actor outside the user's scope, or is not there (a
    user outside the scope is not told which)."""


def check_action(db: Connection, action_id: str, actors: Sequence[str] | None) -> None:
    """Refuse unless the action belongs to one of `actors` (None: any action)."""
    if actors is None:
        return
    where, params = among("actor_id", actors)
    found = db.execute(f"SELECT 1 FROM actions WHERE id = ? AND {where}", [action_id, *params])
    if found.fetchone() is None:
        raise OutOfScope(f"action {action_id!r} is not one of the user's actors'")

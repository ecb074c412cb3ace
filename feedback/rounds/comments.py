"""Comments (free text) for staff to review: read as text, hide, or mark as personal data.

A comment is shown to staff only when its round has at least k answers (a small group's free
text could identify a child); hidden and personal-data comments never leave this review.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from feedback import storage
from feedback.staff import scope

STATUSES = ("new", "ok", "hidden", "personal")
#: SQL: how many answered the main question of round `v` (its comments are shown to staff from
#: k on); the one definition for /comments and the daily digest (`notices`).
ROUND_ANSWERS = """(SELECT coalesce(sum(n), 0) FROM answer_counts x
                    WHERE x.round_id = v.id AND x.question = 0 AND x.flagged = 0)"""


@dataclass(frozen=True)
class Comment:
    id: int
    round_code: str
    action_id: str
    text: str
    status: str
    month: str


@dataclass(frozen=True)
class Review:
    """The comments staff may read, and how many are withheld because their round is small."""

    comments: list[Comment]
    withheld: int


def for_review(db_path: str | Path, *, actors: tuple[str, ...] | None, k: int) -> Review:
    """Comments of the user's actors' rounds, newest day first; within a day in the order of
    their random ids, which says nothing of the order they were written in."""
    scope, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                f"""SELECT c.id, v.code AS round_code, a.id AS action_id, c.text, c.status,
                           substr(c.answered_on, 1, 7) AS month, {ROUND_ANSWERS} AS answers
                    FROM comments c JOIN rounds v ON v.id = c.round_id
                    JOIN actions a ON a.id = v.action_id
                    WHERE {scope} ORDER BY c.answered_on DESC, c.id""",
                params,
            )
        )
    big_enough = [row for row in rows if row["answers"] >= k]
    shown = [Comment(**{f.name: row[f.name] for f in fields(Comment)}) for row in big_enough]
    return Review(comments=shown, withheld=len(rows) - len(shown))


def set_status(
    db_path: str | Path, comment_id: int, status: str, *, actors: tuple[str, ...] | None
) -> None:
    """Mark a comment ok, hidden or personal; a user of `actors` only a comment on their own
    actors' rounds (`scope.OutOfScope`)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with storage.writing(db_path) as db:
        found = db.execute(
            """SELECT v.action_id FROM comments c JOIN rounds v ON v.id = c.round_id
               WHERE c.id = ?""",
            [comment_id],
        ).fetchone()
        scope.check_action(db, found[0] if found else "", actors)
        db.execute("UPDATE comments SET status = ? WHERE id = ?", [status, comment_id])

"""Comments (free text) for staff to review: read as text, hide, or mark as personal data.

A comment is shown to staff only when its round has at least k answers (a small group's free
text could identify a child); hidden and personal-data comments never leave this review. A short
text answer to a round's own question (issue #27) is reviewed here as a comment is, beside the
question it answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from feedback import storage
from feedback.staff import scope

STATUSES = ("new", "ok", "hidden", "personal")
#: SQL: how many answered the main question of round `v` (its comments are shown to staff from
#: k on); the one definition for /comments and the daily digest (`notices`).
ROUND_ANSWERS = """(SELECT coalesce(sum(n), 0) FROM answer_counts x
                    WHERE x.round_id = v.id AND x.question = 0 AND x.flagged = 0)"""

#: SQL: what /comments reviews, and the daily digest counts: the comments and the short text
#: answers to own questions (a comment's `position` is NULL).
REVIEWED = """(SELECT id, round_id, NULL AS position, text, status, answered_on FROM comments
               UNION ALL
               SELECT id, round_id, position, text, status, answered_on FROM question_texts)"""


@dataclass(frozen=True)
class Comment:
    id: int
    round_code: str
    action_id: str
    text: str
    status: str
    month: str
    #: The own question a short text answer answers, per language; empty for a comment.
    question: dict[str, str]


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
                           c.answered_on, q.texts AS question, {ROUND_ANSWERS} AS answers
                    FROM {REVIEWED} c
                    JOIN rounds v ON v.id = c.round_id
                    JOIN actions a ON a.id = v.action_id
                    LEFT JOIN round_questions q
                      ON q.round_id = c.round_id AND q.position = c.position
                    WHERE {scope} ORDER BY c.answered_on DESC, c.id""",
                params,
            )
        )
    shown = [
        Comment(
            id=row["id"],
            round_code=row["round_code"],
            action_id=row["action_id"],
            text=row["text"],
            status=row["status"],
            month=row["answered_on"][:7],
            question=json.loads(row["question"] or "{}"),
        )
        for row in rows
        if row["answers"] >= k
    ]
    return Review(comments=shown, withheld=len(rows) - len(shown))


def set_status(
    db_path: str | Path, comment_id: int, status: str, *, actors: tuple[str, ...] | None
) -> None:
    """Mark a comment ok, hidden or personal; a user of `actors` only a comment on their own
    actors' rounds (`scope.OutOfScope`)."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    with storage.writing(db_path) as db:
        # A comment's and a text answer's ids are drawn alike (63 random bits): one names one.
        for table in ("comments", "question_texts"):
            found = db.execute(
                f"""SELECT v.action_id FROM {table} c JOIN rounds v ON v.id = c.round_id
                    WHERE c.id = ?""",
                [comment_id],
            ).fetchone()
            if found:
                scope.check_action(db, found[0], actors)
                db.execute(f"UPDATE {table} SET status = ? WHERE id = ?", [status, comment_id])
                return
        scope.check_action(db, "", actors)

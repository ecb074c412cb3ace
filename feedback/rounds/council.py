"""The youth council's yearly evaluation: each youth-related action rated (faces, comment,
proposal) and the council's own activity; proposals are answered with a status.

Youth-related actions are those with an open round for the audience "youth-council". A member's
evaluation is stored as anonymous answers with the channel "council"; that a member has
evaluated a year is kept apart, only to stop a second evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from feedback import plaintext, storage
from feedback.rounds import Round, answers, get_by_code
from feedback.rounds.answers import Answer, check_open, insert
from feedback.staff import scope

SELF_QUESTIONS = ("heard", "influence", "organised")
PROPOSAL_STATUSES = ("received", "in-progress", "done", "declined")
MAX_PROPOSAL = 500


class AlreadyEvaluated(Exception):
    """This member has already evaluated this plan's year."""


@dataclass(frozen=True)
class Rating:
    """One action's rating by a member: a face (1–5), an optional comment and proposal."""

    code: str
    score: int
    comment: str = ""
    proposal: str = ""


@dataclass(frozen=True)
class SelfScore:
    """The council's rating of one question on its own activity in a year."""

    question: str  # of SELF_QUESTIONS
    n: int  # members who answered it
    mean: float | None  # None when fewer than k answered: withheld, as any small group


@dataclass(frozen=True)
class Proposal:
    id: int
    action_id: str
    year: int
    text: str
    status: str
    answer: str | None


def council_rounds(db_path: str | Path, plan_id: str) -> list[Round]:
    """Open rounds of the plan asked of the youth council: the actions it evaluates."""
    with storage.reading(db_path) as db:
        codes = [
            row[0]
            for row in db.execute(
                """SELECT v.code FROM rounds v JOIN actions a ON a.id = v.action_id
                   JOIN sub_goals s ON s.id = a.sub_goal_id
                   JOIN main_goals m ON m.id = s.main_goal_id
                   WHERE m.plan_id = ? AND v.status = 'open'
                     AND v.audiences LIKE '%"youth-council"%'
                   ORDER BY m.position, s.position, a.position""",
                [plan_id],
            )
        ]
    found = [get_by_code(db_path, code) for code in codes]
    return [s for s in found if s and s.is_open and len(s.questions) == 1]


def has_evaluated(db_path: str | Path, username: str, plan_id: str, year: int) -> bool:
    with storage.reading(db_path) as db:
        return bool(
            db.execute(
                "SELECT 1 FROM council_evaluations WHERE username = ? AND plan_id = ? AND year = ?",
                [username, plan_id, year],
            ).fetchone()
        )


def submit(
    db_path: str | Path,
    *,
    username: str,
    plan_id: str,
    ratings: list[Rating],
    self_scores: dict[str, int],
    now: datetime | None = None,
) -> None:
    """Store a member's whole evaluation in one transaction, once per member and year."""
    now = now or datetime.now()
    year = now.year
    by_code = {s.code: s for s in council_rounds(db_path, plan_id)}
    checked = []
    for rating in ratings:
        round_ = by_code.get(rating.code)
        if round_ is None:
            raise answers.InvalidAnswer(f"round {rating.code!r} is not a council round")
        answer = answers.validate(
            round_, Answer(scores=(rating.score,), text=rating.comment, group="youth-council")
        )
        proposal = plaintext.one_line(rating.proposal)  # cleaned like a comment
        if len(proposal) > MAX_PROPOSAL:
            raise answers.InvalidAnswer(f"a proposal has at most {MAX_PROPOSAL} characters")
        checked.append((round_, answer, proposal))
    for question, score in self_scores.items():
        if question not in SELF_QUESTIONS or score not in (1, 2, 3, 4, 5):
            raise answers.InvalidAnswer(f"bad self-evaluation {question!r}: {score!r}")
    with storage.writing(db_path) as db:
        db.lock(f"council:{username}:{plan_id}:{year}")  # twice at once is still once
        if db.execute(
            "SELECT 1 FROM council_evaluations WHERE username = ? AND plan_id = ? AND year = ?",
            [username, plan_id, year],
        ).fetchone():
            raise AlreadyEvaluated(f"{username} {plan_id} {year}")
        db.execute(
            "INSERT INTO council_evaluations (username, plan_id, year) VALUES (?, ?, ?)",
            [username, plan_id, year],
        )
        for round_, answer, proposal in checked:
            check_open(db, round_, day=now.date())
            insert(db, round_, answer, answers.new_submission_id(), "council", False, now)
            if proposal:
                db.execute(
                    """INSERT INTO proposals (id, action_id, year, text, created_on)
                       VALUES (?, ?, ?, ?, ?)""",
                    [storage.random_id(), round_.action_id, year, proposal, now.date().isoformat()],
                )
        for question, score in self_scores.items():
            db.execute(
                """INSERT INTO council_self (plan_id, year, question, score, n)
                   VALUES (?, ?, ?, ?, 1)
                   ON CONFLICT (plan_id, year, question, score)
                   DO UPDATE SET n = council_self.n + 1""",
                [plan_id, year, question, score],
            )


def self_evaluation(db_path: str | Path, plan_id: str, year: int, *, k: int) -> list[SelfScore]:
    """The council's evaluation of its own activity in `year`, per question in the order the
    form asks them; a question fewer than `k` members answered has no mean (the members are
    few and known by name)."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            """SELECT question, sum(n), sum(n * score) FROM council_self
               WHERE plan_id = ? AND year = ? GROUP BY question""",
            [plan_id, year],
        ).fetchall()
    found = {question: (int(n), int(total)) for question, n, total in rows}
    return [
        SelfScore(question, n, total / n if n >= k else None)
        for question in SELF_QUESTIONS
        if question in found
        for n, total in [found[question]]
    ]


def proposals(db_path: str | Path, plan_id: str) -> list[Proposal]:
    """The plan's proposals, newest day first, with their answers; within a day in the order
    of their random ids, which says nothing of whose evaluation came first."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            """SELECT p.id, p.action_id, p.year, p.text, p.status, p.answer FROM proposals p
               JOIN actions a ON a.id = p.action_id JOIN sub_goals s ON s.id = a.sub_goal_id
               JOIN main_goals m ON m.id = s.main_goal_id
               WHERE m.plan_id = ? ORDER BY p.created_on DESC, p.id""",
            [plan_id],
        ).fetchall()
    return [Proposal(*row) for row in rows]


def answer_proposal(
    db_path: str | Path,
    proposal_id: int,
    *,
    status: str,
    answer: str,
    actors: tuple[str, ...] | None = None,
) -> None:
    """Staff answer a proposal and set its status; a user of `actors` only a proposal on their
    own actors' actions (`scope.OutOfScope`)."""
    if status not in PROPOSAL_STATUSES:
        raise ValueError(f"unknown status {status!r}")
    answer = plaintext.one_line(answer)  # cleaned like the proposal it answers
    if not answer or len(answer) > MAX_PROPOSAL:
        raise ValueError(f"an answer has 1–{MAX_PROPOSAL} characters")
    with storage.writing(db_path) as db:
        found = db.execute("SELECT action_id FROM proposals WHERE id = ?", [proposal_id])
        scope.check_action(db, (found.fetchone() or [""])[0], actors)
        db.execute(
            "UPDATE proposals SET status = ?, answer = ? WHERE id = ?",
            [status, answer, proposal_id],
        )

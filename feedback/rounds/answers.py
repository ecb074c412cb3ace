"""Answers: stored once per submission, anonymously, durably before anyone says thank you."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from feedback import plaintext, storage
from feedback.rounds import (
    Round,
    aggregates,
    alerts,
    codes,
    kiosk,
    own_questions,
    questions,
    signals,
)
from feedback.staff import scope
from feedback.storage import Connection

CHANNELS = ("link", "qr", "kiosk", "council", "staff-entered")
_SUBMISSION_PATTERN = re.compile(r"[0-9a-f]{32}")  # used with fullmatch: `$` allows a "\n"


class InvalidAnswer(ValueError):
    """The answer does not fit the round (a score outside its scale, a malformed id …)."""


class CommentTooLong(InvalidAnswer):
    """The comment is longer than `questions.FREE_TEXT_MAX` characters once cleaned."""


class RoundClosed(Exception):
    """The round closed between showing the question and sending the answer."""


@dataclass(frozen=True)
class Answer:
    """Everything one respondent gives: a score per question (in the round's order), the
    "what was best?" choices, an optional comment, the group they said they belong to, and the
    answers to the round's own questions by position (a score, choices' names or a text)."""

    scores: tuple[int, ...]
    choices: tuple[str, ...] = ()
    text: str = ""
    group: str | None = None
    own: Mapping[int, tuple[str, ...]] = field(default_factory=dict)


def new_submission_id() -> str:
    """A fresh id for one respondent's submission; made when the question is shown."""
    return uuid.uuid4().hex


def validate(round_: Round, answer: Answer) -> Answer:
    """The answer as it will be stored, or `InvalidAnswer` saying what does not fit."""
    asked = round_.questions
    if len(answer.scores) != len(asked):
        raise InvalidAnswer(f"expected {len(asked)} scores, got {len(answer.scores)}")
    for question, score in zip(asked, answer.scores, strict=True):
        if not question.scale.is_valid(score):
            raise InvalidAnswer(f"score {score!r} is not on the {question.scale} scale")
    unknown = [c for c in answer.choices if c not in round_.follow_up]
    if unknown:
        raise InvalidAnswer(f"choice {unknown[0]!r} is not offered by this round")
    text = plaintext.clean_text(answer.text) if round_.free_text else ""
    if len(text) > questions.FREE_TEXT_MAX:
        raise CommentTooLong(f"the comment is longer than {questions.FREE_TEXT_MAX} characters")
    group = answer.group or round_.audiences[0]
    if group not in round_.audiences:
        raise InvalidAnswer(f"group {group!r} is not asked by this round")
    try:
        own = own_questions.check_answer(round_.own_questions, answer.own, group)
    except own_questions.InvalidOwnAnswer as error:
        raise (CommentTooLong if error.long else InvalidAnswer)(str(error)) from error
    return Answer(
        scores=answer.scores,
        choices=tuple(dict.fromkeys(answer.choices)),
        text=text,
        group=group,
        own=own,
    )


def record(
    db_path: str | Path,
    round_: Round,
    answer: Answer,
    *,
    submission_id: str,
    channel: str = "link",
    flagged: bool = False,
    kiosk_id: str | None = None,
    one_time_code: str | None = None,
    now: datetime | None = None,
) -> bool:
    """Store one respondent's answer to `round`, all of it in one transaction.

    Returns True if stored now, False if this submission was already stored (a retry after a
    lost reply): either way it is stored exactly once. Only the day and the hour are kept, never
    the precise time, and nothing about the person. `flagged` marks possible misuse (kept, but
    left out of figures); a flagged answer from an enrolled kiosk (`kiosk_id`) counts on that
    kiosk, and the answer keeps no trace of it. A round with one-time codes takes a new answer
    only with an unused `one_time_code` of its own, marked used in the same transaction (a
    resend of a stored answer needs none). Raises `InvalidAnswer`, `RoundClosed` or
    `codes.CodeRefused`; the
    caller keeps the answer on screen.
    """
    answer = validate(round_, answer)
    if not isinstance(submission_id, str) or not _SUBMISSION_PATTERN.fullmatch(submission_id):
        raise InvalidAnswer("malformed submission id")
    if channel not in CHANNELS:
        raise InvalidAnswer(f"unknown channel {channel!r}")
    now = now or datetime.now()
    with storage.writing(db_path) as db:
        check_open(db, round_, day=now.date())
        stored = insert(db, round_, answer, submission_id, channel, flagged, now)
        if stored and flagged and kiosk_id is not None:
            kiosk.count_flagged(db, kiosk_id)
        if stored and round_.uses_codes:  # refused: the answer just inserted is rolled back
            codes.use(db, round_.id, one_time_code)
        return stored


def check_open(db: Connection, round_: Round, *, day: date) -> None:
    """Raise `RoundClosed` unless the round takes answers on `day` (caller's transaction)."""
    row = db.execute(
        "SELECT status, opens_on, closes_on FROM rounds WHERE id = ?", [round_.id]
    ).fetchone()
    if row is None or row[0] != "open":
        raise RoundClosed(round_.code)
    if (row[1] and day.isoformat() < row[1]) or (row[2] and day.isoformat() > row[2]):
        raise RoundClosed(round_.code)


def insert(
    db: Connection,
    round_: Round,
    answer: Answer,
    submission_id: str,
    channel: str,
    flagged: bool,
    now: datetime,
) -> bool:
    """Write one validated answer inside the caller's transaction; False if already there."""
    day = now.date().isoformat()
    # Random ids (storage.random_id): the rows say nothing of the order they came in.
    rows = [
        (
            storage.random_id(),
            submission_id,
            round_.id,
            i,
            score,
            answer.group,
            channel,
            day,
            now.hour,
            flagged,
        )
        for i, score in enumerate(answer.scores)
    ]
    insert_row = """INSERT INTO answers
             (id, submission_id, round_id, question, score, respondent_group, channel,
              answered_on, answered_hour, flagged)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
    # The first row claims the submission id: a resend, even one being stored at this moment
    # by another process, finds it taken (after that one commits) and stores nothing. Only the
    # submission id: a drawn id that happened to be taken fails, rather than pass for a resend.
    claimed = db.execute(insert_row + " ON CONFLICT (submission_id, question) DO NOTHING", rows[0])
    if not claimed.rowcount:
        return False
    db.executemany(insert_row, rows[1:])
    db.executemany(
        "INSERT INTO answer_choices (submission_id, round_id, choice) VALUES (?, ?, ?)",
        [(submission_id, round_.id, choice) for choice in answer.choices],
    )
    group = answer.group or round_.audiences[0]
    if answer.text:
        comment_id = storage.random_id()
        db.execute(
            """INSERT INTO comments (id, submission_id, round_id, text, answered_on)
               VALUES (?, ?, ?, ?, ?)""",
            [comment_id, submission_id, round_.id, answer.text, day],
        )
        _check_signals(db, round_, answer.text, group, now.date(), comment_id=comment_id)
    texts = own_questions.insert_answer(
        db,
        round_.id,
        round_.own_questions,
        answer.own,
        submission_id=submission_id,
        month=day[:7],
        day=day,
        group=answer.group,
        channel=channel,
        flagged=flagged,
    )
    for text_id, text in texts:  # a short text answer is read for signals as a comment is
        _check_signals(db, round_, text, group, now.date(), text_id=text_id)
    aggregates.add(
        db,
        round_id=round_.id,
        scores=answer.scores,
        scales=tuple(q.scale.value for q in round_.questions),
        day=now.date(),
        hour=now.hour,
        group=answer.group,
        channel=channel,
        flagged=flagged,
    )
    return True


def _check_signals(
    db: Connection,
    round_: Round,
    text: str,
    group: str,
    day: date,
    *,
    comment_id: int | None = None,
    text_id: int | None = None,
) -> None:
    """Write an alert about a comment or text answer that signals harm, in the transaction
    that stores it (an outbox): the alert exists if the text does."""
    categories = signals.for_comment(text, every_comment=round_.alert_every_comment)
    if categories:
        alerts.add(
            db,
            comment_id=comment_id,
            text_id=text_id,
            round_id=round_.id,
            categories=categories,
            group=group,
            day=day,
        )


def record_tally(
    db_path: str | Path,
    round_: Round,
    tally: dict[int, int],
    *,
    tally_id: str,
    day: date,
    actors: tuple[str, ...] | None = None,
) -> int:
    """Store answers collected on paper or in a feedback box: `tally` maps a score of the
    round's main question to how many gave it. Each becomes its own anonymous answer with the
    channel "staff-entered". The same `tally_id` sent twice stores the answers once. A user of
    `actors` only for a round on their own actors' actions (`scope.OutOfScope`).

    Returns how many answers were stored now.
    """
    if not isinstance(tally_id, str) or not _SUBMISSION_PATTERN.fullmatch(tally_id):
        raise InvalidAnswer("malformed tally id")
    if len(round_.questions) > 1:
        raise InvalidAnswer("paper answers can be entered for single-question rounds only")
    scores = [score for score, n in sorted(tally.items()) for _ in range(_count(n))]
    if len(scores) > MAX_TALLY:
        raise InvalidAnswer(f"at most {MAX_TALLY} answers at a time")
    answers = [validate(round_, Answer(scores=(score,))) for score in scores]
    now = datetime.combine(day, datetime.min.time())
    with storage.writing(db_path) as db:  # all of the tally, or none of it
        scope.check_action(db, round_.action_id, actors)
        check_open(db, round_, day=day)
        return sum(
            # Derived ids: a retried tally maps onto the same submissions.
            insert(
                db,
                round_,
                answer,
                hashlib.sha256(f"{tally_id}:{i}".encode()).hexdigest()[:32],
                "staff-entered",
                False,
                now,
            )
            for i, answer in enumerate(answers)
        )


MAX_TALLY = 10_000


def _count(n: object) -> int:
    if not isinstance(n, int) or isinstance(n, bool) or n < 0:
        raise InvalidAnswer("a count must be a whole number, zero or more")
    return n


def count(db_path: str | Path, round_: Round) -> int:
    """How many respondents have answered the round."""
    with storage.reading(db_path) as db:
        return db.execute(
            "SELECT count(*) FROM answers WHERE round_id = ? AND question = 0", [round_.id]
        ).fetchone()[0]

"""Safeguarding alerts (issue #29): when a child's comment signals harm (`signals`), the actor's
named professionals are told the same day, and staff record what was done.

An alert is written in the transaction that stores its comment (an outbox: nothing is lost if
the mail server or the app is down); a sender (`alert_mail`) claims due alerts atomically, so
that several app replicas and a cron job may all run it and each alert still goes out once. An
alert nobody has handled `settings.escalation_hours()` after it went out is sent again, once, to
the actor's escalation contacts and the admins (`escalation`). An alert holds no words of the
child, no time finer than the day once it is sent and handled or escalated, and nothing about
the device.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from feedback import plaintext, settings, storage
from feedback.rounds.signals import LISTED, Category
from feedback.staff import scope
from feedback.storage import Connection

#: What staff record as done about an alert (issue #29, "handled, and seen to be handled").
HANDLINGS = ("notified", "raised", "no_concern", "passed_on")
#: How long a sender holds an alert it claimed before another may take it over (a sender that
#: died between claiming and sending loses its claim after this).
CLAIM = timedelta(minutes=2)
#: At most this many alerts are claimed at once (one e-mail per actor holds at most these).
BATCH = 100
#: The longest wait between two tries to send an alert that failed.
LONGEST_WAIT = timedelta(hours=1)


class UnknownActor(LookupError):
    """No actor has this id."""


@dataclass(frozen=True)
class Contact:
    actor_id: str
    email: str
    added_by: str
    added_on: str
    #: Told only when an alert is not handled in time (the actor's "next" contact).
    escalation: bool = False


def add_contact(
    db_path: str | Path,
    actor_id: str,
    email: str,
    *,
    added_by: str,
    escalation: bool = False,
    today: date | None = None,
) -> Contact:
    """Name `email` as a safeguarding contact of `actor_id`, told of each alert or, with
    `escalation`, of those not handled in time (again: only that changes)."""
    email = plaintext.email(email)
    day = (today or date.today()).isoformat()
    with storage.writing(db_path) as db:
        if db.execute("SELECT 1 FROM actors WHERE id = ?", [actor_id]).fetchone() is None:
            raise UnknownActor(actor_id)
        db.execute(
            """INSERT INTO safeguarding_contacts (actor_id, email, added_by, added_on, escalation)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (actor_id, email) DO UPDATE SET escalation = excluded.escalation""",
            [actor_id, email, added_by, day, int(escalation)],
        )
    return Contact(actor_id, email, added_by, day, escalation)


def remove_contact(db_path: str | Path, actor_id: str, email: str) -> bool:
    """Take `email` off `actor_id`'s contacts; False if it was not one."""
    with storage.writing(db_path) as db:
        return bool(
            db.execute(
                "DELETE FROM safeguarding_contacts WHERE actor_id = ? AND email = ?",
                [actor_id, email.strip()],
            ).rowcount
        )


def contacts(db_path: str | Path, *, actor_id: str | None = None) -> list[Contact]:
    """The safeguarding contacts of one actor, or of all, by actor and address."""
    where, params = storage.among("actor_id", None if actor_id is None else [actor_id])
    with storage.reading(db_path) as db:
        rows = db.query(
            f"""SELECT actor_id, email, added_by, added_on, escalation
                FROM safeguarding_contacts WHERE {where} ORDER BY actor_id, escalation, email""",
            params,
        )
        return [Contact(**{**row, "escalation": bool(row["escalation"])}) for row in rows]


def add(
    db: Connection,
    *,
    comment_id: int | None = None,
    text_id: int | None = None,
    round_id: int,
    categories: tuple[Category, ...],
    group: str,
    day: date,
) -> None:
    """Write an alert about a comment, or a short text answer to an own question, inside the
    caller's transaction (the text's own)."""
    db.insert(
        "safeguarding_alerts",
        {
            "id": storage.random_id(),
            "comment_id": comment_id,
            "text_id": text_id,
            "round_id": round_id,
            "categories": ",".join(categories),
            "respondent_group": group,
            "made_on": day.isoformat(),
        },
    )


@dataclass(frozen=True)
class Alert:
    """An alert as staff see it on /comments: what it is about, and what was done."""

    id: int
    round_code: str
    action_id: str
    actor_id: str
    subjects: dict[str, str]
    categories: tuple[Category, ...]
    group: str
    day: str
    #: The comment or text answer; None once retention deleted it (after it was handled).
    text: str | None
    sent: bool
    escalated: bool
    handling: str | None
    handled_by: str | None
    handled_at: str | None


_ALERTS = """
    SELECT g.id, v.code AS round_code, v.action_id, a.actor_id, v.subjects, g.categories,
           g.respondent_group, g.made_on, coalesce(c.text, t.text) AS text, g.sent_on,
           g.escalated_on, g.handling,
           g.handled_by, g.handled_at
    FROM safeguarding_alerts g
    JOIN rounds v ON v.id = g.round_id
    JOIN actions a ON a.id = v.action_id
    LEFT JOIN comments c ON c.id = g.comment_id
    LEFT JOIN question_texts t ON t.id = g.text_id
"""


def for_review(db_path: str | Path, *, actors: tuple[str, ...] | None) -> list[Alert]:
    """The alerts of the user's actors' rounds: those not handled first, newest day first.

    The comment is shown here whatever the round's size (unlike `comments.for_review`): the
    professional of the child's setting must read what was written to act on it."""
    where, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = list(
            db.query(
                _ALERTS + f" WHERE {where} ORDER BY g.handling IS NOT NULL, g.made_on DESC, g.id",
                params,
            )
        )
    return [
        Alert(
            id=row["id"],
            round_code=row["round_code"],
            action_id=row["action_id"],
            actor_id=row["actor_id"],
            subjects=json.loads(row["subjects"] or "{}"),
            categories=tuple(Category(c) for c in row["categories"].split(",")),
            group=row["respondent_group"],
            day=row["made_on"],
            text=row["text"],
            sent=row["sent_on"] is not None,
            escalated=row["escalated_on"] is not None,
            handling=row["handling"],
            handled_by=row["handled_by"],
            handled_at=row["handled_at"],
        )
        for row in rows
    ]


def handle(
    db_path: str | Path,
    alert_id: int,
    handling: str,
    *,
    by: str,
    actors: tuple[str, ...] | None,
    now: datetime | None = None,
) -> None:
    """Record what was done about an alert, by whom and when (to the minute: staff's time, not
    the child's); a user of `actors` only for their own actors' rounds (`scope.OutOfScope`)."""
    if handling not in HANDLINGS:
        raise ValueError(f"unknown handling {handling!r}")
    at = (now or datetime.now()).isoformat(timespec="minutes")
    with storage.writing(db_path) as db:
        found = db.execute(
            """SELECT v.action_id FROM safeguarding_alerts g JOIN rounds v ON v.id = g.round_id
               WHERE g.id = ?""",
            [alert_id],
        ).fetchone()
        scope.check_action(db, found[0] if found else "", actors)
        db.execute(
            """UPDATE safeguarding_alerts
               SET handling = ?, handled_by = ?, handled_at = ?, escalate_after = NULL
               WHERE id = ?""",
            [handling, by, at, alert_id],
        )


def yearly_counts(
    db_path: str | Path, plan_id: str, year: int, *, actors: tuple[str, ...] | None = None
) -> dict[Category, int]:
    """How many alerts of each signal category a plan's rounds made in `year` (an alert of two
    categories counts in both), for the yearly report: counts only, never words. Alerts of
    "alert on every comment" are no signal of harm and are not counted."""
    where, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT g.categories FROM safeguarding_alerts g
                JOIN rounds v ON v.id = g.round_id
                JOIN actions a ON a.id = v.action_id
                JOIN actors r ON r.id = a.actor_id
                WHERE r.plan_id = ? AND g.made_on BETWEEN ? AND ? AND {where}""",
            [plan_id, f"{year}-01-01", f"{year}-12-31", *params],
        ).fetchall()
    counts = dict.fromkeys(LISTED, 0)
    for (categories,) in rows:
        for category in categories.split(","):
            if category in counts:
                counts[Category(category)] += 1
    return counts


@dataclass(frozen=True)
class Outgoing:
    """An alert claimed for sending: what the e-mail may say, and to whom."""

    id: int
    claim: str
    categories: tuple[Category, ...]
    subjects: dict[str, str]
    plan_language: str
    actor_id: str
    actor: dict[str, str]  # its name per language
    group: str
    day: str
    attempts: int
    recipients: tuple[str, ...]
    #: Sent before and not handled in time: this is its escalation.
    escalation: bool = False


def claim_due(db_path: str | Path, *, now: datetime | None = None) -> list[Outgoing]:
    """Claim the alerts due to be sent now, not held by another sender and past their next
    try: those not sent, and those sent, not handled and past their escalation. Each is
    claimed by one conditional UPDATE, so that of several senders at once only one gets it (on
    PostgreSQL the second waits for the first and then finds the row no longer due; SQLite has
    one writer at a time)."""
    now = now or datetime.now()
    stamp = now.isoformat(timespec="seconds")
    claim = uuid.uuid4().hex
    with storage.writing(db_path) as db:
        due = [
            row[0]
            for row in db.execute(
                f"""SELECT id FROM safeguarding_alerts WHERE {_DUE}
                   ORDER BY id LIMIT ?""",  # every sender locks rows in one order: no deadlock
                [stamp, stamp, stamp, BATCH],
            ).fetchall()
        ]
        until = (now + CLAIM).isoformat(timespec="seconds")
        for alert_id in due:
            db.execute(
                f"""UPDATE safeguarding_alerts SET claimed_by = ?, claimed_until = ?
                   WHERE id = ? AND {_DUE}""",
                [claim, until, alert_id, stamp, stamp, stamp],
            )
        rows = list(
            db.query(
                """SELECT g.id, g.categories, g.respondent_group, g.made_on, g.attempts,
                          g.sent_on, v.subjects, p.language AS plan_language, r.id AS actor_id,
                          r.name AS actor
                   FROM safeguarding_alerts g
                   JOIN rounds v ON v.id = g.round_id
                   JOIN actions a ON a.id = v.action_id
                   JOIN actors r ON r.id = a.actor_id
                   JOIN plans p ON p.id = r.plan_id
                   WHERE g.claimed_by = ?""",
                [claim],
            )
        )
        recipients = {
            (row["actor_id"], escalation): _recipients(db, row["actor_id"], escalation=escalation)
            for row in rows
            for escalation in [row["sent_on"] is not None]
        }
    return [
        Outgoing(
            id=row["id"],
            claim=claim,
            categories=tuple(Category(c) for c in row["categories"].split(",")),
            subjects=json.loads(row["subjects"] or "{}"),
            plan_language=row["plan_language"],
            actor_id=row["actor_id"],
            actor=json.loads(row["actor"]),
            group=row["respondent_group"],
            day=row["made_on"],
            attempts=row["attempts"],
            recipients=recipients[row["actor_id"], row["sent_on"] is not None],
            escalation=row["sent_on"] is not None,
        )
        for row in rows
    ]


#: An alert due now (the three parameters: now, as text): not held by a sender, past its next
#: try, and either not sent or sent, not handled, not yet escalated and past its escalation.
_DUE = """(claimed_until IS NULL OR claimed_until < ?) AND (next_try IS NULL OR next_try <= ?)
    AND (sent_on IS NULL OR (handling IS NULL AND escalated_on IS NULL AND escalate_after <= ?))"""


def _recipients(db: Connection, actor_id: str, *, escalation: bool) -> tuple[str, ...]:
    """Who is told: the actor's contacts; of an escalation, its escalation contacts and the
    admins who gave an address (admins see every plan's alerts)."""
    found = [
        email
        for (email,) in db.execute(
            """SELECT email FROM safeguarding_contacts WHERE actor_id = ? AND escalation = ?
               ORDER BY email""",
            [actor_id, int(escalation)],
        ).fetchall()
    ]
    if escalation:
        found += [
            email
            for (email,) in db.execute(
                """SELECT email FROM users WHERE role = 'admin' AND disabled = 0
                     AND email IS NOT NULL ORDER BY email"""
            ).fetchall()
        ]
    return tuple(dict.fromkeys(found))


def mark_sent(db_path: str | Path, alert: Outgoing, *, now: datetime | None = None) -> None:
    """The alert went out: keep only the day, and forget the sender's times but one: when it
    is escalated if nobody handles it by then (cleared when it is handled or escalated)."""
    now = now or datetime.now()
    if alert.escalation:
        sent = "escalated_on = ?, escalate_after = NULL"
        values = [now.date().isoformat()]
    else:
        sent = "sent_on = ?, escalate_after = CASE WHEN handling IS NULL THEN ? END"
        after = now + timedelta(hours=settings.escalation_hours())
        values = [now.date().isoformat(), after.isoformat(timespec="seconds")]
    with storage.writing(db_path) as db:
        db.execute(
            f"""UPDATE safeguarding_alerts
               SET {sent}, attempts = attempts + 1, next_try = NULL, claimed_by = NULL,
                   claimed_until = NULL
               WHERE id = ? AND claimed_by = ?""",
            [*values, alert.id, alert.claim],
        )


def mark_failed(db_path: str | Path, alert: Outgoing, *, now: datetime | None = None) -> None:
    """The alert could not go out: try again after a wait that doubles each time (from 15
    seconds, at most `LONGEST_WAIT`), by whichever sender comes first then."""
    now = now or datetime.now()
    wait = min(timedelta(seconds=15 * 2**alert.attempts), LONGEST_WAIT)
    with storage.writing(db_path) as db:
        db.execute(
            """UPDATE safeguarding_alerts
               SET attempts = attempts + 1, next_try = ?, claimed_by = NULL, claimed_until = NULL
               WHERE id = ? AND claimed_by = ?""",
            [(now + wait).isoformat(timespec="seconds"), alert.id, alert.claim],
        )

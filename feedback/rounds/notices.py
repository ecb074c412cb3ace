"""What a round's staff choose to be told, besides safeguarding alerts (issue #29, item 5): a
daily digest of its new comments, and an alert when its positive share drops sharply within a
week; and the record of who changed a round's alerting while it ran.

Both mails hold no words of a child (the comments are read on /comments, where their review
and retention apply) and follow the small-number rule: a round with fewer than k answers gets
no digest (its comments are withheld on /comments too), and a drop is measured only between two
weeks of at least k answers each. Each mail goes once a day at most: a sender takes a day's
mail by writing its row in `staff_mails` first (a sender that dies before sending loses that
day's digest, rather than sending it twice).
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from feedback import i18n, plaintext, rounds, settings, storage
from feedback.rounds import Round, comments, relay
from feedback.staff import scope

log = logging.getLogger(__name__)

#: The settings of a round's alerting that its staff may change while it runs.
SETTINGS = ("alert_every_comment", "digest_to", "drop_alert_to")
#: A drop is sharp from this many percentage points of positive answers, week on week.
SHARP_DROP = 0.20
#: The first hour of the day (local time) at which a day's digests and drop alerts go.
FIRST_HOUR = 7


class UnknownRound(LookupError):
    """No round has this code."""


@dataclass(frozen=True)
class SettingChange:
    """One change of a round's alerting: which, to what ("on", "off" or an address), by whom
    and when (to the minute: staff's time)."""

    setting: str
    value: str
    changed_by: str
    changed_at: str


def change(
    db_path: str | Path,
    code: str,
    wanted: Mapping[str, bool | str | None],
    *,
    by: str,
    actors: tuple[str, ...] | None,
    now: datetime | None = None,
) -> list[str]:
    """Set a round's alerting `wanted` (setting → on or off; an address, or empty, for the
    mails) all at once or not at all, and record each that changed, by whom and when; returns
    the settings changed. A user of `actors` only on their own actors' rounds
    (`scope.OutOfScope`); "alert on every comment" only on a round that asks for comments
    (ValueError); each address is checked first (`plaintext.InvalidEmail`)."""
    stored: dict[str, int | str | None] = {}
    for setting, value in wanted.items():
        if setting not in SETTINGS:
            raise ValueError(f"unknown setting {setting!r}")
        if setting == "alert_every_comment":
            stored[setting] = int(bool(value))
        else:
            stored[setting] = plaintext.email(str(value)) if str(value or "").strip() else None
    at = (now or datetime.now()).isoformat(timespec="minutes")
    changed = []
    with storage.writing(db_path) as db:
        found = db.query(
            f"""SELECT id, action_id, {", ".join(SETTINGS)}, free_text = 1 OR EXISTS (
                    SELECT 1 FROM round_questions q WHERE q.round_id = rounds.id
                    AND q.kind = 'text') AS asks_text
                FROM rounds WHERE code = ?""",
            [code],
        )
        row = next(found, None)
        if row is None:
            raise UnknownRound(code)
        scope.check_action(db, row["action_id"], actors)
        if stored.get("alert_every_comment") and not row["asks_text"]:
            raise ValueError("the round asks for no comments nor short text answers")
        for setting, value in stored.items():
            if row[setting] == value:
                continue
            db.execute(f"UPDATE rounds SET {setting} = ? WHERE id = ?", [value, row["id"]])
            shown = value if isinstance(value, str) else ("on" if value else "off")
            db.insert(
                "round_settings",
                {
                    "round_id": row["id"],
                    "setting": setting,
                    "value": shown,
                    "changed_by": by,
                    "changed_at": at,
                },
            )
            changed.append(setting)
    rounds.changed(db_path, code)
    return changed


def changes(db_path: str | Path, code: str) -> list[SettingChange]:
    """Who changed the round's alerting while it ran, newest first."""
    with storage.reading(db_path) as db:
        rows = db.query(
            """SELECT s.setting, s.value, s.changed_by, s.changed_at
               FROM round_settings s JOIN rounds v ON v.id = s.round_id
               WHERE v.code = ? ORDER BY s.changed_at DESC, s.id DESC""",
            [code],
        )
        return [SettingChange(**row) for row in rows]


@dataclass(frozen=True)
class Drop:
    """A round's positive share in the week before and in the last week (each of at least k
    answers)."""

    before: float
    now: float


def positive_drop(db_path: str | Path, round_: Round, *, today: date, k: int) -> Drop | None:
    """The drop in the positive share from the week before last to the last (the seven days
    before `today`), when it is sharp and both weeks have at least k answers; else None."""
    weeks = [(today - timedelta(days=14), today - timedelta(days=8))]
    weeks.append((today - timedelta(days=7), today - timedelta(days=1)))
    shares = []
    with storage.reading(db_path) as db:
        for first, last in weeks:
            rows = db.execute(
                """SELECT score, count(*) FROM answers
                   WHERE round_id = ? AND question = 0 AND flagged = 0
                     AND answered_on BETWEEN ? AND ?
                   GROUP BY score""",
                [round_.id, first.isoformat(), last.isoformat()],
            ).fetchall()
            n = sum(count for _, count in rows)
            if n < k:
                return None
            shares.append(sum(c for s, c in rows if round_.scale.is_positive(s)) / n)
    before, now = shares
    return Drop(before, now) if before - now >= SHARP_DROP else None


def new_comments(db_path: str | Path, round_: Round, *, day: date, k: int) -> int | None:
    """How many comments (and short text answers) the round got on `day`; None when the round
    has fewer than k answers, whose comments /comments withholds."""
    with storage.reading(db_path) as db:
        answers, count = db.execute(
            f"""SELECT {comments.ROUND_ANSWERS}, (SELECT count(*) FROM {comments.REVIEWED} c
                   WHERE c.round_id = v.id AND c.answered_on = ?)
                FROM rounds v WHERE v.id = ?""",
            [day.isoformat(), round_.id],
        ).fetchone()
    return None if answers < k else count


def send_due(
    db_path: str | Path, *, smtp_url: str, now: datetime | None = None, k: int | None = None
) -> int:
    """Send today's digests and drop alerts not sent yet (from `FIRST_HOUR` on); returns how
    many went. A digest is sent only of a day with new comments, a drop alert at most once a
    week per round."""
    now = now or datetime.now()
    if now.hour < FIRST_HOUR:
        return 0
    k = k or settings.min_group_size()
    today = now.date()
    sent = 0
    for round_, kind in _chosen(db_path, today):
        mail = _compose(db_path, round_, kind, today=today, k=k)
        if mail is None or not _take(db_path, round_, kind, today):
            continue
        try:
            with relay.connect(smtp_url) as server:
                server.send_message(mail)
        except (OSError, smtplib.SMTPException):
            log.warning("cannot send the %s of round %s; tried again later", kind, round_.code)
            with storage.writing(db_path) as db:  # not sent: the day's mail is free again
                db.execute(
                    "DELETE FROM staff_mails WHERE round_id = ? AND kind = ? AND made_on = ?",
                    [round_.id, kind, today.isoformat()],
                )
            continue
        sent += 1
    return sent


def _chosen(db_path: str | Path, today: date) -> Iterator[tuple[Round, str]]:
    """The open rounds with a digest or drop alert chosen and not yet sent today (a drop
    alert: not within the week)."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            """SELECT v.code, 'digest' FROM rounds v WHERE v.digest_to IS NOT NULL
                 AND v.status = 'open' AND NOT EXISTS (
                   SELECT 1 FROM staff_mails m WHERE m.round_id = v.id AND m.kind = 'digest'
                     AND m.made_on = ?)
               UNION ALL
               SELECT v.code, 'drop' FROM rounds v WHERE v.drop_alert_to IS NOT NULL
                 AND v.status = 'open' AND NOT EXISTS (
                   SELECT 1 FROM staff_mails m WHERE m.round_id = v.id AND m.kind = 'drop'
                     AND m.made_on > ?)""",
            [today.isoformat(), (today - timedelta(days=7)).isoformat()],
        ).fetchall()
    for code, kind in rows:
        round_ = rounds.get_by_code(db_path, code)
        if round_ is not None:
            yield round_, kind


def _take(db_path: str | Path, round_: Round, kind: str, today: date) -> bool:
    """Claim the day's mail of this kind for this round: False if another sender has."""
    with storage.writing(db_path) as db:
        return bool(
            db.execute(
                """INSERT INTO staff_mails (round_id, kind, made_on) VALUES (?, ?, ?)
                   ON CONFLICT (round_id, kind, made_on) DO NOTHING""",
                [round_.id, kind, today.isoformat()],
            ).rowcount
        )


def _compose(
    db_path: str | Path, round_: Round, kind: str, *, today: date, k: int
) -> EmailMessage | None:
    """The digest or the drop alert of the round in its plan's language; None when there is
    nothing to tell (no new comment, no sharp drop, too few answers)."""
    lang = round_.plan_language if round_.plan_language in i18n.LANGUAGES else "fi"
    subject = plaintext.one_line(  # a header holds no line break
        round_.subject(lang) or next(iter(round_.subjects.values()), round_.code)
    )
    message = EmailMessage()
    message["From"] = settings.alert_sender()
    if kind == "digest":
        yesterday = today - timedelta(days=1)
        count = new_comments(db_path, round_, day=yesterday, k=k)
        if not count:
            return None
        message["To"] = round_.digest_to
        message["Subject"] = i18n.t("notices.digest_subject", lang, subject=subject, n=count)
        body = i18n.t(
            "notices.digest_body",
            lang,
            n=count,
            subject=subject,
            day=yesterday.isoformat(),
            link=f"{settings.base_url()}/comments",
        )
    else:
        drop = positive_drop(db_path, round_, today=today, k=k)
        if drop is None:
            return None
        message["To"] = round_.drop_alert_to
        message["Subject"] = i18n.t("notices.drop_subject", lang, subject=subject)
        body = i18n.t(
            "notices.drop_body",
            lang,
            subject=subject,
            before=i18n.percent(drop.before, lang),
            now=i18n.percent(drop.now, lang),
            k=k,
            link=f"{settings.base_url()}/overview",
        )
    message.set_content(f"{body}\n\n{i18n.t('notices.mail_outro', lang, code=round_.code)}")
    return message

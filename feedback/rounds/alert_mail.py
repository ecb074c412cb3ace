"""Sending safeguarding alerts (`alerts`) by e-mail through the municipality's SMTP relay
(`settings.smtp_url`): from a thread in each app process (`Sender`), or from cron with
`feedback safeguarding send`. Several may run at once: each alert is claimed by one.

An e-mail holds no words of the child: what the alert is about, the round's subject, the actor,
the group and the day, and a link to the alert on /comments (sign-in and the actor's scope).
The alerts of one actor claimed together go in one e-mail (its escalations in another), so that
a flood of comments cannot flood the professionals' mailboxes.
"""

from __future__ import annotations

import logging
import smtplib
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from feedback import i18n, plaintext, settings
from feedback.rounds import alerts, notices, relay

log = logging.getLogger(__name__)


def alert_link(alert_id: int) -> str:
    """Where staff open the alert: /comments, which needs sign-in and the actor's scope."""
    return f"{settings.base_url()}/comments?alert={alert_id}"


def compose(batch: list[alerts.Outgoing], *, sender: str) -> EmailMessage:
    """One e-mail for one actor's alerts, in the plan's language, without the child's words."""
    first = batch[0]
    lang = first.plan_language if first.plan_language in i18n.LANGUAGES else "fi"
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(first.recipients)
    # A plan may write a name over two lines; a header cannot hold a line break, and the
    # alert must go all the same.
    actor = plaintext.one_line(i18n.pick(first.actor, lang, original=first.plan_language)[0])
    if first.escalation:
        hours = f"{settings.escalation_hours():g}"
        message["Subject"] = i18n.t("alert.escalation_subject", lang, actor=actor, n=len(batch))
        parts = [i18n.t("alert.escalation_intro", lang, hours=hours)]
    else:
        message["Subject"] = i18n.t("alert.mail_subject", lang, actor=actor, n=len(batch))
        parts = [i18n.t("alert.mail_intro", lang)]
    for alert in batch:
        about = ", ".join(i18n.t(f"alert.category.{c}", lang) for c in alert.categories)
        subject = alert.subjects.get(lang) or next(iter(alert.subjects.values()), "")
        parts.append(
            i18n.t(
                "alert.mail_item",
                lang,
                about=about,
                subject=subject,
                actor=actor,
                group=i18n.t(f"group.{alert.group}", lang),
                day=alert.day,
                link=alert_link(alert.id),
            )
        )
    parts.append(i18n.t("alert.mail_outro", lang))
    message.set_content("\n\n".join(parts))
    return message


def send_due(
    db_path: str | Path, *, smtp_url: str | None = None, now: datetime | None = None
) -> int:
    """Send every alert due now; returns how many went out. One that cannot go (the server
    down, no contact named for its actor yet) is tried again later, with a growing wait."""
    url = smtp_url or settings.smtp_url()
    if url is None:
        raise relay.BadSmtpUrl("FEEDBACK_SMTP_URL is not set")
    due = alerts.claim_due(db_path, now=now)
    if not due:
        return 0
    sent = 0
    try:
        server = relay.connect(url)
    except (OSError, smtplib.SMTPException):
        log.warning("cannot reach the SMTP server for %d safeguarding alerts", len(due))
        _failed(db_path, due, now=now)
        return 0
    with server:
        for batch in _by_actor(due):
            if not batch[0].recipients:
                log.warning("no safeguarding contact for actor %s", batch[0].actor_id)
                _failed(db_path, batch, now=now)
                continue
            try:
                message = compose(batch, sender=settings.alert_sender())
            except Exception:  # one alert that cannot be written must not hold back the rest
                log.exception("cannot compose a safeguarding alert for actor %s", batch[0].actor_id)
                _failed(db_path, batch, now=now)
                continue
            try:
                server.send_message(message)
            except (OSError, smtplib.SMTPException):
                log.warning("the SMTP server refused a safeguarding alert")
                _failed(db_path, batch, now=now)
                continue
            for alert in batch:
                alerts.mark_sent(db_path, alert, now=now)
            sent += len(batch)
    return sent


def _failed(db_path: str | Path, batch: Iterable[alerts.Outgoing], *, now: datetime | None) -> None:
    for alert in batch:
        alerts.mark_failed(db_path, alert, now=now)


def _by_actor(due: list[alerts.Outgoing]) -> list[list[alerts.Outgoing]]:
    batches: dict[tuple[str, bool], list[alerts.Outgoing]] = {}
    for alert in due:
        batches.setdefault((alert.actor_id, alert.escalation), []).append(alert)
    return list(batches.values())


class Sender:
    """The sender as a thread of the app process: looks for due alerts every
    `settings.alert_seconds()`, and for the rounds' digests and drop alerts due (`notices`)
    every `NOTICES_EVERY` (they are daily: no need to measure each round's week so often),
    while `FEEDBACK_SMTP_URL` is set (and does nothing while it is not)."""

    NOTICES_EVERY = 600.0  # seconds

    def __init__(self, db_path: str | Path):
        self._db_path = db_path
        self._every = settings.alert_seconds()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="alert-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=relay.TIMEOUT + 5)

    def _run(self) -> None:
        notices_at = 0.0
        while not self._stop.wait(self._every):
            url = settings.smtp_url()
            if url is None:
                continue
            try:
                send_due(self._db_path, smtp_url=url)
                if time.monotonic() >= notices_at:
                    notices_at = time.monotonic() + self.NOTICES_EVERY
                    notices.send_due(self._db_path, smtp_url=url)
            except Exception:  # the next look tries again; the app goes on serving
                log.exception("the safeguarding sender failed")

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
import ssl
import threading
from collections.abc import Iterable
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, urlsplit

from feedback import i18n, settings
from feedback.rounds import alerts

log = logging.getLogger(__name__)

#: Seconds an SMTP server has to answer before the try counts as failed.
TIMEOUT = 20.0


class BadSmtpUrl(ValueError):
    """`FEEDBACK_SMTP_URL` is not `smtp://` or `smtps://` with a host."""


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
    actor, _ = i18n.pick(first.actor, lang, original=first.plan_language)
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


def connect(url: str) -> smtplib.SMTP:
    """An SMTP connection as `url` says: smtps:// is TLS from the start; smtp:// uses STARTTLS
    when the server offers it, and refuses to send a password without it."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise BadSmtpUrl("FEEDBACK_SMTP_URL must be smtp://host[:port] or smtps://host[:port]")
    context = ssl.create_default_context()  # trusts the system's CAs, or $SSL_CERT_FILE's
    if parts.scheme == "smtps":
        server: smtplib.SMTP = smtplib.SMTP_SSL(
            parts.hostname, parts.port or 465, timeout=TIMEOUT, context=context
        )
    else:
        server = smtplib.SMTP(parts.hostname, parts.port or 25, timeout=TIMEOUT)
    try:
        if parts.scheme == "smtp":
            server.ehlo()
            if server.has_extn("starttls"):
                server.starttls(context=context)
                server.ehlo()
            elif parts.username:
                raise smtplib.SMTPNotSupportedError(
                    "the server offers no STARTTLS for the password"
                )
        if parts.username:
            server.login(unquote(parts.username), unquote(parts.password or ""))
    except BaseException:  # an untrusted certificate, a refused password: no socket left open
        server.close()
        raise
    return server


def send_due(
    db_path: str | Path, *, smtp_url: str | None = None, now: datetime | None = None
) -> int:
    """Send every alert due now; returns how many went out. One that cannot go (the server
    down, no contact named for its actor yet) is tried again later, with a growing wait."""
    url = smtp_url or settings.smtp_url()
    if url is None:
        raise BadSmtpUrl("FEEDBACK_SMTP_URL is not set")
    due = alerts.claim_due(db_path, now=now)
    if not due:
        return 0
    sent = 0
    try:
        server = connect(url)
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
                server.send_message(compose(batch, sender=settings.alert_sender()))
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
    `settings.alert_seconds()` while `FEEDBACK_SMTP_URL` is set (and does nothing while it is
    not)."""

    def __init__(self, db_path: str | Path):
        self._db_path = db_path
        self._every = settings.alert_seconds()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="alert-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=TIMEOUT + 5)

    def _run(self) -> None:
        while not self._stop.wait(self._every):
            if settings.smtp_url() is None:
                continue
            try:
                send_due(self._db_path)
            except Exception:  # the next look tries again; the app goes on serving
                log.exception("the safeguarding sender failed")

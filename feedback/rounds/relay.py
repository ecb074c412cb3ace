"""The municipality's SMTP relay (`settings.smtp_url`), through which safeguarding alerts
(`alert_mail`) and a round's staff notices (`notices`) go."""

from __future__ import annotations

import smtplib
import ssl
from urllib.parse import unquote, urlsplit

#: Seconds an SMTP server has to answer before the try counts as failed.
TIMEOUT = 20.0


class BadSmtpUrl(ValueError):
    """`FEEDBACK_SMTP_URL` is not `smtp://` or `smtps://` with a host."""


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

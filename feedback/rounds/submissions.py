"""Submission ids that the server issued: signed, bound to one round, valid for some hours.

The featherweight answer page hands out a form with such an id and stores an answer only under
an id it issued, so that a client cannot make up a new id for every answer it sends (issue #24).
The id carries its own proof, an HMAC over the round, the id and its expiry, so no state is
kept per device or per form. Each id stores one answer: the answers' UNIQUE submission id turns
a resend after a lost reply into a thank-you without a second row.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

from feedback.rounds import answers

#: How long a form may stay on screen before it is sent. A child on a shared phone may open
#: the link in the morning and send it after school, so a school day and an afternoon fit in;
#: a form kept longer gets a friendly "send it again" with what was chosen still chosen.
LIFETIME_SECONDS = 12 * 3600
#: The id's three parts: the stored submission id, the expiry (Unix seconds) and the proof.
_TOKEN = re.compile(r"([0-9a-f]{32})\.([0-9]{1,12})\.([0-9a-f]{32})")


def issue(round_id: int, *, key: bytes, now: float | None = None) -> str:
    """A new signed id for one answer to round `round_id`, valid for LIFETIME_SECONDS."""
    submission_id = answers.new_submission_id()
    expires = int((time.time() if now is None else now) + LIFETIME_SECONDS)
    return f"{submission_id}.{expires}.{_proof(key, round_id, submission_id, expires)}"


def check(token: object, round_id: int, *, key: bytes, now: float | None = None) -> str | None:
    """The submission id to store an answer under, if `token` was issued by this server for
    round `round_id` and has not expired; None for anything else (made up, altered, expired,
    or issued for another round)."""
    found = _TOKEN.fullmatch(token) if isinstance(token, str) else None
    if found is None:
        return None
    submission_id, expires, proof = found.groups()
    if not hmac.compare_digest(proof, _proof(key, round_id, submission_id, int(expires))):
        return None
    if int(expires) < (time.time() if now is None else now):
        return None
    return submission_id


def _proof(key: bytes, round_id: int, submission_id: str, expires: int) -> str:
    message = f"{round_id}:{submission_id}:{expires}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]  # 128 bits

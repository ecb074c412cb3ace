"""Shared tablets that staff enrolled as kiosks for a round, and the pace of their answers.

A link cannot make a kiosk: staff of the round's actor enrol one (`enrol`), which gives a
short, single-use enrolment link. Opened on the tablet, it is exchanged (`claim`) for a signed
kiosk token that the server keeps in an HttpOnly cookie; each page load checks it against the
store (`check`), so a revoked kiosk is an ordinary browser again at its next load.

Answers of one kiosk closer together than the minimum interval are flagged (kept, left out of
the figures) and counted on that kiosk only; no answer says which kiosk it came from.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import jwt

from feedback import plaintext, settings, storage
from feedback.rounds import CODE_ALPHABET, is_code
from feedback.staff import scope

#: The browser cookie that holds a kiosk token (set by feedback.ui.kiosk_enrolment, HttpOnly).
COOKIE_NAME = "feedback_kiosk"
#: Where the tablet opens its enrolment link.
ENROL_PATH = "/kiosk/enrol"
#: How long an enrolment link can be used (once), in minutes.
ENROLMENT_MINUTES = 15
#: How long a tablet stays a kiosk without being enrolled again (unless revoked sooner).
KIOSK_DAYS = 400
LABEL_MAX = 60
#: Who enrolled a kiosk from the operator's command line.
OPERATOR = "operator"
_ID_LENGTH = 12


class UnknownKiosk(LookupError):
    """No kiosk has this id."""


class InvalidLabel(ValueError):
    """The label staff gave is empty or too long."""


@dataclass(frozen=True)
class Kiosk:
    """An enrolled tablet: which round it is for, what staff called it, who enrolled it and
    on which day, whether it is revoked, and how many of its answers came too fast."""

    id: str
    round_code: str
    label: str
    enrolled_by: str
    enrolled_on: date
    revoked: bool
    flagged: int


@dataclass(frozen=True)
class Enrolment:
    """A new kiosk and the single-use link that makes a tablet that kiosk."""

    kiosk: Kiosk
    link: str


def enrol(
    db_path: str | Path,
    code: str,
    *,
    label: str,
    enrolled_by: str,
    key: str,
    actors: tuple[str, ...] | None = None,
    today: date | None = None,
) -> Enrolment:
    """Create a kiosk for round `code` and its enrolment link (valid `ENROLMENT_MINUTES`,
    once); for a user of `actors` only on their own actors' rounds (`scope.OutOfScope`, also
    for a round that is not there)."""
    label = plaintext.one_line(label)
    if not label or len(label) > LABEL_MAX:
        raise InvalidLabel(f"a kiosk's label is 1–{LABEL_MAX} characters")
    kiosk_id = "".join(secrets.choice(CODE_ALPHABET) for _ in range(_ID_LENGTH))
    secret = secrets.token_urlsafe(24)
    day = today or date.today()
    with storage.writing(db_path) as db:
        found = db.execute("SELECT id, action_id FROM rounds WHERE code = ?", [code]).fetchone()
        if found is None and actors is None:
            raise scope.OutOfScope(f"no round {code!r}")
        scope.check_action(db, found[1] if found else "", actors)
        db.insert(
            "kiosks",
            {
                "id": kiosk_id,
                "round_id": found[0],
                "label": label,
                "enrolled_by": enrolled_by,
                "enrolled_on": day.isoformat(),
                "enrolment": _digest(secret),
            },
        )
    expires = _now() + timedelta(minutes=ENROLMENT_MINUTES)
    token = jwt.encode(
        {"kid": kiosk_id, "use": "kiosk-enrolment", "secret": secret, "exp": expires},
        key,
        algorithm="HS256",
    )
    kiosk = Kiosk(kiosk_id, code, label, enrolled_by, day, revoked=False, flagged=0)
    return Enrolment(kiosk, f"{settings.base_url()}{ENROL_PATH}?{urlencode({'t': token})}")


def claim(db_path: str | Path, token: object, *, key: str) -> tuple[str, str] | None:
    """Use an enrolment link's token: the kiosk token for the tablet's cookie and the round's
    code, or None if the token is forged, expired, already used or its kiosk revoked."""
    claims = _decode(token, key=key, use="kiosk-enrolment")
    if claims is None or not isinstance(claims.get("secret"), str):
        return None
    with storage.writing(db_path) as db:
        used = db.execute(
            "UPDATE kiosks SET enrolment = NULL WHERE id = ? AND enrolment = ? AND revoked = 0",
            [claims["kid"], _digest(claims["secret"])],
        )
        if used.rowcount != 1:
            return None
        (code,) = db.execute(
            "SELECT v.code FROM kiosks k JOIN rounds v ON v.id = k.round_id WHERE k.id = ?",
            [claims["kid"]],
        ).fetchone()
    expires = _now() + timedelta(days=KIOSK_DAYS)
    kiosk_token = jwt.encode(
        {"kid": claims["kid"], "round": code, "use": "kiosk", "exp": expires},
        key,
        algorithm="HS256",
    )
    return kiosk_token, code


def check(db_path: str | Path, token: object, *, code: str, key: str) -> Kiosk | None:
    """The kiosk that a tablet's token names, if the signature checks out, the token is for
    round `code` and the kiosk is enrolled and not revoked; else None."""
    claims = _decode(token, key=key, use="kiosk")
    if claims is None or claims.get("round") != code or not is_code(code):
        return None
    found = _kiosks(db_path, "k.id = ? AND k.enrolment IS NULL", [claims["kid"]])
    return found[0] if found and not found[0].revoked else None


def revoke(db_path: str | Path, kiosk_id: str, *, actors: tuple[str, ...] | None = None) -> None:
    """End kiosk mode on that tablet at its next page load (its enrolment link too); for a
    user of `actors` only a kiosk of their own actors' rounds (`scope.OutOfScope`)."""
    with storage.writing(db_path) as db:
        found = db.execute(
            "SELECT v.action_id FROM kiosks k JOIN rounds v ON v.id = k.round_id WHERE k.id = ?",
            [kiosk_id],
        ).fetchone()
        if found is None and actors is None:
            raise UnknownKiosk(kiosk_id)
        scope.check_action(db, found[0] if found else "", actors)
        db.execute("UPDATE kiosks SET revoked = 1, enrolment = NULL WHERE id = ?", [kiosk_id])


def list_kiosks(
    db_path: str | Path, *, code: str | None = None, actors: tuple[str, ...] | None = None
) -> list[Kiosk]:
    """The kiosks of round `code` (or of every round), oldest first; only of `actors`' rounds
    if given."""
    within, params = storage.among("a.actor_id", actors)
    if code is not None:
        within, params = f"{within} AND v.code = ?", [*params, code]
    return _kiosks(db_path, within, params)


def count_flagged(db: storage.Connection, kiosk_id: str) -> None:
    """One more answer of this kiosk flagged as too fast (in the caller's transaction)."""
    db.execute("UPDATE kiosks SET flagged = flagged + 1 WHERE id = ?", [kiosk_id])


def too_fast(kiosk_id: str, *, now: float | None = None) -> bool:
    """Note an answer on kiosk `kiosk_id`; True if it came sooner after that kiosk's last one
    than the minimum interval (FEEDBACK_KIOSK_MIN_INTERVAL)."""
    return _pace.too_fast(
        kiosk_id,
        now=time.monotonic() if now is None else now,
        min_interval=settings.kiosk_min_interval(),
    )


class AnswerPace:
    """Remembers when each kiosk last got an answer, to flag answers that come too fast.

    A plain object of the process, not a Streamlit cache: a browser can ask Streamlit to clear
    its caches, and a kiosk's browser starts a new session for every child, so the memory can
    live in neither. Its size is bounded by the kiosks enrolled (only a checked token gets here).
    """

    def __init__(self) -> None:
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def too_fast(self, kiosk_id: str, *, now: float, min_interval: float) -> bool:
        """Record an answer on `kiosk_id` at `now` (seconds, monotonic); True if too soon."""
        with self._lock:
            last = self._last.get(kiosk_id)
            self._last[kiosk_id] = now
        return last is not None and now - last < min_interval


_pace = AnswerPace()


def _kiosks(db_path: str | Path, where: str, params: list) -> list[Kiosk]:
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT k.id, v.code, k.label, k.enrolled_by, k.enrolled_on, k.revoked, k.flagged
                FROM kiosks k JOIN rounds v ON v.id = k.round_id
                JOIN actions a ON a.id = v.action_id
                WHERE {where} ORDER BY k.enrolled_on, k.label, k.id""",
            params,
        ).fetchall()
    return [
        Kiosk(kid, code, label, by, date.fromisoformat(on), bool(revoked), flagged)
        for kid, code, label, by, on, revoked, flagged in rows
    ]


def _decode(token: object, *, key: str, use: str) -> dict | None:
    if not isinstance(token, str) or not token or len(token) > 2048:
        return None
    try:
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp", "kid"]})
    except jwt.PyJWTError:
        return None
    if claims.get("use") != use or not isinstance(claims.get("kid"), str):
        return None
    return claims


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)

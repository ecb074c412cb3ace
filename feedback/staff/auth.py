"""Staff accounts: passwords, roles, login throttling and server-side sessions.

streamlit-authenticator's stock flow is not safe enough here (docs/design.md §6.7): its cookie
cannot be revoked, its lockout lives in one browser session, and it ships default keys. So the rules
live in this module, in the database: a login creates a session row, the cookie only names that
session (signed with a key kept outside the repository), and logging out, changing the password
or disabling the user ends the session for every copy of the cookie.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

import bcrypt
import jwt

from feedback import plaintext, settings, storage
from feedback.staff import throttle

MIN_PASSWORD_LENGTH = 12
SESSION_DAYS = 7
#: The browser cookie that names a session (set by feedback.ui.session_cookie, HttpOnly).
COOKIE_NAME = "feedback_session"
#: How long a signed-in page has to hand its session to the server for the cookie.
HANDOFF_LIFETIME = timedelta(seconds=60)
#: The cookie that marks a browser where a user has signed in before (OWASP's device cookie).
DEVICE_COOKIE_NAME = "feedback_device"
DEVICE_DAYS = 365


class Role(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
    COUNCIL = "council"


class AuthError(Exception):
    """A user-management request that cannot be done; the message says why."""


class WrongCredentials(AuthError):
    """A wrong name or password, told the same way whichever it was, so that nobody learns
    which names exist."""


class NotConfigured(AuthError):
    """Sign-in is not set up on this machine: no usable cookie key in the secrets file."""


class WeakPassword(AuthError):
    """A new password that the rules refuse: too short, or the same as the old one."""


class PasswordSignInOff(AuthError):
    """Passwords are not accepted here: staff sign in through single sign-on only."""


class TooManyAttempts(Exception):
    """Logins for this name are paused; `retry_after` says for how many seconds."""

    def __init__(self, retry_after: float):
        super().__init__(f"try again in {retry_after:.0f} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class User:
    """A signed-in person: who, in which role, for which actors (empty = all, for admins)."""

    username: str
    role: Role
    actors: tuple[str, ...]
    must_change_password: bool
    #: Vouched for by the identity provider (feedback.staff.sso): no password of their own here.
    single_sign_on: bool = False

    def may_see_actor(self, actor_id: str) -> bool:
        return self.role is Role.ADMIN or actor_id in self.actors


def _now() -> datetime:
    return datetime.now(UTC)


def _normalise(username: str) -> str:
    return username.strip().lower()


def check_password_rules(password: str) -> None:
    """At least 12 characters, no composition rules (NIST SP 800-63B)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def _hash(password: str) -> str:
    # bcrypt reads at most 72 bytes; longer passphrases are still accepted, the rest is ignored.
    with throttle.bcrypt_turn():
        salt = bcrypt.gensalt(settings.bcrypt_rounds())
        return bcrypt.hashpw(password.encode()[:72], salt).decode()


@functools.cache
def _dummy_hash(rounds: int) -> str:
    """Checked against when the user does not exist, so that unknown names take as long."""
    return bcrypt.hashpw(b"no such user, same work", bcrypt.gensalt(rounds)).decode()


def _matches(password: str, hashed: str) -> bool:
    with throttle.bcrypt_turn():
        return bcrypt.checkpw(password.encode()[:72], hashed.encode())


def add_user(
    db_path: str | Path, username: str, *, role: Role, actors: tuple[str, ...] = ()
) -> str:
    """Create a user and return a one-time password, which must be changed at first login.

    Staff are scoped to one or more actors (`PLAN_ID:ACTOR_ID`); admins see everything.
    """
    name = _normalise(username)
    if not name or not name.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AuthError("a username is letters, digits, dots, dashes and underscores")
    role = Role(role)
    if role is Role.STAFF and not actors:
        raise AuthError("staff need at least one --actor")
    one_time = secrets.token_urlsafe(12)
    with storage.writing(db_path) as db:
        if db.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise AuthError(f"user {name!r} exists already")
        unknown = [
            a for a in actors if not db.execute("SELECT 1 FROM actors WHERE id = ?", [a]).fetchone()
        ]
        if unknown:
            raise AuthError(f"unknown actor {unknown[0]!r}; ids look like kymenlaakso:hamina")
        db.insert(
            "users",
            {
                "username": name,
                "password_hash": _hash(one_time),
                "role": role.value,
                "actors": json.dumps(list(actors)),
                "must_change_password": 1,
                "disabled": 0,
                "created_on": _now().date().isoformat(),
            },
        )
    return one_time


def disable_user(db_path: str | Path, username: str) -> None:
    """Disable a user and end all their sessions at once."""
    name = _normalise(username)
    with storage.writing(db_path) as db:
        if not db.execute("UPDATE users SET disabled = 1 WHERE username = ?", [name]).rowcount:
            raise AuthError(f"no user {name!r}")
        db.execute("UPDATE sessions SET revoked = 1 WHERE username = ?", [name])


def set_email(db_path: str | Path, username: str, email: str | None) -> None:
    """Give a user an address (an admin's gets the safeguarding alerts nobody handled in
    time, `rounds.alerts`), or take it away with None."""
    name = _normalise(username)
    value = None if email is None else plaintext.email(email)
    with storage.writing(db_path) as db:
        if not db.execute("UPDATE users SET email = ? WHERE username = ?", [value, name]).rowcount:
            raise AuthError(f"no user {name!r}")


def list_users(db_path: str | Path) -> list[dict]:
    """Every user with role, actors and whether disabled (never the password hash)."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            "SELECT username, role, actors, disabled, must_change_password, single_sign_on "
            "FROM users ORDER BY username"
        ).fetchall()
    return [
        {
            "username": u,
            "role": r,
            "actors": json.loads(a),
            "disabled": bool(d),
            "must_change_password": bool(m),
            "single_sign_on": bool(o),
        }
        for u, r, a, d, m, o in rows
    ]


def login(
    db_path: str | Path,
    username: str,
    password: str,
    *,
    now: datetime | None = None,
    address: str | None = None,
    device: str | None = None,
) -> str:
    """Check a password and open a session; return the session id.

    Raises `TooManyAttempts` while the attempt must wait, and `WrongCredentials` for any wrong
    name or password — the same message and the same bcrypt work whether the user exists (a
    single sign-on user has no password here: always wrong). Raises `PasswordSignInOff` where
    `FEEDBACK_PASSWORD_SIGNIN=off`, whatever the password, and `throttle.Busy` when bcrypt's
    pool stays full.

    Attempts wait by the name's failures (in the store, shared by replicas) and by the client
    `address`'s (in memory). An attempt from a browser whose `device` cookie says this name
    signed in there before waits only by that device's own failures, so a stranger's failures
    never keep the name's owner out (OWASP's device cookies).
    """
    if not settings.password_sign_in():
        raise PasswordSignInOff("password sign-in is off; use single sign-on")
    name = _normalise(username)
    now = now or _now()
    device_id = device_of(device, name)
    if device_id is not None:
        _wait_for(throttle.DEVICES.wait(device_id, now=now))
        throttle.DEVICES.fail(device_id, now=now)  # counted first, as below; cleared if right
    else:
        address = address or "unknown"
        _wait_for(throttle.ADDRESSES.wait(address, now=now))
        _count_name_failure(db_path, name, now=now)
        throttle.ADDRESSES.fail(address, now=now)
    with storage.reading(db_path) as db:
        user = db.execute(
            "SELECT password_hash, disabled, single_sign_on FROM users WHERE username = ?", [name]
        ).fetchone()
    has_password = user is not None and not user[2]
    ok = (
        _matches(password, user[0] if has_password else _dummy_hash(settings.bcrypt_rounds()))
        and has_password
        and not user[1]
    )
    if not ok:
        raise WrongCredentials("wrong name or password")
    if device_id is not None:
        throttle.DEVICES.clear(device_id)
    else:
        throttle.ADDRESSES.clear(address)
    with storage.writing(db_path) as db:
        db.execute("DELETE FROM login_attempts WHERE username = ?", [name])
        return open_session(db, name, now=now)


def _wait_for(wait: timedelta) -> None:
    if wait > timedelta(0):
        raise TooManyAttempts(wait.total_seconds())


def _count_name_failure(db_path: str | Path, name: str, *, now: datetime) -> None:
    """Raise `TooManyAttempts` while the name is paused; else count this attempt as failed
    before the password is checked, so that an attempt made while this one is being checked
    already waits for it (a right password clears it)."""
    with storage.writing(db_path) as db:
        db.lock(f"login:{name}")  # attempts sent at once, to any replica, take their turns
        attempt = db.execute(
            "SELECT failures, last_failure FROM login_attempts WHERE username = ?", [name]
        ).fetchone()
        if attempt:
            # A later failure than `now` (another attempt that got here first, or a replica
            # whose clock runs ahead) counts as just now, never as time still to wait.
            elapsed = max(now - datetime.fromisoformat(attempt[1]), timedelta(0))
            _wait_for(throttle.delay(attempt[0]) - elapsed)
        db.execute(
            """INSERT INTO login_attempts (username, failures, last_failure) VALUES (?, 1, ?)
               ON CONFLICT (username) DO UPDATE
               SET failures = login_attempts.failures + 1, last_failure = excluded.last_failure""",
            [name, now.isoformat()],
        )


def open_session(db: storage.Connection, username: str, *, now: datetime) -> str:
    """A new session row for a user whose sign-in has just been proved; its id (inside the
    caller's write transaction)."""
    session_id = secrets.token_urlsafe(32)
    db.insert(
        "sessions",
        {
            "id": session_id,
            "username": username,
            "expires_at": (now + timedelta(days=SESSION_DAYS)).isoformat(),
            "revoked": 0,
        },
    )
    return session_id


def session_user(
    db_path: str | Path, session_id: str | None, *, now: datetime | None = None
) -> User | None:
    """The user of a live session: not revoked, not expired, user not disabled; else None."""
    if not session_id or not isinstance(session_id, str):
        return None
    now = now or _now()
    with storage.reading(db_path) as db:
        row = db.execute(
            """SELECT u.username, u.role, u.actors, u.must_change_password, s.expires_at,
                      u.single_sign_on
               FROM sessions s JOIN users u ON u.username = s.username
               WHERE s.id = ? AND s.revoked = 0 AND u.disabled = 0""",
            [session_id],
        ).fetchone()
    if row is None or datetime.fromisoformat(row[4]) <= now:
        return None
    return User(
        username=row[0],
        role=Role(row[1]),
        actors=tuple(json.loads(row[2])),
        must_change_password=bool(row[3]),
        single_sign_on=bool(row[5]),
    )


def remembered_plan(db_path: str | Path, username: str) -> str | None:
    """The plan this user chose last on a staff page, or None."""
    with storage.reading(db_path) as db:
        row = db.execute("SELECT last_plan FROM users WHERE username = ?", [username]).fetchone()
    return row[0] if row else None


def remember_plan(db_path: str | Path, username: str, plan_id: str) -> None:
    """Remember the plan this user chose, for the next staff page they open."""
    with storage.writing(db_path) as db:
        db.execute("UPDATE users SET last_plan = ? WHERE username = ?", [plan_id, username])


def logout(db_path: str | Path, session_id: str) -> None:
    """End a session on the server: a copy of its cookie no longer works."""
    with storage.writing(db_path) as db:
        db.execute("UPDATE sessions SET revoked = 1 WHERE id = ?", [session_id])


def change_password(db_path: str | Path, username: str, old: str, new: str) -> str:
    """Change a password (old one required); end every session; return a fresh session id."""
    check_password_rules(new)
    if new == old:
        raise WeakPassword("the new password must differ from the old one")
    login(db_path, username, old)  # proves the old password, under the same throttle
    return _set_password(db_path, username, new)


def replace_one_time_password(db_path: str | Path, session_id: str, new: str) -> str:
    """Set the own password of someone who has just signed in with a one-time password; end
    every session; return a fresh session id.

    The session proves the one-time password, so it is not asked again; only a session whose
    user must still change the password may do this (feedback.ui.session never lets such a
    session into a cookie, so it lives in the one browser tab that signed in).
    """
    user = session_user(db_path, session_id)
    if user is None or not user.must_change_password:
        raise WrongCredentials("wrong name or password")
    check_password_rules(new)
    with storage.reading(db_path) as db:
        (hashed,) = db.execute(
            "SELECT password_hash FROM users WHERE username = ?", [user.username]
        ).fetchone()
    if _matches(new, hashed):
        raise WeakPassword("the new password must differ from the old one")
    return _set_password(db_path, user.username, new)


def _set_password(db_path: str | Path, username: str, new: str) -> str:
    name = _normalise(username)
    with storage.writing(db_path) as db:
        db.execute(
            "UPDATE users SET password_hash = ?, must_change_password = 0 WHERE username = ?",
            [_hash(new), name],
        )
        db.execute("UPDATE sessions SET revoked = 1 WHERE username = ?", [name])
    return login(db_path, username, new)


# --- the cookie: a signed name for a session, nothing more ---------------------------------


def cookie_token(session_id: str, *, key: str) -> str:
    """The cookie value for a session: a JWT signed with the installation's secret key."""
    expires = _now() + timedelta(days=SESSION_DAYS)
    return jwt.encode({"sid": session_id, "exp": expires}, key, algorithm="HS256")


def session_from_cookie(token: str | None, *, key: str) -> str | None:
    """The session id in a cookie whose signature and expiry check out; else None."""
    claims = _claims(token, key=key)
    return None if claims is None or "use" in claims else claims["sid"]


def handoff_token(session_id: str, *, key: str) -> str:
    """A short-lived signed note that a page hands to the server, which answers with the
    session cookie: the cookie is then set by the server (HttpOnly), never by a script."""
    expires = _now() + HANDOFF_LIFETIME
    return jwt.encode({"sid": session_id, "use": "handoff", "exp": expires}, key, algorithm="HS256")


def session_from_handoff(token: str | None, *, key: str) -> str | None:
    """The session id of a valid handoff note (not a cookie); else None."""
    claims = _claims(token, key=key)
    return claims["sid"] if claims and claims.get("use") == "handoff" else None


def redeem_handoff(
    db_path: str | Path, token: str | None, *, key: str, now: datetime | None = None
) -> tuple[str, User] | None:
    """The session for the cookie, in exchange for a valid handoff note, once: the note's
    session ends and a new one of the same user begins, so a note posted again (within its
    60 seconds) sets no second cookie. None for a bad, used or expired note, and for a session
    whose one-time password is still to be replaced (no cookie ever names one)."""
    session_id = session_from_handoff(token, key=key)
    now = now or _now()
    user = session_user(db_path, session_id, now=now)
    if user is None or user.must_change_password:
        return None
    with storage.writing(db_path) as db:
        redeemed = db.execute(
            "UPDATE sessions SET revoked = 1 WHERE id = ? AND revoked = 0", [session_id]
        ).rowcount
        if not redeemed:  # another post of the same note got here first
            return None
        return open_session(db, user.username, now=now), user


def device_token(username: str, *, key: str) -> str:
    """The device cookie's value for a browser where `username` has just signed in: a signed
    random id for the device and the name, nothing about the person or the device itself."""
    expires = _now() + timedelta(days=DEVICE_DAYS)
    claims = {"sid": secrets.token_urlsafe(16), "use": "device", "sub": username, "exp": expires}
    return jwt.encode(claims, key, algorithm="HS256")


def device_of(token: str | None, username: str) -> str | None:
    """The device id of a valid device cookie issued for `username` (normalised); else None."""
    try:
        key = cookie_key()
    except NotConfigured:
        return None
    claims = _claims(token, key=key)
    if not claims or claims.get("use") != "device" or claims.get("sub") != username:
        return None
    return claims["sid"]


def _claims(token: str | None, *, key: str) -> dict | None:
    if not token or not isinstance(token, str):
        return None
    try:
        claims = jwt.decode(token, key, algorithms=["HS256"], options={"require": ["exp", "sid"]})
    except jwt.PyJWTError:
        return None
    return claims if isinstance(claims.get("sid"), str) else None


def cookie_key() -> str:
    """The cookie-signing key from the secrets file (outside the repository)."""
    path = settings.secrets_path()
    key = settings.read_secrets().get("cookie_key")
    if not isinstance(key, str):
        raise NotConfigured(f"no cookie key in {path}; run `feedback init`")
    if len(key) < 32:
        raise NotConfigured(
            f"the cookie key in {path} is too short; remove it and run `feedback init`"
        )
    return key


def submission_key() -> bytes:
    """The key that signs the answer page's submission ids (`rounds.submissions`): derived
    from the cookie key, so that no secrets file needs a new entry, and a key of its own, so
    that no submission id can ever pass for a cookie or the other way round."""
    return hmac.new(cookie_key().encode(), b"submission ids", hashlib.sha256).digest()


def ensure_secrets() -> Path:
    """Create the secrets file with a random cookie key if it does not exist (mode 0600)."""
    path = settings.secrets_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(f'cookie_key = "{secrets.token_urlsafe(48)}"\n', encoding="utf-8")
    return path

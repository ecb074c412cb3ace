"""Single sign-on: the admin's rules from the identity provider's claims to roles and actors,
and the sign-in of a person whom the provider has just vouched for.

The provider (the municipality's Entra ID, say) proves who someone is; what they may do here is
decided by the rules the admin keeps (`feedback user map …`): a value of the person's `groups`
or `roles` claim names a role and actors. Of several matching rules the highest role wins
(admin, then staff, then council) and the actors of its rules add up. Nobody whom no rule
matches gets in, and a local user row that is disabled stays shut whatever the provider says.
The session opened is the same server-side session as a password sign-in's (feedback.staff.auth), so
signing out and disabling end it the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from feedback import settings, storage
from feedback.staff import auth
from feedback.staff.auth import Role

#: Claims whose values the rules match, unless the secrets file's `[single_sign_on]` says.
GROUP_CLAIMS = ("groups", "roles")
#: Claims that name the person here, the first one present wins (normalised to lower case).
USERNAME_CLAIMS = ("preferred_username", "email")
#: A provider's word counts only this soon after it was given (the ID token's `iat`): an old
#: identity cookie, copied or left behind, cannot open a new session on its own.
FRESH_FOR = timedelta(minutes=5)
_RANK = {Role.ADMIN: 3, Role.STAFF: 2, Role.COUNCIL: 1}
_PRINTABLE = re.compile(r"[^\s\x00-\x1f\x7f]{1,254}")
#: What a password hash column holds for a single sign-on user: no bcrypt hash, never matches.
UNUSABLE_HASH = "!single-sign-on"  # bcrypt never matches it: not a hash


class Refused(auth.AuthError):
    """The provider vouched for someone who may not come in; `reason` says why, for the page:
    "unmapped" (no rule matches), "disabled", "taken" (a password account has that name) or
    "nameless" (no usable name claim)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Stale(auth.AuthError):
    """The provider's word is too old (or undated) to open a session: sign in there again."""


@dataclass(frozen=True)
class Rule:
    """Who has a claim value gets this role and these actors (`PLAN_ID:ACTOR_ID`)."""

    claim_value: str
    role: Role
    actors: tuple[str, ...]


@dataclass(frozen=True)
class Claims:
    """Which claims of the provider's identity this installation reads."""

    groups: tuple[str, ...] = GROUP_CLAIMS
    usernames: tuple[str, ...] = USERNAME_CLAIMS


def configured() -> bool:
    """Whether the secrets file has Streamlit's `[auth]` table for one provider."""
    table = settings.read_secrets().get("auth")
    needed = ("redirect_uri", "cookie_secret", "client_id", "client_secret")
    return isinstance(table, dict) and all(table.get(k) for k in needed)


def streamlit_secrets() -> dict | None:
    """What Streamlit needs for `st.login` (its `[auth]` table), from the secrets file; None
    where single sign-on is not set up."""
    return {"auth": settings.read_secrets()["auth"]} if configured() else None


def claims_read() -> Claims:
    """The claim names from the secrets file's `[single_sign_on]` table, else the defaults."""
    table = settings.read_secrets().get("single_sign_on")
    table = table if isinstance(table, dict) else {}
    return Claims(
        groups=_names(table.get("group_claims"), GROUP_CLAIMS),
        usernames=_names(table.get("username_claims"), USERNAME_CLAIMS),
    )


def _names(value: object, default: tuple[str, ...]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return tuple(value)
    return default


# --- the admin's rules ------------------------------------------------------------------------


def add_rule(
    db_path: str | Path, claim_value: str, *, role: Role, actors: Iterable[str] = ()
) -> Rule:
    """Add or replace the rule for a claim value (as the provider sends it, case and all)."""
    value = claim_value.strip()
    if not value:
        raise auth.AuthError("a rule needs the claim value: a group's or role's name or id")
    role = Role(role)
    actors = tuple(dict.fromkeys(actors))
    if role is not Role.ADMIN and not actors:
        raise auth.AuthError(f"{role.value} rules need at least one --actor")
    with storage.writing(db_path) as db:
        unknown = [
            a for a in actors if not db.execute("SELECT 1 FROM actors WHERE id = ?", [a]).fetchone()
        ]
        if unknown:
            raise auth.AuthError(f"unknown actor {unknown[0]!r}; ids look like kymenlaakso:hamina")
        db.execute(
            """INSERT INTO sso_rules (claim_value, role, actors, created_on) VALUES (?, ?, ?, ?)
               ON CONFLICT (claim_value) DO UPDATE
               SET role = excluded.role, actors = excluded.actors""",
            [value, role.value, json.dumps(list(actors)), _now().date().isoformat()],
        )
    return Rule(value, role, actors)


def remove_rule(db_path: str | Path, claim_value: str) -> None:
    """Remove a rule; whom it let in can no longer sign in through it (their sessions stay
    until they sign out or are disabled, as with any change of role)."""
    with storage.writing(db_path) as db:
        gone = db.execute("DELETE FROM sso_rules WHERE claim_value = ?", [claim_value.strip()])
        if not gone.rowcount:
            raise auth.AuthError(f"no rule for {claim_value.strip()!r}")


def list_rules(db_path: str | Path) -> list[Rule]:
    """Every rule, by claim value."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            "SELECT claim_value, role, actors FROM sso_rules ORDER BY claim_value"
        ).fetchall()
    return [Rule(v, Role(r), tuple(json.loads(a))) for v, r, a in rows]


def claim_values(identity: Mapping, claims: Claims) -> set[str]:
    """The values of the group claims: each a list of strings or one string."""
    values: set[str] = set()
    for name in claims.groups:
        value = identity.get(name)
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        values.update(v.strip() for v in items if isinstance(v, str) and v.strip())
    return values


def grant(rules: Iterable[Rule], values: set[str]) -> tuple[Role, tuple[str, ...]] | None:
    """The role and actors that `values` earn: the highest role among the matching rules and
    the actors of its rules together (admins see everything: none); None if none matches."""
    matching = [r for r in rules if r.claim_value in values]
    if not matching:
        return None
    role = max((r.role for r in matching), key=_RANK.__getitem__)
    if role is Role.ADMIN:
        return role, ()
    actors = dict.fromkeys(a for r in matching if r.role is role for a in r.actors)
    return role, tuple(actors)


# --- signing in -------------------------------------------------------------------------------


def username_of(identity: Mapping, claims: Claims) -> str:
    """The person's name here, from the first name claim present, in lower case."""
    for name in claims.usernames:
        value = identity.get(name)
        if isinstance(value, str) and _PRINTABLE.fullmatch(value.strip()):
            return value.strip().lower()
    raise Refused("nameless")


def sign_in(
    db_path: str | Path,
    identity: Mapping,
    *,
    claims: Claims | None = None,
    now: datetime | None = None,
) -> str:
    """Open a session for the person the provider has just vouched for (`identity`: the ID
    token's claims, as `st.user` holds them); return the session id.

    Their local user row is made or brought up to date from the rules: role and actors as the
    rules say now, no password. Raises `Stale` for an identity older than `FRESH_FOR`, and
    `Refused` for someone no rule lets in, a disabled user, or a name that a password account
    has; a refused user's open sessions end too, since the provider no longer vouches for them.
    """
    claims = claims or claims_read()
    now = now or _now()
    issued = identity.get("iat")
    if not isinstance(issued, int | float) or not (
        now - FRESH_FOR <= datetime.fromtimestamp(issued, UTC) <= now + timedelta(minutes=1)
    ):
        raise Stale("sign in at the provider again")
    name = username_of(identity, claims)
    granted = grant(list_rules(db_path), claim_values(identity, claims))
    refusal, session_id = None, ""
    with storage.writing(db_path) as db:
        db.lock(f"login:{name}")
        row = db.execute(
            "SELECT single_sign_on, disabled FROM users WHERE username = ?", [name]
        ).fetchone()
        if row is not None and not row[0]:
            refusal = "taken"
        elif row is not None and row[1]:
            refusal = "disabled"
        elif granted is None:
            refusal = "unmapped"
            db.execute("UPDATE sessions SET revoked = 1 WHERE username = ?", [name])
        else:
            _keep_user(db, name, *granted, known=row is not None, now=now)
            session_id = auth.open_session(db, name, now=now)
    if refusal:  # raised after the commit, so that the ended sessions stay ended
        raise Refused(refusal)
    return session_id


def _keep_user(
    db: storage.Connection,
    name: str,
    role: Role,
    actors: tuple[str, ...],
    *,
    known: bool,
    now: datetime,
) -> None:
    """Make the single sign-on user's row, or bring its role and actors up to the rules."""
    if known:
        db.execute(
            "UPDATE users SET role = ?, actors = ? WHERE username = ?",
            [role.value, json.dumps(list(actors)), name],
        )
        return
    db.insert(
        "users",
        {
            "username": name,
            "password_hash": UNUSABLE_HASH,
            "role": role.value,
            "actors": json.dumps(list(actors)),
            "must_change_password": 0,
            "disabled": 0,
            "created_on": now.date().isoformat(),
            "single_sign_on": 1,
        },
    )


def _now() -> datetime:
    return datetime.now(UTC)

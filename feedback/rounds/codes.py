"""One-time answer codes: printed slips, each letting one answer in, tied to no person.

A round opened with codes (`rounds.create(..., codes=N)`) takes an answer only together with
an unused code of its own. The code is marked used in the same transaction as the answer is
stored, and nothing links the two: no code or code id is kept with the answer, and a code
keeps no time of use. A round with codes is bounded by them, so the pace guard leaves it out.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from feedback import storage
from feedback.storage import Connection

#: Typed by children from a slip: capitals without the look-alikes 0/O, 1/I/L.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
#: 31⁷ ≈ 27 billion codes: a guesser with a thousand codes to find, at the 15,000 tries a
#: minute of issue #24, finds one in about 30 hours.
LENGTH = 7
#: The most codes one round can be opened with (a sheet of slips per class of a large school).
MAX_CODES = 5000


class CodeRefused(Exception):
    """The code is unknown for this round, or has already been used."""


def new_codes(count: int) -> list[str]:
    """`count` different fresh codes."""
    if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= MAX_CODES:
        raise ValueError(f"a round has from 1 to {MAX_CODES} one-time codes")
    made: set[str] = set()
    while len(made) < count:
        made.add("".join(secrets.choice(ALPHABET) for _ in range(LENGTH)))
    return sorted(made)


def normalise(typed: object) -> str | None:
    """A code as a child may type it (small letters, spaces, a dash) in its stored form, or
    None when it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 3 * LENGTH:
        return None
    code = "".join(typed.split()).replace("-", "").upper()
    return code if len(code) == LENGTH and all(c in ALPHABET for c in code) else None


def add(db: Connection, round_id: int, codes: list[str]) -> None:
    """Store a new round's codes, unused (caller's transaction)."""
    if not codes:
        return
    db.executemany(
        "INSERT INTO answer_codes (round_id, code, used) VALUES (?, ?, 0)",
        [(round_id, code) for code in codes],
    )


def use(db: Connection, round_id: int, typed: object) -> None:
    """Mark the code used in the caller's transaction, the one storing its answer; raises
    `CodeRefused` for an unknown or used code, which rolls that answer back."""
    code = normalise(typed)
    changed = (
        code is not None
        and db.execute(
            "UPDATE answer_codes SET used = 1 WHERE round_id = ? AND code = ? AND used = 0",
            [round_id, code],
        ).rowcount
    )
    if not changed:
        raise CodeRefused("unknown or used code")


def unused(db_path: str | Path, round_id: int) -> list[str]:
    """The round's codes not used yet, in order: what a sheet of slips prints."""
    with storage.reading(db_path) as db:
        rows = db.execute(
            "SELECT code FROM answer_codes WHERE round_id = ? AND used = 0 ORDER BY code",
            [round_id],
        ).fetchall()
    return [code for (code,) in rows]

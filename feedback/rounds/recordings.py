"""A short recording of the question per language, for children who do not read yet: staff
upload it on /rounds for a round whose audience includes the youngest, and both answer pages
play it with a plain `<audio controls>` from `/audio/CODE/LANG`."""

from __future__ import annotations

import base64
from pathlib import Path

from feedback import rounds, storage
from feedback.rounds import Round
from feedback.staff import scope

#: A few seconds of speech are far below this.
MAX_BYTES = 1_000_000
#: The audiences who may not read yet: their rounds offer a recording.
LISTENERS = ("early-childhood", "grades-1-3")


class Refused(ValueError):
    """The file is not a recording this page plays: `problem` is "too_big" or "not_audio"."""

    def __init__(self, problem: str):
        self.problem = problem
        super().__init__(problem)


def offered(round_: Round) -> bool:
    """Whether the round's audience includes children who may not read yet."""
    return any(group in LISTENERS for group in round_.audiences)


def media_type(data: bytes) -> str | None:
    """The recording's type from its first bytes (never from the file's name), or None."""
    if data[:4] == b"OggS":
        return "audio/ogg"
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "audio/wav"
    if data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "audio/mpeg"
    return None


def save(
    db_path: str | Path,
    round_: Round,
    language: str,
    data: bytes,
    *,
    actors: tuple[str, ...] | None = None,
) -> str:
    """Keep `data` as the round's recording in `language` (replacing one there was) and
    return its type; for a user of `actors` only on their own actors' rounds. Raises
    `Refused`, or ValueError for a language the round does not offer."""
    if language not in round_.languages:
        raise ValueError(f"round {round_.code} is not offered in {language!r}")
    if len(data) > MAX_BYTES:
        raise Refused("too_big")
    kind = media_type(data)
    if kind is None:
        raise Refused("not_audio")
    with storage.writing(db_path) as db:
        scope.check_action(db, round_.action_id, actors)
        db.execute(
            "DELETE FROM round_recordings WHERE round_id = ? AND language = ?",
            [round_.id, language],
        )
        db.insert(
            "round_recordings",
            {
                "round_id": round_.id,
                "language": language,
                "media_type": kind,
                "data": base64.b64encode(data).decode("ascii"),
            },
        )
    rounds.changed(db_path, round_.code)
    return kind


def load(db_path: str | Path, code: str, language: str) -> tuple[str, bytes] | None:
    """The type and bytes of a round's recording in `language`, or None."""
    with storage.reading(db_path) as db:
        row = db.execute(
            """SELECT r.media_type, r.data FROM round_recordings r
               JOIN rounds v ON v.id = r.round_id
               WHERE v.code = ? AND r.language = ?""",
            [code, language],
        ).fetchone()
    return (row[0], base64.b64decode(row[1])) if row else None

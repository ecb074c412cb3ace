"""The pace guard: answers that come faster than a round plausibly gets them are flagged.

A token bucket per round (issue #24): a burst the size of a school class answering at once,
then a few a minute. Answers beyond it are stored but flagged, so they are kept and counted
apart and left out of every figure. Nothing about the sender is looked at or kept: the bucket
belongs to the round, not to a device. The buckets live in this process's memory, in a plain
module-level object (not a Streamlit cache, which any visitor can clear); each replica of the
app keeps its own, so with several replicas a round's pace is that many times the setting.
Rounds answered with one-time codes are left out: their codes bound them.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from feedback import settings, storage
from feedback.buckets import TokenBuckets
from feedback.rounds import Round

_pace = TokenBuckets()


def too_fast(db_path: str | Path, round_: Round, *, now: float | None = None) -> bool:
    """Count one answer about to be stored for `round_`: True if it is beyond the round's
    pace (`settings.pace_burst`, `settings.pace_per_minute`) and is to be stored flagged."""
    if round_.uses_codes:
        return False
    return not _pace.take(
        (str(db_path), round_.id),
        burst=settings.pace_burst(),
        per_minute=settings.pace_per_minute(),
        now=time.monotonic() if now is None else now,
    )


@dataclass(frozen=True)
class Flagged:
    """A round with answers flagged as too fast (here or on a kiosk), for staff to see."""

    code: str
    subjects: dict[str, str]
    answers: int


def flagged_rounds(db_path: str | Path, *, actors: tuple[str, ...] | None) -> list[Flagged]:
    """The user's actors' rounds that have flagged answers, the most flagged first; from the
    kept counts, so it costs the same however many answers there are."""
    scope, params = storage.among("a.actor_id", actors)
    with storage.reading(db_path) as db:
        rows = db.execute(
            f"""SELECT v.code, v.subjects, sum(t.n) FROM answer_totals t
                JOIN rounds v ON v.id = t.round_id JOIN actions a ON a.id = v.action_id
                WHERE t.flagged = 1 AND t.question = 0 AND {scope}
                GROUP BY v.code, v.subjects ORDER BY 3 DESC, 1""",
            params,
        ).fetchall()
    return [Flagged(code, json.loads(subjects), int(n)) for code, subjects, n in rows]

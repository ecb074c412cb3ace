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

import threading
import time
from pathlib import Path

from feedback import settings
from feedback.rounds import Round


class RoundPace:
    """A token bucket per round: `burst` answers at once, refilled by `per_minute`."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int], tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: tuple[str, int], *, burst: float, per_minute: float, now: float) -> bool:
        """Count one answer to the round `key` at `now` (seconds, monotonic): True if it is
        within the pace, False if it comes too fast."""
        with self._lock:
            tokens, last = self._buckets.get(key, (burst, now))
            tokens = min(burst, tokens + max(now - last, 0.0) * per_minute / 60)
            within = tokens >= 1
            self._buckets[key] = (tokens - 1 if within else tokens, now)
        return within


_pace = RoundPace()


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

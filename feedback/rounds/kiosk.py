"""Shared-tablet rules that do not depend on the screen: the minimum interval between answers."""

from __future__ import annotations

import threading


class AnswerPace:
    """Remembers when each round last got a kiosk answer, to flag answers that come too fast.

    One per process: a kiosk's browser starts a new session for every child, so the memory
    cannot live in a session. Too-fast answers are kept, flagged, never dropped.
    """

    def __init__(self, *, min_interval: float):
        self.min_interval = min_interval
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def too_fast(self, code: str, *, now: float) -> bool:
        """Record an answer to round `code` at `now` (seconds, monotonic); True if too soon."""
        with self._lock:
            last = self._last.get(code)
            self._last[code] = now
        return last is not None and now - last < self.min_interval

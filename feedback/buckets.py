"""Token buckets held in this process's memory: a burst at once, then a steady refill.

One shape serves two guards: a round's pace of answers (feedback.rounds.pace) and the new
Streamlit sessions a client opens (feedback.ui.websocket_guard). They live in plain objects,
not a Streamlit cache, which any visitor can clear; each replica keeps its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class TokenBuckets:
    """A bucket per key: `burst` takes at once, refilled by `per_minute`. At most `max_kept`
    keys are remembered (the least recently used is forgotten first, as a full bucket), so that
    ever-new keys cannot fill the memory."""

    def __init__(self, *, max_kept: int = 10_000) -> None:
        self._buckets: OrderedDict[Hashable, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_kept = max_kept

    def _tokens(self, key: Hashable, *, burst: float, per_minute: float, now: float) -> float:
        tokens, last = self._buckets.get(key, (burst, now))
        return min(burst, tokens + max(now - last, 0.0) * per_minute / 60)

    def _keep(self, key: Hashable, tokens: float, now: float) -> None:
        self._buckets.pop(key, None)
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self._max_kept:
            self._buckets.popitem(last=False)

    def take(self, key: Hashable, *, burst: float, per_minute: float, now: float) -> bool:
        """Take one token of `key` at `now` (seconds, monotonic): True if there was one."""
        with self._lock:
            tokens = self._tokens(key, burst=burst, per_minute=per_minute, now=now)
            within = tokens >= 1
            self._keep(key, tokens - 1 if within else tokens, now)
        return within

    def wait(self, key: Hashable, *, burst: float, per_minute: float, now: float) -> float:
        """Take one token of `key` at `now`, borrowing it when there is none: how many seconds
        the caller is to wait before going on (zero when there was one). The debt adds up, so
        a key that keeps asking waits longer each time, and never more than it refills."""
        with self._lock:
            tokens = self._tokens(key, burst=burst, per_minute=per_minute, now=now) - 1
            self._keep(key, tokens, now)
        return max(-tokens, 0.0) * 60 / per_minute

    def empty(self, key: Hashable, *, burst: float, per_minute: float, now: float) -> bool:
        """Whether `key` has no token left at `now`, without taking one."""
        with self._lock:
            return self._tokens(key, burst=burst, per_minute=per_minute, now=now) < 1

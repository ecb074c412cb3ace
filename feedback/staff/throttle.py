"""What slows sign-in attempts besides the per-name count in the database: per client address
and per device cookie, held in this process's memory only (never stored), and the small pool
that bcrypt's work waits for, so that a flood of sign-in forms cannot starve the answers.

The per-name count alone let a stranger spray ever-new names unslowed (6 parallel forms kept both
cores busy with bcrypt), and let anyone pause a real user's name; a device that has signed in
before carries a device cookie (OWASP's "device cookies") whose failures are counted apart, so a
stranger's failures never block it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from feedback import settings

#: Failed sign-ins allowed before back-off starts; then 2, 4, 8 … seconds, at most 15 minutes.
FREE_ATTEMPTS = 3
MAX_DELAY = timedelta(minutes=15)
#: Addresses and devices remembered at most; the oldest is forgotten first. A bound, so that a
#: flood of ever-new addresses cannot fill the memory.
MAX_KEPT = 10_000


class Busy(Exception):
    """Too many sign-ins are being checked at once; the person may try again shortly."""


def delay(failures: int) -> timedelta:
    """How long the next attempt waits after `failures` failed ones."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    # The exponent is capped before the power is taken: 2 ** 49 seconds is more days than a
    # timedelta holds, and an OverflowError there refused every later sign-in of the name.
    doublings = min(failures - FREE_ATTEMPTS + 1, int(MAX_DELAY.total_seconds()).bit_length())
    return min(timedelta(seconds=2**doublings), MAX_DELAY)


class Backoff:
    """Failed attempts per key (a client address, a device), with the same back-off as names."""

    def __init__(self, *, max_kept: int = MAX_KEPT):
        self._failures: OrderedDict[str, tuple[int, datetime]] = OrderedDict()
        self._lock = threading.Lock()
        self._max_kept = max_kept

    def wait(self, key: str, *, now: datetime) -> timedelta:
        """How long `key` must still wait before its next attempt (zero: go ahead)."""
        with self._lock:
            kept = self._failures.get(key)
        if kept is None:
            return timedelta(0)
        failures, last = kept
        return max(delay(failures) - max(now - last, timedelta(0)), timedelta(0))

    def fail(self, key: str, *, now: datetime) -> None:
        """Count a failed attempt of `key`."""
        with self._lock:
            failures, _ = self._failures.pop(key, (0, now))
            self._failures[key] = (failures + 1, now)
            while len(self._failures) > self._max_kept:
                self._failures.popitem(last=False)

    def clear(self, key: str) -> None:
        """Forget `key`'s failures (after a right password)."""
        with self._lock:
            self._failures.pop(key, None)


#: Per client address, and per device cookie: one of each for the process.
ADDRESSES = Backoff()
DEVICES = Backoff()
_bcrypt_pool = threading.BoundedSemaphore(settings.bcrypt_workers())
#: How long a sign-in waits for its turn at bcrypt before the person is told to try again.
BCRYPT_WAIT_SECONDS = 20.0


@contextmanager
def bcrypt_turn() -> Iterator[None]:
    """Do bcrypt's work when the pool has room: at most `FEEDBACK_BCRYPT_WORKERS` at once
    (default 1 of the machine's cores), the others wait; `Busy` after `BCRYPT_WAIT_SECONDS`."""
    if not _bcrypt_pool.acquire(timeout=BCRYPT_WAIT_SECONDS):
        raise Busy("sign-in is busy")
    try:
        yield
    finally:
        _bcrypt_pool.release()

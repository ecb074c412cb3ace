"""A memory guard in place of Streamlit's full garbage collection after every rerun.

By default Streamlit runs `gc.collect(2)` after each script run (`runner.postScriptGC`), which
took 85–90 % of a small rerun and capped one process at ~10 answers per second (docs/design.md
§6.10). With it off, reference cycles left by reruns wait for Python's own rare full collections
and the process grows. The guard collects when the process has grown by `growth_mb` since its
last collection, and every `idle_after` seconds while it has grown at all, so memory stays
bounded and returns after a load, without a collection on every answer.
"""

from __future__ import annotations

import gc
import logging
import os
import resource
import threading
import time

log = logging.getLogger(__name__)

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mb() -> float:
    """The process's resident memory now, in MB (the peak where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * _PAGE / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class MemoryGuard:
    """Full collections when the process has grown a lot, or a little for a while."""

    def __init__(self, *, growth_mb: float = 48, interval: float = 1.0, idle_after: float = 10):
        self.growth_mb = growth_mb
        self.interval = interval
        self.idle_after = idle_after
        self.collections = 0
        self._baseline = rss_mb()
        self._last = time.monotonic()
        self._dirty = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check(self, *, now: float | None = None) -> bool:
        """Collect if the process grew past the limit, or is idle with garbage left; True if it
        collected."""
        now = time.monotonic() if now is None else now
        grown = rss_mb() - self._baseline
        if grown > 1:
            self._dirty = True
        if grown < self.growth_mb and not (self._dirty and now - self._last >= self.idle_after):
            return False
        started = time.perf_counter()
        gc.collect()
        self.collections += 1
        self._baseline, self._last, self._dirty = rss_mb(), now, False
        log.debug("memory guard collected in %.0f ms", 1000 * (time.perf_counter() - started))
        return True

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="memory-guard", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.check()

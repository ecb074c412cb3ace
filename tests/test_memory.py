"""The memory guard that replaces Streamlit's collection after every rerun."""

from __future__ import annotations

import gc
import weakref

from feedback import memory


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only a full collection frees it
        # Larger than glibc's largest mmap threshold (32 MB): always fresh pages, so the
        # process grows by it however much freed memory an earlier test left to reuse.
        self.payload = bytearray(40 * 1024 * 1024)


def test_the_guard_collects_cycles_once_the_process_has_grown():
    gc.disable()  # Python's own collections would hide what the guard does
    try:
        guard = memory.MemoryGuard(growth_mb=16, idle_after=3600)
        assert guard.check() is False
        cycles = [Node()]
        watched = weakref.ref(cycles[0])
        del cycles
        assert watched() is not None  # garbage, but still there
        assert guard.check() is True
        assert watched() is None
        assert guard.collections == 1
        assert guard.check() is False
    finally:
        gc.enable()


def test_the_guard_also_collects_after_a_while_when_little_has_grown():
    gc.disable()
    try:
        guard = memory.MemoryGuard(growth_mb=1024, idle_after=10)
        cycles = [Node()]
        watched = weakref.ref(cycles[0])
        del cycles
        assert guard.check(now=guard._last + 1) is False
        assert guard.check(now=guard._last + 11) is True
        assert watched() is None
    finally:
        gc.enable()


def test_the_guard_thread_starts_and_stops():
    guard = memory.MemoryGuard(interval=0.01)
    guard.start()
    guard.stop()
    assert not guard._thread.is_alive()

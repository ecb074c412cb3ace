"""The memory guard that replaces Streamlit's collection after every rerun: it collects once the
process has grown past the setting, or has garbage left for a while."""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

from benchmarks.respondents import run_async
from feedback import memory
from feedback.ui import server


class Node:
    def __init__(self):
        self.me = self  # a reference cycle: only a full collection frees it
        # Larger than glibc's largest mmap threshold (32 MB): always fresh pages, so the
        # process grows by it however much freed memory an earlier test left to reuse.
        self.payload = bytearray(40 * 1024 * 1024)


def in_a_fresh_process(name: str) -> None:
    """Run this module's function `name` in an interpreter of its own. The guard reads the
    process's memory, and in a test worker another test's thread may free memory while the
    test grows it, so that the process reads as not grown (that failed so under load)."""
    done = subprocess.run(
        [sys.executable, "-c", f"from tests.test_memory import {name}; {name}()"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr


def guard_collects_cycles_once_grown() -> None:
    gc.disable()  # Python's own collections would hide what the guard does
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


def test_the_guard_collects_cycles_once_the_process_has_grown():
    in_a_fresh_process("guard_collects_cycles_once_grown")


def test_the_guard_also_collects_after_a_while_when_little_has_grown(monkeypatch):
    # The process "grows" by 2 MB, as told: what is tested here is the waiting, and another
    # test's thread in the same worker may free memory meanwhile (the real growth is measured
    # by the test above), which made the real figure read "not grown" now and then.
    sizes = iter([100.0, *[102.0] * 10])
    monkeypatch.setattr(memory, "rss_mb", lambda: next(sizes))
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


def servers_guard_collects_once_grown() -> None:
    os.environ["FEEDBACK_MEMORY_GROWTH_MB"] = "16"

    async def serve() -> bool:
        async with server.lifespan(None):
            cycles = [Node()]  # 40 MB: past the setting
            watched = weakref.ref(cycles[0])
            del cycles
            # The guard looks once a second; its collection of an idle process comes after 10 s.
            deadline = time.monotonic() + 5
            while watched() is not None and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            return watched() is None

    gc.disable()
    assert run_async(serve)
    assert "memory-guard" not in {thread.name for thread in threading.enumerate()}


def test_the_servers_guard_collects_once_the_process_grows_past_the_setting():
    """The guard the server starts, with the process's setting, in its own thread: what the
    server's process sees is the garbage gone soon after it grew, and no guard once it stops."""
    in_a_fresh_process("servers_guard_collects_once_grown")

"""The app server around Streamlit: the answer page's route, the middleware, the memory guard."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from feedback.ui import answer_page, delivery, server, session_cookie


def guard_running() -> bool:
    return "memory-guard" in {thread.name for thread in threading.enumerate()}


def test_the_memory_guard_runs_while_the_server_is_up():
    async def serve():
        async with server.lifespan(None):
            assert guard_running()

    # In its own thread: the browser tests' Playwright keeps an event loop in the main one.
    with ThreadPoolExecutor(1) as thread:
        thread.submit(lambda: asyncio.run(serve())).result()
    assert not guard_running()


def test_the_server_mounts_the_answer_page_and_the_session_cookie_and_wraps_every_reply():
    assert [route.path for route in server.routes()] == [
        answer_page.PATH,
        session_cookie.OPEN,
        session_cookie.CLOSE,
    ]
    assert [m.cls for m in server.middleware()] == [delivery.SecurityHeaders, delivery.CompressOnce]

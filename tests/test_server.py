"""The app server around Streamlit: the answer page's route, the middleware, the memory guard."""

from __future__ import annotations

import socket
import threading

from feedback.rounds import kiosk, respondent
from feedback.ui import (
    answer_page,
    bodies,
    delivery,
    media_guard,
    provider_trip,
    server,
    session_cookie,
    websocket_guard,
)
from tests.support.browser import run_async


def guard_running() -> bool:
    return "memory-guard" in {thread.name for thread in threading.enumerate()}


def test_the_memory_guard_runs_while_the_server_is_up():
    async def serve():
        async with server.lifespan(None):
            assert guard_running()

    run_async(serve())
    assert not guard_running()


def test_the_server_mounts_the_answer_page_recordings_cookies_and_wraps_every_reply():
    assert [route.path for route in server.routes()] == [
        answer_page.PATH,
        respondent.RECORDING_PATH,
        session_cookie.OPEN,
        session_cookie.CLOSE,
        session_cookie.SSO_START,
        kiosk.ENROL_PATH,
    ]
    assert [m.cls for m in server.middleware()] == [
        delivery.SecurityHeaders,
        delivery.ClosedPaths,
        media_guard.StaffMedia,
        bodies.BoundedBodies,
        delivery.CompressOnce,
        provider_trip.ProviderReturn,
        websocket_guard.WebsocketGuard,
    ]


def test_connections_to_the_server_send_replies_without_waiting_for_acknowledgements():
    # Bound as Streamlit binds its socket: its protocol number reads 0, so asyncio leaves
    # Nagle's algorithm on for the connections it accepts.
    listening = socket.socket(socket.AF_INET)
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    other = socket.socket(socket.AF_INET)  # not listening: left alone
    try:
        assert server.send_without_delay() >= 1
        with socket.create_connection(listening.getsockname()):
            accepted, _ = listening.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        assert not other.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        listening.close()
        other.close()

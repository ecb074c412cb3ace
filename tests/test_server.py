"""The app server around Streamlit: its routes answer as a browser needs, through its
middleware; the memory guard is in test_memory.py."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback.rounds import kiosk, respondent
from feedback.staff import auth
from feedback.ui import (
    bodies,
    delivery,
    media_guard,
    provider_trip,
    server,
    session_cookie,
    websocket_guard,
)
from tests.support.rounds import SUBJECTS
from tests.support.users import signed_in


@pytest.fixture
def client(app_env):
    """The server's own routes and middleware, as `streamlit run app.py` mounts them."""
    app = Starlette(routes=server.routes(), middleware=server.middleware())
    with TestClient(app, follow_redirects=False) as client:
        yield client


#: What a browser sends with a form from one of the app's own pages.
SAME_SITE = {"sec-fetch-site": "same-origin"}


def test_the_answer_page_and_the_recordings_answer_a_phone(client, round_):
    page = client.get(f"/answer/{round_.code}?lang=en", headers={"accept-encoding": "gzip"})
    assert page.status_code == 200
    assert SUBJECTS["en"] in page.text
    # Compressed, and the security headers on the compressed reply too.
    assert page.headers["content-encoding"] == "gzip"
    assert page.headers["x-content-type-options"] == "nosniff"
    missing = client.get(respondent.RECORDING_PATH.format(code=round_.code, lang="fi"))
    assert (missing.status_code, missing.text) == (404, "not found")


def test_the_session_routes_set_and_clear_the_cookie_and_send_the_browser_on(client, app_env):
    session_id = signed_in(app_env, "admin", role=auth.Role.ADMIN)
    token = auth.handoff_token(session_id, key=auth.cookie_key())
    opened = client.post(
        session_cookie.OPEN, data={"token": token, "language": "sv"}, headers=SAME_SITE
    )
    assert (opened.status_code, opened.headers["location"]) == (303, "/overview?lang=sv")
    cookie = opened.cookies[auth.COOKIE_NAME]
    # The cookie names a live session of the admin (a new one: the handover rotates it).
    in_cookie = auth.session_from_cookie(cookie, key=auth.cookie_key())
    assert auth.session_user(app_env, in_cookie).username == "admin"
    closed = client.post(session_cookie.CLOSE, data={"language": "sv"}, headers=SAME_SITE)
    assert closed.headers["location"] == "/login?lang=sv&signed_out=1"
    assert f'{auth.COOKIE_NAME}=""; expires=' in closed.headers["set-cookie"]
    started = client.post(session_cookie.SSO_START, data={"language": "en"}, headers=SAME_SITE)
    assert started.headers["location"] == "/login?lang=en&sso=start"
    # A form from another site gets nothing.
    stranger = client.post(
        session_cookie.OPEN, data={"token": token}, headers={"sec-fetch-site": "cross-site"}
    )
    assert (stranger.status_code, stranger.cookies) == (403, {})


def test_the_kiosk_link_makes_the_browser_a_kiosk_once(client, app_env, round_):
    made = kiosk.enrol(
        app_env, round_.code, label="Tabletti", enrolled_by="staff", key=auth.cookie_key()
    )
    link = f"{kiosk.ENROL_PATH}?{urlsplit(made.link).query}"
    enrolled = client.get(link)
    assert (enrolled.status_code, enrolled.headers["location"]) == (303, "/respond?s=testcase")
    assert kiosk.COOKIE_NAME in enrolled.cookies
    again = client.get(link)
    assert again.status_code == 403
    assert kiosk.COOKIE_NAME not in again.cookies


def test_every_reply_goes_through_the_middleware_outermost_first():
    assert [m.cls for m in server.middleware()] == [
        delivery.SecurityHeaders,
        delivery.ClosedPaths,
        media_guard.StaffFiles,
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

"""The server's side of the session cookie: set only for a live session's handoff note from
this site, always HttpOnly and SameSite=Strict, then on to a page of this app only; cleared on
sign-out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import jwt
import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback.staff import auth
from feedback.ui import session_cookie
from tests.support.users import signed_in


@pytest.fixture
def client(app_env):
    with TestClient(Starlette(routes=session_cookie.routes())) as client:
        yield client


def opened(client, token: str, *, next_page: str | None = None, **headers):
    return client.post(
        session_cookie.OPEN,
        data={
            "token": token,
            session_cookie.LANGUAGE_FIELD: "sv",
            **({"next": next_page} if next_page else {}),
        },
        headers={"sec-fetch-site": "same-origin", **headers},
        follow_redirects=False,
    )


def test_a_live_sessions_note_gets_an_httponly_strict_cookie_and_goes_on_to_the_dashboard(
    client, app_env
):
    session_id = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    reply = opened(client, auth.handoff_token(session_id, key=auth.cookie_key()))
    assert reply.status_code == 303
    assert reply.headers["location"] == "/overview?lang=sv"
    header = reply.headers["set-cookie"]
    assert header.startswith(f"{auth.COOKIE_NAME}=")
    assert "HttpOnly" in header and "SameSite=strict" in header and "Path=/" in header
    assert f"Max-Age={auth.SESSION_DAYS * 24 * 3600}" in header
    assert "Secure" not in header, "plain http on loopback"
    cookie_session = auth.session_from_cookie(
        reply.cookies[auth.COOKIE_NAME], key=auth.cookie_key()
    )
    # The note's session is exchanged for a new one of the same user: the note is spent.
    assert cookie_session != session_id
    assert auth.session_user(app_env, cookie_session).username == "anna"
    assert auth.session_user(app_env, session_id) is None
    device = reply.cookies[auth.DEVICE_COOKIE_NAME]
    assert auth.device_of(device, "anna") is not None


def test_a_note_posted_again_sets_no_second_cookie(client, app_env):
    session_id = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    note = auth.handoff_token(session_id, key=auth.cookie_key())
    first = opened(client, note)
    replays = [opened(client, note) for _ in range(19)]
    assert auth.COOKIE_NAME in first.cookies
    assert all(auth.COOKIE_NAME not in reply.cookies for reply in replays)
    assert all(reply.headers["location"].startswith("/login?") for reply in replays)


def test_the_cookie_is_secure_behind_an_https_proxy(client, app_env):
    session_id = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    note = auth.handoff_token(session_id, key=auth.cookie_key())
    reply = opened(client, note, **{"x-forwarded-proto": "https"})
    assert "Secure" in reply.headers["set-cookie"]


def test_no_cookie_for_a_revoked_session_a_cookie_token_an_old_note_or_another_site(
    client, app_env
):
    key = auth.cookie_key()
    revoked = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    auth.logout(app_env, revoked)
    live = auth.login(app_env, "anna", "correct horse battery staple")
    old = jwt.encode(
        {"sid": live, "use": "handoff", "exp": datetime.now(UTC) - timedelta(seconds=1)},
        key,
        algorithm="HS256",
    )
    for reply in (
        opened(client, auth.handoff_token(revoked, key=key)),
        opened(client, auth.cookie_token(live, key=key)),  # a cookie is not a note
        opened(client, old),
        opened(client, auth.handoff_token(live, key="another installation's key " * 2)),
        opened(client, "garbage"),
    ):
        assert reply.status_code == 303
        assert "set-cookie" not in reply.headers
    refused = opened(client, auth.handoff_token(live, key=key), **{"sec-fetch-site": "cross-site"})
    assert refused.status_code == 403 and "set-cookie" not in refused.headers


@pytest.mark.parametrize(
    ("sent", "location"),
    [
        ("/rounds", "/rounds?lang=sv"),
        ("/results?s=abc&lang=fi", "/results?lang=sv&s=abc"),
        ("https://evil.example/", "/overview?lang=sv"),
        ("//evil.example/overview", "/overview?lang=sv"),
        ("/\\evil.example", "/overview?lang=sv"),
        ("javascript:alert(1)", "/overview?lang=sv"),
        ("/login", "/overview?lang=sv"),
        ("/session/close", "/overview?lang=sv"),
        ("/%2F%2Fevil.example", "/overview?lang=sv"),
    ],
)
def test_the_browser_goes_on_to_where_it_was_going_if_that_is_a_page_of_this_app(
    client, app_env, sent, location
):
    session_id = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    reply = opened(client, auth.handoff_token(session_id, key=auth.cookie_key()), next_page=sent)
    assert reply.headers["location"] == location
    assert auth.COOKIE_NAME in reply.cookies


def test_a_youth_council_member_goes_on_to_the_council_page(client, app_env):
    session_id = signed_in(app_env, "aino", role=auth.Role.COUNCIL)
    reply = opened(client, auth.handoff_token(session_id, key=auth.cookie_key()))
    assert reply.headers["location"] == "/council?lang=sv"


def test_no_cookie_names_a_session_whose_one_time_password_is_still_to_be_replaced(client, app_env):
    one_time = auth.add_user(app_env, "uusi", role=auth.Role.ADMIN)
    session_id = auth.login(app_env, "uusi", one_time)
    note = auth.handoff_token(session_id, key=auth.cookie_key())
    reply = opened(client, note, next_page="/rounds")
    assert reply.status_code == 303
    assert reply.headers["location"] == "/login?lang=sv&next=%2Frounds"
    assert "set-cookie" not in reply.headers


def test_a_handoff_note_is_never_taken_for_a_cookie(app_env):
    session_id = signed_in(app_env, "anna", role=auth.Role.ADMIN)
    note = auth.handoff_token(session_id, key=auth.cookie_key())
    assert auth.session_from_cookie(note, key=auth.cookie_key()) is None
    assert auth.session_from_handoff(note, key=auth.cookie_key()) == session_id


def test_signing_out_clears_the_cookie_and_says_so_on_the_sign_in_page(client):
    reply = client.post(
        session_cookie.CLOSE,
        data={session_cookie.LANGUAGE_FIELD: "en"},
        headers={"sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/login?lang=en&signed_out=1"
    header = reply.headers["set-cookie"]
    assert header.startswith(f'{auth.COOKIE_NAME}=""') and "Max-Age=0" in header


def test_the_handover_form_escapes_what_it_carries():
    form = session_cookie.handover_form(
        action=session_cookie.OPEN,
        lang='fi"><script>x()</script>',
        button="<b>Jatka</b>",
        next_page='/rounds?s="><script>y()</script>',
    )
    assert "<script>x()" not in form and "&lt;b&gt;Jatka&lt;/b&gt;" in form
    assert "<script>y()" not in form
    assert form.count("<script>") == 1

"""The way through the identity provider and back (feedback.ui.provider_trip): the server notes
the language and the next page before the browser leaves, and Streamlit's callback then leads to
the sign-in page with them instead of to the front page."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import RedirectResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from feedback.ui import provider_trip, session_cookie

SAME_SITE = {"sec-fetch-site": "same-origin"}


async def streamlit_callback(_request):
    """As Streamlit's /oauth2callback answers: to the front page."""
    return RedirectResponse("/", status_code=302)


@pytest.fixture
def client(app_env):
    routes = [*session_cookie.routes(), Route(provider_trip.CALLBACK, streamlit_callback)]
    app = Starlette(routes=routes, middleware=[Middleware(provider_trip.ProviderReturn)])
    with TestClient(app) as client:
        yield client


def test_starting_single_sign_on_notes_the_language_and_next_page_for_the_way_back(client):
    reply = client.post(
        session_cookie.SSO_START,
        data={session_cookie.LANGUAGE_FIELD: "sv", "next": "/rounds?plan=kymenlaakso"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert reply.status_code == 303
    assert reply.headers["location"] == "/login?lang=sv&sso=start"
    header = reply.headers["set-cookie"]
    assert header.startswith(f"{provider_trip.COOKIE_NAME}=")
    assert "HttpOnly" in header and "SameSite=lax" in header
    back = client.get(provider_trip.CALLBACK, follow_redirects=False)
    assert back.headers["location"] == "/login?lang=sv&next=%2Frounds%3Fplan%3Dkymenlaakso"
    assert f"{provider_trip.COOKIE_NAME}=; Max-Age=0" in back.headers["set-cookie"]


def test_another_sites_next_page_and_form_are_refused(client):
    reply = client.post(
        session_cookie.SSO_START,
        data={session_cookie.LANGUAGE_FIELD: "en", "next": "https://evil.example/"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert client.get(provider_trip.CALLBACK, follow_redirects=False).headers["location"] == (
        "/login?lang=en"
    )
    assert reply.status_code == 303
    refused = client.post(
        session_cookie.SSO_START,
        data={session_cookie.LANGUAGE_FIELD: "en"},
        headers={"sec-fetch-site": "cross-site"},
        follow_redirects=False,
    )
    assert refused.status_code == 403


def test_without_a_note_or_with_a_forged_one_the_way_back_is_the_plain_sign_in_page(client):
    assert client.get(provider_trip.CALLBACK, follow_redirects=False).headers["location"] == (
        "/login?lang=fi"
    )
    client.cookies.set(provider_trip.COOKIE_NAME, "forged.note.value")
    assert client.get(provider_trip.CALLBACK, follow_redirects=False).headers["location"] == (
        "/login?lang=fi"
    )


def test_signing_out_of_single_sign_on_goes_through_st_logout_and_back_signed_out(client):
    reply = client.post(
        session_cookie.CLOSE_WITH_PROVIDER,
        data={session_cookie.LANGUAGE_FIELD: "en"},
        headers=SAME_SITE,
        follow_redirects=False,
    )
    assert reply.headers["location"] == "/login?lang=en&sso=end"
    cookies = reply.headers.get_list("set-cookie")
    assert any(c.startswith('feedback_session=""') and "Max-Age=0" in c for c in cookies)
    back = client.get(provider_trip.CALLBACK, follow_redirects=False)
    assert back.headers["location"] == "/login?lang=en&signed_out=1"

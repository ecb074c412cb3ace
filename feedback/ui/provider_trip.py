"""The way back from the identity provider (single sign-on), in the person's language and on to
the page they were going to.

Streamlit's `/oauth2callback` always sends the browser to the front page `/`, and the language
and the `next` page of the sign-in page are lost on the way through the provider: a page's
session does not outlive the trip. So before the browser leaves for the provider (to sign in,
`/sso/start`; to sign out, `/session/close` and then `st.logout`), the server notes them in a
short-lived signed cookie, and `ProviderReturn` sends the browser from the callback to the
sign-in page with them instead of to the front page, clearing the note. The sign-in page then
finishes the sign-in: claims to role (feedback.staff.sso), session, cookie, exactly as after a
password.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import jwt
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback import i18n
from feedback.staff import auth

#: Streamlit's own routes (streamlit/web/server/starlette/starlette_auth_routes.py).
CALLBACK = "/oauth2callback"
COOKIE_NAME = "feedback_sso_return"
#: Time enough to sign in at the provider, and no more.
LIFETIME = timedelta(minutes=15)
SIGN_IN_PAGE = "/login"


def remember(response, *, lang: str, next_page: str | None, signed_out: bool, secure: bool) -> None:
    """Note on `response` where the way back from the provider leads. SameSite=Lax: the way
    back is a navigation from the provider's site, on which a Strict cookie is not sent."""
    note = {"use": "sso-return", "lang": lang, "signed_out": signed_out}
    if next_page:
        note["next"] = next_page
    token = jwt.encode(
        {**note, "exp": datetime.now(UTC) + LIFETIME}, auth.cookie_key(), algorithm="HS256"
    )
    response.set_cookie(
        COOKIE_NAME,
        token,
        max_age=int(LIFETIME.total_seconds()),
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


def way_back(token: str | None) -> str:
    """The sign-in page, with the language, `next` and sign-out note of a valid note (the
    note was made from checked values by `remember`); the page alone without one."""
    note = _note(token)
    lang = i18n.normalise_language(note.get("lang")) or i18n.DEFAULT_LANGUAGE
    query = [("lang", lang)]
    if isinstance(note.get("next"), str):
        query.append(("next", note["next"]))
    if note.get("signed_out") is True:
        query.append(("signed_out", "1"))
    return f"{SIGN_IN_PAGE}?{urlencode(query)}"


def _note(token: str | None) -> dict:
    if not token:
        return {}
    try:
        note = jwt.decode(token, auth.cookie_key(), algorithms=["HS256"])
    except (jwt.PyJWTError, auth.AuthError):
        return {}
    return note if note.get("use") == "sso-return" else {}


class ProviderReturn:
    """Sends the browser from Streamlit's callback to the sign-in page (see the module's
    docstring) and clears the note; every other request passes untouched."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != CALLBACK:
            await self.app(scope, receive, send)
            return
        token = HTTPConnection(scope).cookies.get(COOKIE_NAME)

        async def to_sign_in_page(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (302, 303, 307):
                headers = MutableHeaders(scope=message)
                if headers.get("location") == "/":
                    headers["location"] = way_back(token)
                    headers.append(
                        "set-cookie",
                        f"{COOKIE_NAME}=; Max-Age=0; Path=/; HttpOnly; SameSite=lax",
                    )
            await send(message)

        await self.app(scope, receive, to_sign_in_page)

"""The session cookie, set and cleared by the server: HttpOnly and SameSite=Strict.

Streamlit can set a cookie only from a script, and such a cookie can be read by any script on
the page. So a page that has just signed someone in hands a short-lived signed note
(`auth.handoff_token`) to `/session/open` in a form; the server answers with the cookie and
sends the browser back to the sign-in page, now signed in. Signing out revokes the session in
the database first, then `/session/close` clears the cookie. The cookie only ever names a
server-side session (feedback.auth).
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from feedback import auth, i18n, settings
from feedback.ui import forms

OPEN = "/session/open"
CLOSE = "/session/close"
SIGN_IN_PAGE = "/login"
_FORM_ID = "session-handover"
#: Not `lang`: Streamlit's HTML sanitiser drops a field whose name is a property of a form
#: element (`form.lang`), and the browser then came back in Finnish whatever the language.
LANGUAGE_FIELD = "language"


def routes() -> list[Route]:
    return [
        Route(OPEN, open_session, methods=["POST"]),
        Route(CLOSE, close_session, methods=["POST"]),
    ]


async def open_session(request: Request) -> Response:
    """Set the cookie of the session that the handoff note names, if it is live."""
    form = await forms.read_small(request, max_bytes=4096, max_fields=4)
    if form is None or _from_another_site(request):
        return PlainTextResponse("Forbidden", status_code=403)
    key = auth.cookie_key()
    session_id = auth.session_from_handoff(str(form.get("token") or ""), key=key)
    live = session_id and await run_in_threadpool(auth.session_user, settings.store(), session_id)
    response = _back(form.get(LANGUAGE_FIELD))
    if live:
        response.set_cookie(
            auth.COOKIE_NAME,
            auth.cookie_token(session_id, key=key),
            max_age=auth.SESSION_DAYS * 24 * 3600,
            path="/",
            secure=_secure(request),
            httponly=True,
            samesite="strict",
        )
    return response


async def close_session(request: Request) -> Response:
    """Clear the cookie (its session was revoked before the page sent the browser here)."""
    form = await forms.read_small(request, max_bytes=1024, max_fields=4)
    if form is None or _from_another_site(request):
        return PlainTextResponse("Forbidden", status_code=403)
    response = _back(form.get(LANGUAGE_FIELD), signed_out=True)
    response.delete_cookie(
        auth.COOKIE_NAME, path="/", secure=_secure(request), httponly=True, samesite="strict"
    )
    return response


def handover_form(*, action: str, lang: str, button: str, token: str = "") -> str:
    """A form that takes the browser to `action` at once (the script) or at a press (without
    one): the page's part of setting or clearing the cookie. Every value is escaped."""
    fields = {LANGUAGE_FIELD: lang, **({"token": token} if token else {})}
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value, quote=True)}">'
        for name, value in fields.items()
    )
    return (
        f'<form method="post" action="{action}" id="{_FORM_ID}">{hidden}'
        f'<button type="submit">{html.escape(button)}</button></form>'
        f'<script>document.getElementById("{_FORM_ID}").submit()</script>'
    )


def _back(lang: object, *, signed_out: bool = False) -> RedirectResponse:
    query = {"lang": i18n.normalise_language(lang) or i18n.DEFAULT_LANGUAGE}
    if signed_out:
        query["signed_out"] = "1"
    return RedirectResponse(f"{SIGN_IN_PAGE}?{urlencode(query)}", status_code=303)


def _from_another_site(request: Request) -> bool:
    """A form sent from another site's page (browsers say so in Sec-Fetch-Site): refused, so
    that nobody can sign a visitor in to an account of theirs."""
    return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")


def _secure(request: Request) -> bool:
    """Mark the cookie Secure when the app is reached over HTTPS (directly or via a proxy)."""
    return (
        request.url.scheme == "https"
        or request.headers.get("x-forwarded-proto") == "https"
        or settings.base_url().startswith("https://")
    )

"""The session cookie, set and cleared by the server: HttpOnly and SameSite=Strict.

Streamlit can set a cookie only from a script, and such a cookie can be read by any script on
the page. So a page that has just signed someone in hands a short-lived signed note
(`auth.handoff_token`) to `/session/open` in a form; the server answers with the cookie and
sends the browser straight on to the page the person was going to (`next`, a page of this app
only) or to their dashboard. Signing out revokes the session in the database first, then
`/session/close` clears the cookie. The cookie only ever names a server-side session
(feedback.staff.auth), and never one whose one-time password is still to be replaced.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from feedback import i18n, settings
from feedback.staff import auth
from feedback.ui import forms, provider_trip

OPEN = "/session/open"
CLOSE = "/session/close"
#: Signing out of a single sign-on session: the provider's identity cookie ends too.
CLOSE_WITH_PROVIDER = "/session/close?provider=1"
SSO_START = "/sso/start"
SIGN_IN_PAGE = "/login"
DASHBOARD = "/overview"
COUNCIL_PAGE = "/council"
_FORM_ID = "session-handover"
#: Not `lang`: Streamlit's HTML sanitiser drops a field whose name is a property of a form
#: element (`form.lang`), and the browser then came back in Finnish whatever the language.
LANGUAGE_FIELD = "language"
#: A page of this app: one path segment of lower-case letters, digits, `_` and `-` (so no
#: scheme, host, `//` or backslash can take the browser elsewhere).
_PAGE_PATH = re.compile(r"/[a-z][a-z0-9_-]*")
_LONGEST_NEXT = 512


def routes() -> list[Route]:
    return [
        Route(OPEN, open_session, methods=["POST"]),
        Route(CLOSE, close_session, methods=["POST"]),
        Route(SSO_START, start_single_sign_on, methods=["POST"]),
    ]


async def open_session(request: Request) -> Response:
    """Set the cookie of the session that the handoff note names, if it is live."""
    form = await forms.read_small(request, max_bytes=4096, max_fields=4)
    if form is None or forms.from_another_site(request):
        return PlainTextResponse("Forbidden", status_code=403)
    key = auth.cookie_key()
    redeemed = await run_in_threadpool(
        auth.redeem_handoff, settings.store(), str(form.get("token") or ""), key=key
    )
    if redeemed is None:
        return _back(form.get(LANGUAGE_FIELD), next_page=local_page(form.get("next")))
    session_id, user = redeemed
    response = _onward(form.get(LANGUAGE_FIELD), user, form.get("next"))
    response.set_cookie(
        auth.COOKIE_NAME,
        auth.cookie_token(session_id, key=key),
        max_age=auth.SESSION_DAYS * 24 * 3600,
        path="/",
        secure=secure(request),
        httponly=True,
        samesite="strict",
    )
    # This browser has now signed in as the user: its later attempts are slowed only by its
    # own failures, never by a stranger's (feedback.staff.throttle). Kept at sign-out.
    response.set_cookie(
        auth.DEVICE_COOKIE_NAME,
        auth.device_token(user.username, key=key),
        max_age=auth.DEVICE_DAYS * 24 * 3600,
        path="/",
        secure=secure(request),
        httponly=True,
        samesite="strict",
    )
    return response


async def close_session(request: Request) -> Response:
    """Clear the cookie (its session was revoked before the page sent the browser here). A
    single sign-on user goes on through `st.logout` on the sign-in page, which ends Streamlit's
    identity cookie and the provider's session, and comes back there (provider_trip)."""
    form = await forms.read_small(request, max_bytes=1024, max_fields=4)
    if form is None or forms.from_another_site(request):
        return PlainTextResponse("Forbidden", status_code=403)
    if request.query_params.get("provider") == "1":
        # Not straight to Streamlit's /auth/logout: it redirects to the provider, and the
        # page's CSP (form-action 'self') stops a form's redirect to another site. The
        # sign-in page calls st.logout instead, a navigation of its own.
        lang = i18n.normalise_language(form.get(LANGUAGE_FIELD)) or i18n.DEFAULT_LANGUAGE
        response: Response = _redirect(SIGN_IN_PAGE, lang, sso="end")
        provider_trip.remember(
            response, lang=lang, next_page=None, signed_out=True, secure=secure(request)
        )
    else:
        response = _back(form.get(LANGUAGE_FIELD), signed_out=True)
    response.delete_cookie(
        auth.COOKIE_NAME, path="/", secure=secure(request), httponly=True, samesite="strict"
    )
    return response


async def start_single_sign_on(request: Request) -> Response:
    """Note the language and `next` page for the way back (provider_trip), then on to the
    sign-in page, which sends the browser to the provider with `st.login`."""
    form = await forms.read_small(request, max_bytes=2048, max_fields=4)
    if form is None or forms.from_another_site(request):
        return PlainTextResponse("Forbidden", status_code=403)
    lang = i18n.normalise_language(form.get(LANGUAGE_FIELD)) or i18n.DEFAULT_LANGUAGE
    response = _redirect(SIGN_IN_PAGE, lang, sso="start")
    provider_trip.remember(
        response,
        lang=lang,
        next_page=local_page(form.get("next")),
        signed_out=False,
        secure=secure(request),
    )
    return response


def handover_form(
    *, action: str, lang: str, button: str, token: str = "", next_page: str | None = None
) -> str:
    """A form that takes the browser to `action` at once (the script) or at a press (without
    one): the page's part of setting or clearing the cookie. Every value is escaped."""
    fields = {LANGUAGE_FIELD: lang, **({"token": token} if token else {})}
    if next_page:
        fields["next"] = next_page
    hidden = "".join(
        f'<input type="hidden" name="{name}" value="{html.escape(value, quote=True)}">'
        for name, value in fields.items()
    )
    return (
        f'<form method="post" action="{action}" id="{_FORM_ID}">{hidden}'
        f'<button type="submit">{html.escape(button)}</button></form>'
        f'<script>document.getElementById("{_FORM_ID}").submit()</script>'
    )


def local_page(target: object) -> str | None:
    """`target` if it is a page of this app other than the sign-in page, as a path with its
    query (without `lang`, which the server adds); None for anything else, such as another
    site's address, so that no link can send a person who signs in away from this app."""
    if not isinstance(target, str) or len(target) > _LONGEST_NEXT:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not _PAGE_PATH.fullmatch(parts.path):
        return None
    if parts.path == SIGN_IN_PAGE:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "lang"])
    return f"{parts.path}?{query}" if query else parts.path


def _onward(lang: object, user: auth.User, target: object) -> RedirectResponse:
    """To the page the person was going to, else to their dashboard, in their language."""
    default = COUNCIL_PAGE if user.role is auth.Role.COUNCIL else DASHBOARD
    return _redirect(local_page(target) or default, lang)


def _back(
    lang: object, *, signed_out: bool = False, next_page: str | None = None
) -> RedirectResponse:
    query = {}
    if signed_out:
        query["signed_out"] = "1"
    if next_page:
        query["next"] = next_page
    return _redirect(SIGN_IN_PAGE, lang, **query)


def _redirect(page: str, lang: object, **query: str) -> RedirectResponse:
    path, _, kept = page.partition("?")
    chosen = i18n.normalise_language(lang) or i18n.DEFAULT_LANGUAGE
    pairs = [("lang", chosen), *parse_qsl(kept), *query.items()]
    return RedirectResponse(f"{path}?{urlencode(pairs)}", status_code=303)


def secure(request: Request) -> bool:
    """Mark the cookie Secure when the app is reached over HTTPS (directly or via a proxy)."""
    return (
        request.url.scheme == "https"
        or request.headers.get("x-forwarded-proto") == "https"
        or settings.base_url().startswith("https://")
    )

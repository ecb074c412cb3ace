"""Staff downloads only for a signed-in browser: Streamlit serves the files of
`st.download_button` at `/media/<hash of the content>`, to anyone who asks, for as long as the
session that made them lives (minutes after its tab has closed), and the same export has the
same address in every session. No respondent page uses `/media/`, so each request for it must
carry the cookie of a live staff session, checked in the store each time (a signed-out or
disabled user's copy of the cookie opens nothing), and the reply is never kept by a cache.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback import settings
from feedback.staff import auth

PREFIX = "/media/"


class StaffMedia:
    """403 for `/media/…` without a live session's cookie; `Cache-Control: no-store` on the
    files it lets through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        if not await run_in_threadpool(_signed_in, HTTPConnection(scope).cookies):
            await PlainTextResponse("Forbidden", status_code=403)(scope, receive, send)
            return

        async def not_kept(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, not_kept)


def _signed_in(cookies: dict[str, str]) -> bool:
    try:
        key = auth.cookie_key()
    except auth.NotConfigured:
        return False
    session_id = auth.session_from_cookie(cookies.get(auth.COOKIE_NAME), key=key)
    user = auth.session_user(settings.store(), session_id)
    return user is not None and not user.must_change_password

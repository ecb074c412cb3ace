"""Streamlit's file routes only for a signed-in browser.

Downloads: Streamlit serves the files of `st.download_button` at `/media/<hash of the
content>`, to anyone who asks, for as long as the session that made them lives (minutes after
its tab has closed), and the same export has the same address in every session.

Uploads: `/_stcore/upload_file/<session>/<file>` keeps any file put there in the server's
memory for as long as the session lives, whether or not the session's page has an uploader;
Streamlit checks only that the session exists and that the XSRF header matches its cookie,
both of which a stranger makes. 100 files of 1.9 MB from one stranger's session on the
respondent page grew the process from 78 to 372 MB.

No respondent page downloads or uploads a file, so each request for these routes must carry
the cookie of a live staff session, checked in the store each time (a signed-out or disabled
user's copy of the cookie opens nothing), and a reply is never kept by a cache.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback import settings
from feedback.staff import auth

#: The routes of Streamlit's file downloads and uploads.
PREFIXES = ("/media/", "/_stcore/upload_file/")


class StaffFiles:
    """403 for a file route without a live session's cookie; `Cache-Control: no-store` on
    what it lets through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(PREFIXES):
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

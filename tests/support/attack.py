"""The attacked server (tests/security): its address, store and log, a plain HTTP client
that keeps no cookies and follows no redirect, and a staff browser signed in through it."""

from __future__ import annotations

import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from feedback import storage
from feedback.staff import auth
from feedback.ui import session_cookie
from tests.support.users import signed_in

BODY_SECONDS = 3


@dataclass(frozen=True)
class Target:
    """The attacked server: its address, its store, its log and its process id."""

    url: str
    db_path: Path
    log_path: Path
    secrets_path: Path
    pid: int

    @property
    def cookie_key(self) -> str:
        """The server's own cookie key (a test's settings may point at secrets of their own)."""
        return tomllib.loads(self.secrets_path.read_text(encoding="utf-8"))["cookie_key"]


@dataclass(frozen=True)
class Reply:
    status: int
    body: str
    headers: dict[str, str]
    #: Every cookie the reply sets, by name (a dict of the headers keeps only one Set-Cookie).
    cookies: dict[str, str]


def request(
    url: str,
    *,
    data: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
    method: str | None = None,
) -> Reply:
    """One HTTP request as a plain client sends it (no cookies kept, redirects not followed)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    sent = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        reply = opener.open(sent, timeout=timeout)
    except urllib.error.HTTPError as error:
        reply = error
    with reply:
        body = reply.read().decode("utf-8", "replace")
        cookies = {}
        for header in reply.headers.get_all("Set-Cookie") or []:
            cookies.update({name: morsel.value for name, morsel in SimpleCookie(header).items()})
        return Reply(reply.status, body, dict(reply.headers), cookies)


def staff_page(browser, target: Target, username: str, *, role=auth.Role.STAFF, plan: str):
    """A browser page signed in as a new user of every actor of `plan`, through the server's
    own session cookie."""
    with storage.reading(target.db_path) as db:
        actors = [r[0] for r in db.execute("SELECT id FROM actors WHERE plan_id = ?", [plan])]
    session_id = signed_in(target.db_path, username, role=role, actors=actors)
    reply = request(
        f"{target.url}{session_cookie.OPEN}",
        data=urlencode(
            {"token": auth.handoff_token(session_id, key=target.cookie_key), "language": "fi"}
        ).encode(),
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "sec-fetch-site": "same-origin",
        },
    )
    assert reply.status == 303, reply.body
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    cookie = reply.cookies[auth.COOKIE_NAME]
    context.add_cookies([{"name": auth.COOKIE_NAME, "value": cookie, "url": target.url}])
    return context.new_page()
